"""Asking for consent again: a panellist whose consent is to older terms is asked at sign-in.

On sign-in the session remembers whether the person must consent to the terms in force;
while it does, `ConsentMiddleware` sends their page requests to the consent page (leaving
sign-out, the consent page itself, their data export and erasure reachable). The check
costs one query at sign-in and none afterwards.
"""

from allauth.account.signals import user_logged_in
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from livinglab.models import Panellist
from livinglab.terms import terms_version_in_force

SESSION_KEY = "livinglab_consent_needed"
PASSES = ("livinglab:consent", "livinglab:panel_export", "livinglab:panel_delete", "account_logout")


def needs_consent(user):
    if not user.is_authenticated:
        return False
    current = terms_version_in_force()
    return (
        current is not None
        and Panellist.objects.filter(user=user, withdrawn_at__isnull=True).exclude(terms_version=current).exists()
    )


def _remember(sender, request, user, **kwargs):
    request.session[SESSION_KEY] = needs_consent(user)


def connect():
    user_logged_in.connect(_remember, dispatch_uid="livinglab.consent")


class ConsentMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "GET" and request.session.get(SESSION_KEY) and not _passes(request.path_info):
            return redirect(f"{reverse('livinglab:consent')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


def _passes(path):
    try:
        return resolve(path).view_name in PASSES
    except Resolver404:
        return True
