"""Placeholder: a helper is writing this module now."""

from django.http import Http404


def directory(request, **kwargs):
    raise Http404
