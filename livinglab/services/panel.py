"""The panel: joining, the profile, consent, the data export and erasure.

Consent is to one version of the terms (PanelTerms). A panellist whose consent is to an
older version, or withdrawn, is never matched (PanellistQuerySet.matchable) until they
consent to the version in force; sign-in asks them to (livinglab.consent).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livinglab import choices
from livinglab.models import ConsentEvent, FeedbackResponse, Panellist
from livinglab.services import invitations
from livinglab.services.errors import LivingLabError
from livinglab.terms import terms_in_force
from members import services as members_services
from messaging import personal_data

PROFILE_FIELDS = [
    "birth_year",
    "gender",
    "municipality",
    "district",
    "occupation",
    "languages",
    "devices",
    "operating_systems",
    "digital_skill",
    "mobility",
    "accessibility_needs",
    "test_frequency",
]


def _check_age(birth_year):
    # With only the year known, someone born this year minus 13 may still be 12: refuse them too.
    if choices.age_in(timezone.now().year, birth_year) - 1 < choices.MINIMUM_AGE:
        raise LivingLabError(
            _("You can join the panel from the year you turn 14, so that nobody under 13 takes part."),
            field="birth_year",
        )


def _check_terms(terms_version):
    terms = terms_in_force()
    if terms is None:
        raise LivingLabError(_("The panel is not open yet: its terms are not published."))
    if terms_version != terms.version:
        raise LivingLabError(
            _("The terms changed while you were reading them. Please read them again."), field="consent"
        )
    return terms


def join_panel(*, profile, interests, terms_version, user=None, account=None) -> Panellist:
    """Make a person a panellist who consents to the terms in force.

    `user` is the signed-in person; for a visitor, `account` (email, display_name, password,
    language) creates their account with an unverified address (the caller starts allauth's
    verification). Raises LivingLabError if they are too young, already on the panel, the
    terms changed meanwhile, or the address has an account.
    """
    if (user is None) == (account is None):
        raise ValueError("Give exactly one of user and account.")
    _check_age(profile["birth_year"])
    with transaction.atomic():
        terms = _check_terms(terms_version)
        if account is not None:
            try:
                user = members_services.create_unverified_account(
                    account,
                    exists_message=_("An account with this e-mail address already exists. Sign in first, then join."),
                )
            except members_services.ApplicationError as error:
                raise LivingLabError(str(error), field=error.field) from None
        elif Panellist.objects.filter(user=user).exists():
            raise LivingLabError(_("You are already on the panel."))
        now = timezone.now()
        panellist = Panellist.objects.create(user=user, terms_version=terms.version, consented_at=now, **profile)
        panellist.interests.set(interests)
        ConsentEvent.objects.create(
            panellist=panellist, action=ConsentEvent.Action.GIVEN, terms_version=terms.version, at=now
        )
    return panellist


def update_panel_profile(panellist, *, profile, interests) -> Panellist:
    """Save the panellist's profile; future matching uses it, invitations already sent stay."""
    _check_age(profile["birth_year"])
    with transaction.atomic():
        for name, value in profile.items():
            setattr(panellist, name, value)
        panellist.save()
        panellist.interests.set(interests)
    return panellist


def give_consent(panellist, *, terms_version) -> Panellist:
    """Consent to the terms in force: after a new version, or to come back after withdrawing."""
    with transaction.atomic():
        terms = _check_terms(terms_version)
        panellist = Panellist.objects.select_for_update().get(pk=panellist.pk)
        now = timezone.now()
        panellist.terms_version, panellist.consented_at, panellist.withdrawn_at = terms.version, now, None
        panellist.save(update_fields=["terms_version", "consented_at", "withdrawn_at", "updated_at"])
        ConsentEvent.objects.create(
            panellist=panellist, action=ConsentEvent.Action.GIVEN, terms_version=terms.version, at=now
        )
    return panellist


def withdraw_consent(panellist, *, keep_running) -> Panellist:
    """Take the panellist out of all future matching at once.

    With `keep_running`, they stay in the campaigns they already take part in (accepted or
    waiting); without it they leave those too, and their places go to the waiting lists.
    Withdrawing twice changes nothing the second time.
    """
    with transaction.atomic():
        panellist = Panellist.objects.select_for_update().get(pk=panellist.pk)
        if panellist.withdrawn_at is not None:
            return panellist
        now = timezone.now()
        panellist.withdrawn_at = now
        panellist.save(update_fields=["withdrawn_at", "updated_at"])
        ConsentEvent.objects.create(
            panellist=panellist,
            action=ConsentEvent.Action.WITHDRAWN,
            terms_version=panellist.terms_version,
            kept_running_campaigns=keep_running,
            at=now,
        )
        invitations.leave_open_campaigns(panellist, keep_accepted=keep_running)
    return panellist


def delete_panel_data(panellist) -> bool:
    """Erase the panellist: profile, consent history, participations and the e-mails sent to them.

    Their feedback stays as anonymous answers under the campaign's pseudonym. The account
    goes too, unless the person also works for a member organisation (then only the panel
    data goes). Returns whether the account was deleted.
    """
    with transaction.atomic():
        panellist = Panellist.objects.select_for_update().select_related("user").get(pk=panellist.pk)
        user = panellist.user
        invitations.leave_open_campaigns(panellist, keep_accepted=False)
        # The answers lose their link before the participation rows go (SET_NULL would do it
        # too, but explicitly the erasure does not depend on a foreign key's on_delete).
        FeedbackResponse.objects.filter(participation__panellist=panellist).update(participation=None)
        panellist.delete()
        keeps_account = user.memberships.exists() or user.is_staff
        personal_data.forget_emails_to(user.email, kind_prefix="" if not keeps_account else "livinglab.")
        if not keeps_account:
            user.delete()
    return not keeps_account
