"""Placeholder: a helper is writing this module now."""

from django.http import Http404


def join_request_create(request, **kwargs):
    raise Http404


def invitation_create(request, **kwargs):
    raise Http404


def join_request_accept(request, **kwargs):
    raise Http404


def join_request_decline(request, **kwargs):
    raise Http404


def join_request_withdraw(request, **kwargs):
    raise Http404


def participation_leave(request, **kwargs):
    raise Http404


def lead_handover(request, **kwargs):
    raise Http404
