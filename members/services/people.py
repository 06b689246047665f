"""People in organisations: invitations, roles, primary contacts and removal.

Every change to an organisation's people locks all of its membership rows first, so two
admins acting at once are served one after the other and the rule "an organisation always
keeps an admin" holds whatever they do.
"""

import structlog
from allauth.account.models import EmailAddress
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from members.invitations import MAX_AGE, AddressMatch, address_match, make_token
from members.models import Invitation, Membership, Role, User
from members.services.applications import email_has_account
from members.services.errors import MembersError
from members.text import masked_email
from messaging import emails

logger = structlog.get_logger(__name__)


def invite_person(organisation, *, actor, email, role, language=None) -> Invitation:
    """Invite a colleague by e-mail with a signed link that expires after 14 days.

    The e-mail is written in `language` (the page the admin invited from; the invitee has
    no account to take a language from yet). Raises MembersError if the address is already
    one of the organisation's people or already has a pending invitation from it.
    """
    email = email.strip()
    if role not in Role.values:
        raise MembersError(_("Choose a role."))
    with transaction.atomic():
        if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
            raise MembersError(_("This person is already in the organisation."))
        if _has_pending_invitation(organisation, email):
            raise MembersError(_("This address has already been invited and has not answered yet."))
        try:
            with transaction.atomic():
                invitation = Invitation.objects.create(
                    organisation=organisation, email=email, role=role, invited_by=actor
                )
        except IntegrityError:
            # Another admin invited the same address a moment ago (one pending per address).
            raise MembersError(_("This address has already been invited and has not answered yet.")) from None
        emails.send_to_address(
            email,
            "invitation",
            {"invitation": invitation, "organisation": organisation, "inviter": actor, "token": make_token(invitation)},
            language or get_language() or "et",
        )
    return invitation


def _has_pending_invitation(organisation, email):
    return Invitation.objects.filter(
        organisation=organisation, email__iexact=email, status=Invitation.Status.PENDING
    ).exists()


def accept_invitation(invitation, *, user=None, account=None) -> Membership:
    """Make a person a member of the inviting organisation in the invited role.

    Either `user` (a signed-in account, which must hold the invited address, verified) or
    `account` (a dict with display_name, password and language) to create an account for
    the invited address, whose e-mail counts as verified because the link reached that
    inbox. Raises MembersError if the invitation is no longer pending or too old, `user`
    has not verified the invited address, the address already has an account (for
    `account`), or the person is already in the organisation. Who accepted, with which
    address, goes to the log as `members.invitation.accepted`.
    """
    if (user is None) == (account is None):
        raise ValueError("Give exactly one of user and account.")
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().select_related("organisation").get(pk=invitation.pk)
        if locked.status != Invitation.Status.PENDING:
            raise MembersError(_("This invitation has already been used or withdrawn."))
        if locked.created_at < timezone.now() - MAX_AGE:
            raise MembersError(_("This invitation has expired. Ask for a new one."))
        if account is not None:
            user = _create_verified_account(locked.email, account)
        elif address_match(locked, user) != AddressMatch.VERIFIED:
            logger.warning(
                "members.invitation.refused", invitation_id=locked.pk, user_id=user.pk, reason="address_not_verified"
            )
            raise MembersError(
                _("This invitation was sent to %(invited)s, and you are signed in as %(current)s.")
                % {"invited": masked_email(locked.email), "current": masked_email(user.email)}
            )
        if Membership.objects.filter(user=user, organisation=locked.organisation).exists():
            raise MembersError(_("You are already in this organisation."))
        membership = Membership.objects.create(user=user, organisation=locked.organisation, role=locked.role)
        locked.status = Invitation.Status.ACCEPTED
        locked.accepted_by = user
        locked.decided_at = timezone.now()
        locked.save(update_fields=["status", "accepted_by", "decided_at"])
    logger.info(
        "members.invitation.accepted",
        invitation_id=locked.pk,
        organisation_id=locked.organisation_id,
        role=locked.role,
        user_id=user.pk,
        email=locked.email,
        is_new_account=account is not None,
    )
    return membership


def _create_verified_account(email, account):
    exists = MembersError(_("An account with this e-mail address already exists. Sign in to accept."))
    if email_has_account(email):
        raise exists
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                email,
                account["password"],
                display_name=account["display_name"],
                preferred_language=account["language"],
            )
            EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    except IntegrityError:
        raise exists from None
    return user


def withdraw_invitation(invitation, *, actor) -> Invitation:
    """Cancel a pending invitation so that its link stops working.

    Raises MembersError if it was already accepted or withdrawn.
    """
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.status != Invitation.Status.PENDING:
            raise MembersError(_("This invitation has already been used or withdrawn."))
        locked.status = Invitation.Status.REVOKED
        locked.decided_at = timezone.now()
        locked.save(update_fields=["status", "decided_at"])
    return locked


def _lock_people(membership):
    """Lock every membership of the organisation; return the target row and the admin count."""
    people = list(
        Membership.objects.select_for_update().filter(organisation_id=membership.organisation_id).order_by("pk")
    )
    target = next((person for person in people if person.pk == membership.pk), None)
    if target is None:
        raise MembersError(_("This person is no longer in the organisation."))
    admins = sum(1 for person in people if person.role == Role.ADMIN)
    return target, admins


def change_membership(membership, *, actor, role=None, job_title=None, is_primary_contact=None) -> Membership:
    """Change a person's role, job title or primary-contact flag (None leaves it as it is).

    Making someone the primary contact unsets the previous one in the same transaction.
    Raises MembersError rather than demote the organisation's last admin.
    """
    with transaction.atomic():
        target, admins = _lock_people(membership)
        changed = []
        if role is not None and role != target.role:
            if role not in Role.values:
                raise MembersError(_("Choose a role."))
            if target.role == Role.ADMIN and admins <= 1:
                raise MembersError(_("An organisation needs at least one admin: make someone else an admin first."))
            target.role = role
            changed.append("role")
        if job_title is not None and job_title != target.job_title:
            target.job_title = job_title
            changed.append("job_title")
        if is_primary_contact is not None and is_primary_contact != target.is_primary_contact:
            if is_primary_contact:
                Membership.objects.filter(organisation_id=target.organisation_id, is_primary_contact=True).update(
                    is_primary_contact=False
                )
            target.is_primary_contact = is_primary_contact
            changed.append("is_primary_contact")
        if changed:
            target.save(update_fields=changed)
    return target


def remove_membership(membership, *, actor) -> None:
    """Remove a person from the organisation (their account stays).

    Raises MembersError rather than remove the last admin, also when admins remove themselves.
    """
    with transaction.atomic():
        target, admins = _lock_people(membership)
        if target.role == Role.ADMIN and admins <= 1:
            raise MembersError(
                _("An organisation needs at least one admin: make someone else an admin before removing this one.")
            )
        target.delete()
