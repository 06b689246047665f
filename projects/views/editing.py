"""Placeholder: a helper is writing this module now."""

from django.http import Http404


def project_create(request, **kwargs):
    raise Http404


def project_edit(request, **kwargs):
    raise Http404


def partner_search_update(request, **kwargs):
    raise Http404


def update_create(request, **kwargs):
    raise Http404
