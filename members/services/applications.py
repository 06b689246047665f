"""Membership applications: a visitor applies, staff approve or reject.

An application creates its organisation at once (status applicant: not listed anywhere),
so that a second application for the same Estonian registry code is caught by the same
unique constraint that guards the member register.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from members.models import (
    Membership,
    MembershipApplication,
    MembershipStatus,
    Organisation,
    Role,
    User,
)
from members.services.errors import MembersError
from messaging import emails

SLUG_MAX_LENGTH = Organisation._meta.get_field("slug").max_length


class ApplicationError(MembersError):
    """A refused application; `field` names the form field the message belongs next to."""

    def __init__(self, message, *, field=None):
        super().__init__(message)
        self.field = field


def submit_application(
    *, organisation_data, focus_areas, motivation, contact_job_title, applicant=None, account=None
) -> MembershipApplication:
    """Record a membership application for a new organisation, and tell the applicant and staff.

    `applicant` is the signed-in person applying; for a visitor, `account` (a dict with
    email, display_name, password and language) creates their account, with an unverified
    e-mail address (the caller starts allauth's verification). The organisation is created
    as an applicant with a unique address name. Raises ApplicationError if the e-mail
    already has an account or an organisation with the registry code exists.
    """
    if (applicant is None) == (account is None):
        raise ValueError("Give exactly one of applicant and account.")
    with transaction.atomic():
        if account is not None:
            applicant = create_unverified_account(account)
        registry_code = organisation_data.get("registry_code") or None
        _refuse_known_registry_code(registry_code, applicant)
        organisation = _create_applicant_organisation({**organisation_data, "registry_code": registry_code}, applicant)
        organisation.focus_areas.set(focus_areas)
        application = MembershipApplication.objects.create(
            organisation=organisation,
            applicant=applicant,
            contact_job_title=contact_job_title,
            motivation=motivation,
        )
        context = {"application": application, "organisation": organisation, "applicant": applicant}
        emails.send_to_person(applicant, "application_received", {**context, "needs_verification": account is not None})
        _notify_staff(context)
    return application


def create_unverified_account(account, *, exists_message=None):
    """A new account from `account` (email, display_name, password, language), its address unverified.

    The caller starts allauth's verification. Raises ApplicationError at the e-mail field, with
    `exists_message` if given, when the address already has an account (also in a race).
    """
    email = account["email"].strip()
    if email_has_account(email):
        raise _account_exists(exists_message)
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                email,
                account["password"],
                display_name=account["display_name"],
                preferred_language=account["language"],
            )
            EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)
    except IntegrityError:
        raise _account_exists(exists_message) from None
    return user


def email_has_account(email):
    """Whether an account signs in with, or has added, this address (allauth keeps both)."""
    return (
        User.objects.filter(email__iexact=email).exists() or EmailAddress.objects.filter(email__iexact=email).exists()
    )


def _account_exists(message=None):
    return ApplicationError(
        message or _("An account with this e-mail address already exists. Sign in first, then apply."), field="email"
    )


def _refuse_known_registry_code(registry_code, applicant):
    if not registry_code:
        return
    known = Organisation.objects.filter(registry_code=registry_code).first()
    if known is not None:
        raise _duplicate_registry_code(known, applicant)


def _duplicate_registry_code(organisation, applicant):
    if Membership.objects.filter(organisation=organisation, user=applicant).exists():
        message = _("Your organisation is already in the portal: see your organisation's page.")
    elif MembershipApplication.objects.filter(
        organisation=organisation, applicant=applicant, status=MembershipApplication.Status.SUBMITTED
    ).exists():
        message = _("You have already applied for this organisation. Staff will e-mail you their decision.")
    else:
        message = _(
            "An organisation with this registry code is already a member or has applied. "
            "If you think this is a mistake, contact info@escc.example."
        )
    return ApplicationError(message, field="registry_code")


def _create_applicant_organisation(data, applicant):
    for attempt in range(5):
        organisation = Organisation(
            **data, slug=_unique_slug(data["name_et"], attempt), membership_status=MembershipStatus.APPLICANT
        )
        try:
            with transaction.atomic():
                organisation.save()
        except IntegrityError:
            # Someone else took the registry code (or the address name) a moment ago.
            known = Organisation.objects.filter(registry_code=data["registry_code"]).first()
            if data["registry_code"] and known is not None:
                raise _duplicate_registry_code(known, applicant) from None
            continue
        return organisation
    raise MembersError(_("The application could not be saved. Please try again."))


def _unique_slug(name, attempt=0):
    base = slugify(name)[: SLUG_MAX_LENGTH - 12].strip("-") or "organisation"
    taken = set(Organisation.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2 + attempt
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


def _notify_staff(context):
    """Every active staff member hears of a new application; SERVER_EMAIL if there are none."""
    staff = list(User.objects.filter(is_staff=True, is_active=True))
    for person in staff:
        emails.send_to_person(person, "application_staff_notice", context)
    if not staff:
        emails.send_to_address(settings.SERVER_EMAIL, "application_staff_notice", context, settings.LANGUAGE_CODE)


def approve_application(application, *, actor) -> MembershipApplication:
    """Make the organisation an active member and the applicant its admin and primary contact.

    Locks the application; raises MembersError unless it is still waiting for review, so
    approving twice, or approving a rejected application, changes nothing. The applicant
    is e-mailed in their language with a link to the organisation's page.
    """
    with transaction.atomic():
        locked = _lock_submitted(application)
        now = timezone.now()
        locked.status = MembershipApplication.Status.APPROVED
        locked.decided_by = actor
        locked.decided_at = now
        locked.save(update_fields=["status", "decided_by", "decided_at"])

        organisation = Organisation.objects.select_for_update().get(pk=locked.organisation_id)
        organisation.membership_status = MembershipStatus.ACTIVE
        organisation.member_since = timezone.localdate(now)
        organisation.member_until = None
        organisation.status_changed_at = now
        organisation.profile_confirmed_at = now
        organisation._history_user = actor
        organisation._change_reason = "members.application.approved"
        organisation.save(
            update_fields=[
                "membership_status",
                "member_since",
                "member_until",
                "status_changed_at",
                "profile_confirmed_at",
            ]
        )

        # The applicant becomes the primary contact; the database allows only one.
        Membership.objects.filter(organisation=organisation, is_primary_contact=True).exclude(
            user=locked.applicant
        ).update(is_primary_contact=False)
        Membership.objects.update_or_create(
            user=locked.applicant,
            organisation=organisation,
            defaults={"role": Role.ADMIN, "job_title": locked.contact_job_title, "is_primary_contact": True},
        )
        emails.send_to_person(
            locked.applicant, "application_approved", {"application": locked, "organisation": organisation}
        )
    return locked


def reject_application(application, *, actor, reason) -> MembershipApplication:
    """Reject an application with a reason, e-mailed to the applicant in their language.

    The organisation stays an applicant, so it is listed nowhere. Raises MembersError if
    the reason is blank or the application was already decided.
    """
    reason = (reason or "").strip()
    if not reason:
        raise MembersError(_("Give a reason: the applicant receives it."))
    with transaction.atomic():
        locked = _lock_submitted(application)
        locked.status = MembershipApplication.Status.REJECTED
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.rejection_reason = reason
        locked.save(update_fields=["status", "decided_by", "decided_at", "rejection_reason"])
        emails.send_to_person(
            locked.applicant, "application_rejected", {"application": locked, "organisation": locked.organisation}
        )
    return locked


def _lock_submitted(application):
    locked = (
        MembershipApplication.objects.select_for_update(of=("self",))
        .select_related("applicant", "organisation")
        .get(pk=application.pk)
    )
    if locked.status != MembershipApplication.Status.SUBMITTED:
        raise MembersError(_("This application has already been decided."))
    return locked
