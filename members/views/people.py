"""An organisation's people, its invitations, and answering an invitation link.

Managing people is for the organisation's admins and staff: every view here loads the
organisation through `get_organisation_for(..., MANAGE_PEOPLE)`, which answers 404 to a
stranger and 403 to a plain member before any form is read.
"""

from allauth.account import app_settings as allauth_settings
from allauth.account.utils import perform_login
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from members import permissions, services
from members.forms_people import InvitationAccountForm, InvitationForm, MembershipForm
from members.invitations import (
    AddressMatch,
    ExpiredToken,
    InvalidToken,
    address_match,
    invitation_for_token,
    invited_address_has_account,
)
from members.models import Invitation
from members.querysets import pending_invitations_of, people_of
from members.text import masked_email


def _manageable(request, slug):
    return permissions.get_organisation_for(request.user, slug, permissions.MANAGE_PEOPLE)


def _people_context(organisation, *, invite_form=None, notice="", is_error=False):
    return {
        "organisation": organisation,
        "people": people_of(organisation),
        "invitations": pending_invitations_of(organisation),
        "invite_form": invite_form or InvitationForm(),
        "notice": notice,
        "notice_is_error": is_error,
    }


def _invitations_partial(request, organisation, *, invite_form=None, notice="", is_error=False):
    context = _people_context(organisation, invite_form=invite_form, notice=notice, is_error=is_error)
    response = render(request, "members/_people_invitations.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
@require_http_methods(["GET"])
def people_list(request, slug):
    organisation = _manageable(request, slug)
    response = render(request, "members/people_list.html", _people_context(organisation))
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
@require_http_methods(["GET", "POST"])
def invitation_create(request, slug):
    organisation = _manageable(request, slug)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invite_person(
                organisation, actor=request.user, language=get_language(), **form.cleaned_data
            )
        except services.MembersError as error:
            form.add_error("email", str(error))
        else:
            notice = _("An invitation was sent to %(email)s.") % {"email": invitation.email}
            if request.htmx:
                return _invitations_partial(request, organisation, notice=notice)
            messages.success(request, notice)
            return redirect("members:people_list", slug=organisation.slug)
    if request.htmx:
        return _invitations_partial(request, organisation, invite_form=form)
    response = render(request, "members/invitation_form.html", {"organisation": organisation, "form": form})
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
@require_POST
def invitation_withdraw(request, slug, invitation_id):
    organisation = _manageable(request, slug)
    invitation = get_object_or_404(organisation.invitations, pk=invitation_id)
    try:
        services.withdraw_invitation(invitation, actor=request.user)
    except services.MembersError as error:
        notice, level = str(error), messages.ERROR
    else:
        notice, level = _("The invitation to %(email)s was withdrawn.") % {"email": invitation.email}, messages.SUCCESS
    if request.htmx:
        return _invitations_partial(request, organisation, notice=notice, is_error=level == messages.ERROR)
    messages.add_message(request, level, notice)
    return redirect("members:people_list", slug=organisation.slug)


@login_required
@require_http_methods(["GET", "POST"])
def membership_edit(request, slug, membership_id):
    organisation = _manageable(request, slug)
    membership = get_object_or_404(organisation.memberships.select_related("user"), pk=membership_id)
    form = MembershipForm.for_membership(membership, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_membership(membership, actor=request.user, **form.cleaned_data)
        except services.MembersError as error:
            form.add_error("role", str(error))
        else:
            messages.success(request, _("Changes to %(name)s were saved.") % {"name": membership.user})
            return _after_change(request, organisation)
    context = {"organisation": organisation, "membership": membership, "form": form}
    return render(request, "members/membership_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def membership_remove(request, slug, membership_id):
    organisation = _manageable(request, slug)
    membership = get_object_or_404(organisation.memberships.select_related("user"), pk=membership_id)
    error = None
    if request.method == "POST":
        try:
            services.remove_membership(membership, actor=request.user)
        except services.MembersError as refused:
            error = str(refused)
        else:
            messages.success(
                request,
                _("%(name)s was removed from %(organisation)s.")
                % {"name": membership.user, "organisation": organisation},
            )
            return _after_change(request, organisation)
    context = {"organisation": organisation, "membership": membership, "error": error}
    return render(request, "members/membership_remove_confirm.html", context)


def _after_change(request, organisation):
    """Back to the people page, unless the admin just gave up the right to see it."""
    if permissions.can_manage_people(request.user, organisation):
        return redirect("members:people_list", slug=organisation.slug)
    if organisation.is_active_member or permissions.role_in(request.user, organisation):
        return redirect(organisation)
    return redirect("members:profile_edit")


@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    try:
        invitation = invitation_for_token(token)
    except ExpiredToken:
        return _invitation_unusable(request, _("This invitation link has expired. Ask for a new invitation."), 410)
    except InvalidToken:
        return _invitation_unusable(
            request, _("This invitation link is not valid. Check that it was copied whole."), 400
        )
    if invitation is None or invitation.status != Invitation.Status.PENDING:
        return _invitation_unusable(request, _("This invitation has already been used or withdrawn."), 410)
    if request.user.is_authenticated:
        return _accept_signed_in(request, invitation)
    return _accept_with_new_account(request, invitation)


def _invitation_unusable(request, reason, status):
    return render(request, "members/invitation_accept.html", {"unusable": reason}, status=status)


def _accept_signed_in(request, invitation):
    """Only the account holding the invited address, verified, may accept; the service refuses others."""
    organisation = invitation.organisation
    match = address_match(invitation, request.user)
    is_invited_account = match == AddressMatch.VERIFIED
    is_already_in = is_invited_account and permissions.role_in(request.user, organisation) is not None
    error, status = None, 200
    if request.method == "POST" and not is_already_in:
        try:
            services.accept_invitation(invitation, user=request.user)
        except services.MembersError as refused:
            error, status = str(refused), 200 if is_invited_account else 403
        else:
            messages.success(request, _("Welcome to %(organisation)s.") % {"organisation": organisation})
            return redirect(organisation)
    context = {
        "invitation": invitation,
        "is_invited_account": is_invited_account,
        "has_unverified_address": match == AddressMatch.UNVERIFIED,
        "invited_email": masked_email(invitation.email),
        "current_email": masked_email(request.user.email),
        "is_already_in": is_already_in,
        "error": error,
    }
    return render(request, "members/invitation_accept.html", context, status=status)


def _accept_with_new_account(request, invitation):
    context = {"invitation": invitation}
    if invited_address_has_account(invitation):
        context["sign_in_url"] = f"{reverse('account_login')}?{urlencode({'next': request.path})}"
        return render(request, "members/invitation_accept.html", context)
    form = InvitationAccountForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        account = {
            "display_name": form.cleaned_data["display_name"],
            "password": form.cleaned_data["password1"],
            "language": get_language() or "et",
        }
        try:
            membership = services.accept_invitation(invitation, account=account)
        except services.MembersError as error:
            form.add_error(None, str(error))
        else:
            organisation = invitation.organisation
            messages.success(request, _("Welcome to %(organisation)s.") % {"organisation": organisation})
            return perform_login(
                request,
                membership.user,
                email_verification=allauth_settings.EMAIL_VERIFICATION,
                redirect_url=organisation.get_absolute_url(),
            )
    context["form"] = form
    return render(request, "members/invitation_accept.html", context)
