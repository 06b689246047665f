"""Placeholder: a helper is writing this module now."""

from django.http import Http404


def application_create(request, **kwargs):
    raise Http404


def application_sent(request, **kwargs):
    raise Http404
