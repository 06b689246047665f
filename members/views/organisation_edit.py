"""Placeholder: a helper is writing this module now."""

from django.http import Http404


def organisation_edit(request, **kwargs):
    raise Http404


def organisation_confirm(request, **kwargs):
    raise Http404
