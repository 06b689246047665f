"""Placeholder: a helper is writing this module now."""

from django.http import Http404


def dashboard(request, **kwargs):
    raise Http404


def notification_list(request, **kwargs):
    raise Http404


def notifications_mark_read(request, **kwargs):
    raise Http404


def notification_preferences(request, **kwargs):
    raise Http404
