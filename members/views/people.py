"""Placeholder: a helper is writing this module now."""

from django.http import Http404


def people_list(request, **kwargs):
    raise Http404


def invitation_create(request, **kwargs):
    raise Http404


def membership_edit(request, **kwargs):
    raise Http404


def membership_remove(request, **kwargs):
    raise Http404


def invitation_withdraw(request, **kwargs):
    raise Http404


def invitation_accept(request, **kwargs):
    raise Http404
