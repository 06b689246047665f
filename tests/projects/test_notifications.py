"""Notifications: one inbox row per person, an e-mail in their language unless they chose the inbox only."""

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction

from messaging.models import Notification, NotificationPreference, OutboxEmail
from projects.models import NotificationKind
from projects.notifications import notify, people_to_notify
from tests.factories import (
    JoinRequestFactory,
    MembershipFactory,
    OrganisationFactory,
    ProjectFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

REQUEST_KINDS = {
    NotificationKind.REQUEST_RECEIVED,
    NotificationKind.REQUEST_DECIDED,
    NotificationKind.INVITATION_RECEIVED,
    NotificationKind.INVITATION_DECIDED,
}


@pytest.fixture
def project(organisation):
    return ProjectFactory(lead=organisation, slug="smart-bus-stops", title="Smart bus stops")


@pytest.fixture
def join_request(project, other_organisation, other_member):
    return JoinRequestFactory(project=project, organisation=other_organisation, created_by=other_member)


# --- Who is told ------------------------------------------------------------------------------


def test_people_to_notify_gives_admins_or_everybody_of_one_organisation(organisation, member, org_admin, other_member):
    # An admin elsewhere who is only a member here is not one of this organisation's admins.
    MembershipFactory(organisation=OrganisationFactory(), admin=True, user=member)

    assert people_to_notify(organisation, admins_only=True) == [org_admin]
    assert people_to_notify(organisation, admins_only=False) == sorted([member, org_admin], key=lambda u: u.pk)


def test_people_to_notify_leaves_out_deactivated_accounts(organisation, org_admin):
    org_admin.is_active = False
    org_admin.save()

    assert people_to_notify(organisation, admins_only=True) == []


def test_notify_creates_one_notification_per_person_even_if_named_twice(project, member, org_admin, other_member):
    created = notify(
        NotificationKind.LEAD_CHANGED,
        project=project,
        recipients=[member, org_admin, member, None],
        organisation=project.participations.get().organisation,
    )

    assert sorted(n.recipient.pk for n in created) == sorted([member.pk, org_admin.pk])
    assert Notification.objects.count() == 2
    assert not Notification.objects.filter(is_read=True).exists()


def test_notifying_twice_about_the_same_request_creates_and_sends_nothing_more(
    project, join_request, org_admin, mail_after_commit
):
    with mail_after_commit():
        first = notify("request_received", project=project, recipients=[org_admin], join_request=join_request)
        second = notify("request_received", project=project, recipients=[org_admin], join_request=join_request)

    assert (len(first), second) == (1, [])
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_person_may_get_each_kind_once_per_request(project, join_request, org_admin):
    notify("request_received", project=project, recipients=[org_admin], join_request=join_request)
    notify("request_decided", project=project, recipients=[org_admin], join_request=join_request)

    assert Notification.objects.filter(recipient=org_admin).count() == 2


# --- E-mail or the inbox only -----------------------------------------------------------------


def test_person_who_chose_the_inbox_gets_no_email_for_that_kind_only(
    project, join_request, member, org_admin, mail_after_commit
):
    NotificationPreference.objects.create(user=org_admin, kind="projects.request_received", channel="site")
    NotificationPreference.objects.create(user=member, kind="projects.update_posted", channel="site")

    with mail_after_commit():
        notify("request_received", project=project, recipients=[org_admin, member], join_request=join_request)

    assert Notification.objects.filter(recipient=org_admin).exists()
    assert [message.to for message in mail.outbox] == [[member.email]]


def test_explicit_email_preference_sends_email(project, join_request, org_admin, mail_after_commit):
    NotificationPreference.objects.create(user=org_admin, kind="projects.request_received", channel="email")

    with mail_after_commit():
        notify("request_received", project=project, recipients=[org_admin], join_request=join_request)

    assert [message.to for message in mail.outbox] == [[org_admin.email]]


def test_email_waits_in_the_outbox_until_the_transaction_commits(
    project, org_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify("participant_left", project=project, recipients=[org_admin])

    row = OutboxEmail.objects.get()
    assert (row.to, row.kind, row.status) == (org_admin.email, "projects.participant_left", "pending")
    assert mail.outbox == []
    assert len(callbacks) == 1


def test_rolled_back_change_leaves_no_notification_and_no_email(project, org_admin):
    with pytest.raises(RuntimeError), transaction.atomic():
        notify("participant_left", project=project, recipients=[org_admin])
        raise RuntimeError("the change failed")

    assert not Notification.objects.exists()
    assert not OutboxEmail.objects.exists()


# --- The e-mails ------------------------------------------------------------------------------


def test_email_is_in_the_recipients_language_with_a_link_under_their_language_prefix(
    project, join_request, mail_after_commit
):
    estonian = UserFactory(preferred_language="et", display_name="Eeva")
    english = UserFactory(preferred_language="en", display_name="Emma")

    with mail_after_commit():
        notify(
            "request_received",
            project=project,
            recipients=[estonian, english],
            join_request=join_request,
            organisation=join_request.organisation,
        )

    by_address = {message.to[0]: message for message in mail.outbox}
    english_mail = by_address[english.email]
    assert english_mail.subject == "[ESCC] Air Sense Ltd asks to join Smart bus stops"
    assert "Hello Emma," in english_mail.body
    assert f"{settings.SITE_URL}/en/projects/mine/" in english_mail.body
    assert f'href="{settings.SITE_URL}/en/projects/mine/"' in english_mail.alternatives[0][0]
    assert f"{settings.SITE_URL}/en/notifications/settings/" in english_mail.body
    assert "We can help with the sensors." in english_mail.body
    estonian_mail = by_address[estonian.email]
    assert "Õhuseire AS" in estonian_mail.subject
    assert f"{settings.SITE_URL}/et/projects/mine/" in estonian_mail.body


def project_link(language):
    return f"{settings.SITE_URL}/{language}/projects/smart-bus-stops/"


@pytest.mark.parametrize("language", ["et", "en"])
@pytest.mark.parametrize("kind", NotificationKind.values)
def test_every_kind_renders_a_subject_text_and_html_with_a_link(
    kind, language, project, join_request, other_member, mail_after_commit
):
    recipient = UserFactory(preferred_language=language)
    extra = {}
    if kind == NotificationKind.UPDATE_POSTED:
        update = project.updates.create(author=other_member, organisation=join_request.organisation, body="Done")
        extra = {"update": update, "update_html": "<p>Done</p>", "author": other_member}
    if kind == NotificationKind.INVITATION_RECEIVED:
        extra = {"lead": project.participations.get().organisation}

    with mail_after_commit():
        notify(
            kind,
            project=project,
            recipients=[recipient],
            join_request=join_request if kind in REQUEST_KINDS else None,
            organisation=join_request.organisation,
            email_context=extra,
        )

    message = mail.outbox[0]
    html = message.alternatives[0][0]
    assert message.subject.startswith("[ESCC] ") and len(message.subject) > 12
    assert "{" not in message.subject + message.body + html
    assert f'<html lang="{language}">' in html
    assert (project_link(language) in message.body) or (
        f"{settings.SITE_URL}/{language}/projects/mine/" in message.body
    )
    assert f"{settings.SITE_URL}/{language}/notifications/settings/" in html


@pytest.mark.parametrize(
    ("status", "kind", "subject"),
    [
        ("accepted", "request_decided", "Air Sense Ltd has joined Smart bus stops"),
        ("declined", "request_decided", "Your request to join Smart bus stops was declined"),
        ("accepted", "invitation_decided", "Air Sense Ltd accepted the invitation to Smart bus stops"),
        ("declined", "invitation_decided", "Air Sense Ltd declined the invitation to Smart bus stops"),
    ],
)
def test_decision_emails_say_which_way_it_went(project, join_request, status, kind, subject, mail_after_commit):
    join_request.status = status
    join_request.decision_note = "See you at the kick-off."
    join_request.save()
    recipient = UserFactory(preferred_language="en")

    with mail_after_commit():
        notify(
            kind,
            project=project,
            recipients=[recipient],
            join_request=join_request,
            organisation=join_request.organisation,
        )

    assert mail.outbox[0].subject == f"[ESCC] {subject}"
    assert "See you at the kick-off." in mail.outbox[0].body


def test_text_part_is_not_html_escaped_and_html_part_is(organisation, other_organisation, mail_after_commit):
    project = ProjectFactory(lead=organisation, title="Bikes & <b>buses</b>", slug="bikes")
    other_organisation.name_en = "Smith & Sons"
    other_organisation.save()
    join_request = JoinRequestFactory(project=project, organisation=other_organisation, message="<script>x</script>")
    recipient = UserFactory(preferred_language="en")

    with mail_after_commit():
        notify(
            "request_received",
            project=project,
            recipients=[recipient],
            join_request=join_request,
            organisation=other_organisation,
        )

    message = mail.outbox[0]
    html = message.alternatives[0][0]
    assert "Smith & Sons asks to join your project Bikes & <b>buses</b>" in message.body
    assert "<script>x</script>" in message.body
    assert "Smith &amp; Sons" in html
    assert "<b>buses</b>" not in html
    assert "<script>" not in html
