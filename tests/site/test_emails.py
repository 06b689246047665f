"""Every e-mail the portal can send, rendered in both languages from realistic data.

The templates are found on disk, so a new e-mail fails `test_every_email_template_is_rendered_here`
until it gets a context below. Each rendering (subject, text and HTML) must hold no Python
repr leaking through (`<QuerySet …>`, `object at 0x…`), no `None` where a value belongs, no
empty interpolation, and name the portal.
"""

import re
from datetime import timedelta
from pathlib import Path

import allauth
import pytest
from allauth.account.adapter import get_adapter
from allauth.core.context import request_context
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import timezone, translation

from funding.digests.rendering import render_digest
from funding.digests.selection import build_digests, build_reminders
from livinglab import notifications as livinglab_notifications
from members.invitations import make_token
from members.models import FocusArea, MembershipApplication, Role
from messaging import emails
from messaging.models import Notification, OutboxEmail
from projects.models import JoinRequest, NotificationKind, ProjectUpdate
from projects.notifications import notify
from support import notifications as support_notifications
from tests.factories import (
    CallFactory,
    CallFollowFactory,
    InvitationFactory,
    JoinRequestFactory,
    MembershipFactory,
    NewsFactory,
    OrganisationFactory,
    ProjectFactory,
    SavedSearchFactory,
    SubscriptionFactory,
    UserFactory,
)
from tests.livinglab.factories import CampaignFactory, PanellistFactory, ParticipationFactory
from tests.support.factories import RequestMessageFactory, ServiceRequestFactory

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
ALLAUTH_TEMPLATES = Path(allauth.__file__).parent / "templates"
LANGUAGES = ["et", "en"]
PORTAL_NAME = {"et": "Eesti Nutika Linna Klaster", "en": "Estonian Smart City Cluster"}
ALLAUTH_DIRS = ["account/email", "mfa/email"]
# allauth's e-mails that report a change to the account (sent with EMAIL_NOTIFICATIONS).
NOTIFICATIONS = {
    "account/email/email_changed": {"from_email": "liis@example.ee", "to_email": "liis.lepik@example.ee"},
    "account/email/email_confirm": {},
    "account/email/email_deleted": {"deleted_email": "vana@example.ee"},
    "account/email/password_changed": {},
    "account/email/password_reset": {},
    "account/email/password_set": {},
    "mfa/email/recovery_codes_generated": {},
    "mfa/email/totp_activated": {},
    "mfa/email/totp_deactivated": {},
    "mfa/email/webauthn_added": {},
    "mfa/email/webauthn_removed": {},
}


def portal_email_names():
    """Every `emails/<name>_subject.txt` in the project's template folders."""
    folders = [ROOT / "templates" / "emails", *ROOT.glob("*/templates/emails")]
    return sorted(
        {path.name.removesuffix("_subject.txt") for folder in folders for path in folder.glob("*_subject.txt")}
    )


def allauth_email_prefixes(*roots):
    """allauth's e-mails, by template prefix, as allauth ships them and as we override them."""
    return sorted(
        {
            f"{folder}/{path.name.removesuffix('_subject.txt')}"
            for root in roots
            for folder in ALLAUTH_DIRS
            for path in (root / folder).glob("*_subject.txt")
        }
    )


ALL_ALLAUTH_EMAILS = allauth_email_prefixes(ALLAUTH_TEMPLATES, ROOT / "templates")


# --- Realistic data -------------------------------------------------------------------------


@pytest.fixture
def world(db):
    """People, organisations, a project with a join request and an update, as the demo has them."""
    areas = list(FocusArea.objects.order_by("position")[:2])
    lead = OrganisationFactory(name_et="Tartu Liikuvus OÜ", name_en="Tartu Mobility Ltd", slug="tartu-mobility")
    partner = OrganisationFactory(name_et="Õhuseire AS", name_en="Air Sense Ltd", slug="air-sense")
    lead_admin = MembershipFactory(organisation=lead, admin=True, user__display_name="Mari Maasikas").user
    partner_admin = MembershipFactory(organisation=partner, admin=True, user__display_name="Jüri Õun").user
    applicant_organisation = OrganisationFactory(
        applicant=True,
        name_et="Nutilinn OÜ",
        name_en="Smart Town Ltd",
        website="https://nutilinn.example",
        focus_areas=areas,
    )
    applicant = UserFactory(display_name="Liis Lepik", email="liis@nutilinn.example")
    application = MembershipApplication.objects.create(
        organisation=applicant_organisation,
        applicant=applicant,
        contact_job_title="Juhatuse liige",
        motivation="Arendame linnaandmete platvormi ja tahame seda linnadega katsetada.",
        rejection_reason="Registrikood ei vasta organisatsioonile.",
    )
    project = ProjectFactory(title="Nutikad bussipeatused", slug="smart-stops", lead=lead)
    join_request = JoinRequestFactory(
        project=project,
        organisation=partner,
        created_by=partner_admin,
        status=JoinRequest.Status.ACCEPTED,
        decided_by=lead_admin,
        decided_at=timezone.now(),
        decision_note="Tere tulemast projekti!",
    )
    update = ProjectUpdate.objects.create(
        project=project, author=lead_admin, organisation=lead, body="Esimesed andurid on **paigas**."
    )
    return {
        "lead": lead,
        "partner": partner,
        "lead_admin": lead_admin,
        "partner_admin": partner_admin,
        "application": application,
        "applicant": applicant,
        "project": project,
        "join_request": join_request,
        "update": update,
    }


def latest_email():
    email = OutboxEmail.objects.latest("pk")
    return email.subject, email.body_text, email.body_html


def send_portal_email(name, world, language):
    """Queue `name` with the context its sender gives it; return (subject, text, html)."""
    recipient = world["lead_admin"]
    recipient.preferred_language = language
    application = world["application"]
    organisation = application.organisation
    applied = {"application": application, "organisation": organisation, "applicant": world["applicant"]}
    invitation = InvitationFactory(
        organisation=world["lead"], email="ingrid@example.ee", role=Role.ADMIN, invited_by=world["lead_admin"]
    )
    contexts = {
        "application_received": {**applied, "needs_verification": True},
        "application_staff_notice": applied,
        "application_approved": {"application": application, "organisation": organisation},
        "application_rejected": {"application": application, "organisation": organisation},
        "invitation": {
            "invitation": invitation,
            "organisation": world["lead"],
            "inviter": world["lead_admin"],
            "token": make_token(invitation),
        },
        "profile_reminder": {"organisation": world["lead"]},
    }
    if name in contexts:
        emails.send_to_person(recipient, name, contexts[name])
        return latest_email()
    if name.startswith("livinglab_"):
        return send_livinglab_email(name.removeprefix("livinglab_"), world, recipient)
    if name.startswith("support_"):
        return send_support_email(name.removeprefix("support_"), world, recipient)
    kind = name.removeprefix("project_")
    if kind in NotificationKind.values:
        return send_notification(kind, world, recipient)
    return render_funding_email(name, recipient, language)


def send_support_email(kind, world, recipient):
    """A service-request notification as its sender gives it: to staff, or to the member side."""
    Notification.objects.filter(recipient=recipient).delete()
    recipient.save(update_fields=["preferred_language"])
    request = ServiceRequestFactory(
        organisation=world["lead"],
        requested_by=recipient,
        service="internationalisation",
        target_market="Soome",
        subject="Sisenemine Soome turule",
        with_agency=True,
        status="in_progress",
    )
    if kind == "request_received":
        request.requested_by, request.assignee = None, recipient
        request.save(update_fields=["requested_by", "assignee"])
        support_notifications.request_received(request)
    elif kind == "message_posted":
        message = RequestMessageFactory(request=request, from_staff=True, body="Saadame homme kontaktid.")
        support_notifications.message_posted(request, message)
    else:
        support_notifications.status_changed(request)
    return latest_email()


def send_livinglab_email(kind, world, recipient):
    """A living-lab notification as its sender gives it: to a panellist, the owners or staff."""
    campaign = CampaignFactory(
        organisation=world["lead"],
        proposed_by=recipient,
        title_et="Bussipeatuse ekraan",
        title_en="Bus-stop screen",
        place_et="Raekoja plats 1, Tartu",
        place_en="Town Hall Square 1, Tartu",
        mode="place",
        incentive_et="Kinopilet",
        incentive_en="A cinema ticket",
        staff_note="Lisage palun testimise kestus.",
        status="returned",
    )
    Notification.objects.filter(recipient=recipient).delete()
    if kind in {"campaign_submitted", "campaign_decided"}:
        if kind == "campaign_submitted":
            recipient.is_staff = True
            recipient.save(update_fields=["is_staff", "preferred_language"])
            livinglab_notifications.campaign_submitted(campaign)
        else:
            recipient.save(update_fields=["preferred_language"])
            livinglab_notifications.campaign_decided(campaign)
        return latest_email()
    recipient.save(update_fields=["preferred_language"])
    participation = ParticipationFactory(campaign=campaign, panellist=PanellistFactory(user=recipient))
    send = {
        "invitation_received": livinglab_notifications.invitations_sent,
        "place_confirmed": livinglab_notifications.places_confirmed,
        "feedback_reminder": lambda campaign, participations: livinglab_notifications.feedback_reminded(participations),
    }
    if kind == "feedback_requested":
        participation.status = "accepted"
        participation.save(update_fields=["status"])
        livinglab_notifications.feedback_requested(campaign)
    else:
        send[kind](campaign, [participation])
    return latest_email()


def send_notification(kind, world, recipient):
    project, join_request = world["project"], world["join_request"]
    if kind in {NotificationKind.INVITATION_RECEIVED, NotificationKind.INVITATION_DECIDED}:
        join_request.direction = JoinRequest.Direction.INVITATION
    extra = {
        NotificationKind.INVITATION_RECEIVED: {"lead": world["lead"]},
        NotificationKind.UPDATE_POSTED: {
            "update": world["update"],
            "update_html": "<p>Esimesed andurid on <strong>paigas</strong>.</p>",
            "author": world["lead_admin"],
        },
    }
    has_request = kind in {"request_received", "request_decided", "invitation_received", "invitation_decided"}
    Notification.objects.filter(recipient=recipient).delete()
    notify(
        kind,
        project=project,
        recipients=[recipient],
        join_request=join_request if has_request else None,
        organisation=world["partner"],
        email_context=extra.get(kind),
    )
    return latest_email()


def render_funding_email(name, recipient, language):
    subscription = SubscriptionFactory(user=recipient, frequency="weekly", language=language)
    links = {
        "unsubscribe_url": "https://escc.example/et/unsubscribe/signed/",
        "preferences_url": "https://escc.example/et/digest/",
    }
    if name == "reminder":
        call = CallFactory(
            title_et="Nutikad bussid", title_en="Smart buses", deadline=timezone.now() + timedelta(days=7)
        )
        CallFollowFactory(user=recipient, call=call)
        [digest] = build_reminders([recipient.pk], now=timezone.now())
        return render_digest(digest, **links)
    assert name == "digest", f"no context for the e-mail template {name!r}: add one to send_portal_email"
    SavedSearchFactory(user=recipient, name="Bussid", query="q=bus")
    CallFactory(title_et="Nutikad bussid", title_en="Smart buses")
    NewsFactory(title_et="Klaster kogunes Tartus", title_en="The cluster met in Tartu")
    [digest] = build_digests([subscription], kind="weekly", now=timezone.now())
    return render_digest(digest, **links)


def send_allauth_email(prefix, user, language):
    """Send an allauth e-mail through our adapter as allauth does, with what allauth puts in its context."""
    request = RequestFactory().get("/", HTTP_USER_AGENT="Mozilla/5.0 Firefox/140.0")
    request.user = AnonymousUser()
    contexts = {
        "account/email/account_already_exists": {
            "signup_url": f"{settings.SITE_URL}/{language}/accounts/signup/",
            "password_reset_url": f"{settings.SITE_URL}/{language}/accounts/password/reset/",
        },
        "account/email/email_confirmation": {"user": user, "code": "KFMF-BNCV"},
        "account/email/email_confirmation_signup": {"user": user, "code": "KFMF-BNCV"},
        "account/email/login_code": {"user": user, "code": "ABC123"},
        "account/email/password_reset_code": {"user": user, "code": "ABC123"},
        "account/email/password_reset_key": {
            "user": user,
            "password_reset_url": f"{settings.SITE_URL}/{language}/accounts/password/reset/key/1-set-password/",
        },
        "account/email/unknown_account": {"signup_url": f"{settings.SITE_URL}/{language}/accounts/signup/"},
    }
    with translation.override(language), request_context(request):
        adapter = get_adapter(request)
        if prefix in NOTIFICATIONS:
            adapter.send_notification_mail(prefix, user, NOTIFICATIONS[prefix])
        else:
            assert prefix in contexts, f"no context for allauth's e-mail {prefix!r}: add one to send_allauth_email"
            adapter.send_mail(prefix, user.email, contexts[prefix])
    return latest_email()


# --- The checks -----------------------------------------------------------------------------


def assert_reads_well(subject, text, html, language):
    for part, content in {"subject": subject, "text": text, "html": html}.items():
        assert "QuerySet" not in content, f"{part}: a queryset printed as such"
        assert "object at 0x" not in content, f"{part}: an object printed as its repr"
        assert not re.search(r"\bNone\b", content), f"{part}: None where a value belongs"
        assert "{{" not in content and "{%" not in content, f"{part}: template syntax left over"
    assert subject.strip(), "an empty subject"
    assert not re.search(r"\[\s*\]", subject), "an empty site name in the subject"
    assert not re.search(r" [.,:;!?]", text), f"an empty value before punctuation in {text!r}"
    assert PORTAL_NAME[language] in text or PORTAL_NAME[language] in html, "the e-mail does not name the portal"
    assert settings.SITE_URL in text + html, "the e-mail has no link to the portal"


def test_every_email_template_is_rendered_here():
    names = portal_email_names()

    assert "application_staff_notice" in names and "invitation" in names
    # A new template must come with a context here, or the rendering test below fails for it.
    assert set(ALL_ALLAUTH_EMAILS) - set(NOTIFICATIONS) <= {
        "account/email/account_already_exists",
        "account/email/email_confirmation",
        "account/email/email_confirmation_signup",
        "account/email/login_code",
        "account/email/password_reset_code",
        "account/email/password_reset_key",
        "account/email/unknown_account",
    }


def test_every_allauth_email_has_our_wording():
    """allauth's own Estonian says "teie" and names the site from the Sites row: we word them all."""
    ours = set(allauth_email_prefixes(ROOT / "templates"))

    assert set(ALL_ALLAUTH_EMAILS) <= ours
    for prefix in ours:
        assert (ROOT / "templates" / f"{prefix}_message.txt").exists(), prefix


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", portal_email_names())
def test_portal_email_renders_every_value(world, name, language):
    subject, text, html = send_portal_email(name, world, language)

    assert_reads_well(subject, text, html, language)


def test_staff_notice_names_the_focus_areas(world):
    subject, text, html = send_portal_email("application_staff_notice", world, "en")

    names = ", ".join(
        world["application"].organisation.focus_areas.order_by("position").values_list("name_en", flat=True)
    )
    assert f"Focus areas: {names}" in text
    assert f"Focus areas: {names}" in html


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("prefix", ALL_ALLAUTH_EMAILS)
def test_allauth_email_renders_every_value(settings, prefix, language):
    settings.ACCOUNT_EMAIL_NOTIFICATIONS = True
    user = UserFactory(display_name="Liis Lepik", email="liis@example.ee", preferred_language=language)

    subject, text, html = send_allauth_email(prefix, user, language)

    assert_reads_well(subject, text, html, language)
    assert subject.startswith(f"[{settings.SITE_NAME}] ")


@pytest.mark.parametrize("prefix", ALL_ALLAUTH_EMAILS)
def test_allauth_email_speaks_to_the_reader_as_sina(settings, prefix):
    settings.ACCOUNT_EMAIL_NOTIFICATIONS = True
    user = UserFactory(display_name="Liis Lepik", email="liis@example.ee")

    subject, text, _html = send_allauth_email(prefix, user, "et")

    formal = re.findall(
        r"\b(te|teie|teid|teile|teil|teilt|sisestage|klõpsake|kasutage|kinnitage)\b", f"{subject}\n{text}", re.I
    )
    assert not formal, f"formal Estonian {formal} in {prefix}"


def test_verification_email_names_the_portal_even_without_a_sites_row(client, mail_after_commit):
    from django.contrib.sites.models import Site

    Site.objects.all().delete()
    signup = {
        "email": "liis@example.ee",
        "display_name": "Liis Lepik",
        "password1": "a-long-passphrase-1",
        "password2": "a-long-passphrase-1",
    }

    with mail_after_commit():
        client.post("/et/accounts/signup/", signup)

    [email] = OutboxEmail.objects.filter(to="liis@example.ee")
    assert "Eesti Nutika Linna Klastri portaalis" in email.body_text
    assert email.subject == "[ESCC] Kinnita oma e-posti aadress"
