"""Placeholder: a helper is writing this module now."""

from django.http import Http404


def project_list(request, **kwargs):
    raise Http404


def project_detail(request, **kwargs):
    raise Http404
