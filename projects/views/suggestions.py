"""Placeholder: a helper is writing this module now."""

from django.http import Http404


def partner_suggestions(request, **kwargs):
    raise Http404
