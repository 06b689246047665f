"""The panel's public pages and the panellist's own space: join, profile, consent, export, erasure."""

import json
import re

from allauth.account import app_settings as allauth_settings
from allauth.account.utils import complete_signup
from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from escc.page_cache import cached_for_visitors
from livinglab import consent, services
from livinglab.export import panel_data
from livinglab.forms_panel import ConsentForm, DeleteForm, PanelJoinForm, PanelProfileForm, WithdrawForm
from livinglab.models import Panellist
from livinglab.permissions import can_propose, get_panellist_for
from livinglab.terms import terms_in_force

JOINED_SESSION_KEY = "livinglab_joined"
# A path on this site with a query string: nothing else is followed after consenting.
SAFE_PATH = re.compile(r"/(?!/)[\w\-./?=&%+]*")


@require_GET
@cached_for_visitors
def home(request):
    is_panellist = request.user.is_authenticated and Panellist.objects.filter(user_id=request.user.pk).exists()
    context = {
        "is_panellist": is_panellist,
        "can_propose": can_propose(request.user),
        "panel_size": Panellist.objects.on_panel().count(),
    }
    return render(request, "livinglab/home.html", context)


@require_GET
def terms(request):
    return render(request, "livinglab/terms.html", {"terms": terms_in_force()})


@require_http_methods(["GET", "POST"])
def panel_join(request):
    if request.user.is_authenticated and Panellist.objects.filter(user_id=request.user.pk).exists():
        return redirect("livinglab:panel_profile")
    is_visitor = not request.user.is_authenticated
    current = terms_in_force()
    form = PanelJoinForm(
        request.POST or None, with_account=is_visitor, initial={"terms_version": getattr(current, "version", None)}
    )
    if request.method == "POST" and form.is_valid():
        if is_visitor and not ratelimit.consume(request, action="signup"):
            form.add_error(None, _("Too many sign-ups from your network. Please try again in a minute."))
        else:
            try:
                panellist = services.join_panel(
                    profile=form.profile(),
                    interests=form.cleaned_data["interests"],
                    terms_version=form.cleaned_data["terms_version"],
                    user=None if is_visitor else request.user,
                    account=form.account(get_language()),
                )
            except services.LivingLabError as error:
                form.add_error(error.field, str(error))
            else:
                return _joined(request, panellist, is_visitor=is_visitor)
    sign_in_url = f"{reverse('account_login')}?{urlencode({'next': request.path})}"
    return render(request, "livinglab/panel_join.html", {"form": form, "terms": current, "sign_in_url": sign_in_url})


def _joined(request, panellist, *, is_visitor):
    joined_url = reverse("livinglab:panel_joined")
    if is_visitor:
        # allauth e-mails a code; the person is signed in once they enter it (as for applications).
        complete_signup(request, panellist.user, allauth_settings.EMAIL_VERIFICATION, joined_url)
    request.session[JOINED_SESSION_KEY] = {"email": panellist.user.email, "needs_verification": is_visitor}
    return redirect(joined_url)


@require_GET
def panel_joined(request):
    joined = request.session.get(JOINED_SESSION_KEY)
    if joined and request.user.is_authenticated:
        joined = {**joined, "needs_verification": False}
    return render(request, "livinglab/panel_joined.html", {"joined": joined})


@login_required
@require_http_methods(["GET", "POST"])
def panel_profile(request):
    panellist = get_panellist_for(request.user)
    form = PanelProfileForm(request.POST or None, instance=panellist)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_panel_profile(panellist, profile=form.profile(), interests=form.cleaned_data["interests"])
        except services.LivingLabError as error:
            form.add_error(error.field, str(error))
        else:
            messages.success(request, _("Your panel profile is saved."))
            return redirect("livinglab:panel_profile")
    context = {"form": form, "panellist": panellist, "terms": terms_in_force()}
    return render(request, "livinglab/panel_profile.html", context)


@login_required
@require_GET
def panel_invitations(request):
    panellist = get_panellist_for(request.user)
    participations = panellist.participations.with_campaign().order_by("-invited_at")
    return render(request, "livinglab/panel_invitations.html", {"participations": participations})


@login_required
@require_http_methods(["GET", "POST"])
def consent_renew(request):
    panellist = get_panellist_for(request.user)
    current = terms_in_force()
    form = ConsentForm(request.POST or None, initial={"terms_version": getattr(current, "version", None)})
    if request.method == "POST" and form.is_valid():
        try:
            services.give_consent(panellist, terms_version=form.cleaned_data["terms_version"])
        except services.LivingLabError as error:
            form.add_error(error.field, str(error))
        else:
            request.session[consent.SESSION_KEY] = False
            messages.success(request, _("Thank you: you are on the panel again and can be invited to tests."))
            return _next_or(request, "livinglab:panel_profile")
    context = {"form": form, "terms": current, "panellist": panellist, "next": request.GET.get("next", "")}
    return render(request, "livinglab/consent.html", context)


def _next_or(request, default):
    """The page the person came from, if it is one of ours (a path), else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if SAFE_PATH.fullmatch(target) and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return HttpResponseRedirect(target)
    return redirect(default)


@login_required
@require_http_methods(["GET", "POST"])
def panel_withdraw(request):
    panellist = get_panellist_for(request.user)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.withdraw_consent(panellist, keep_running=form.cleaned_data["keep_running"])
        request.session[consent.SESSION_KEY] = False
        messages.success(request, _("Your consent is withdrawn: nobody will invite you to new tests."))
        return redirect("livinglab:panel_profile")
    return render(request, "livinglab/panel_withdraw.html", {"form": form, "panellist": panellist})


@login_required
@require_GET
def panel_export(request):
    panellist = get_panellist_for(request.user)
    body = json.dumps(panel_data(panellist), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="escc-panel-data.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def panel_delete(request):
    panellist = get_panellist_for(request.user)
    form = DeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        account_deleted = services.delete_panel_data(panellist)
        if account_deleted:
            logout(request)
        messages.success(
            request,
            _("Your account and panel data are deleted.")
            if account_deleted
            else _("Your panel data is deleted. Your account stays, because you work for a member organisation."),
        )
        return redirect("livinglab:home")
    return render(request, "livinglab/panel_delete.html", {"form": form, "panellist": panellist})
