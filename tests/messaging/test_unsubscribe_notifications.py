"""Project notification e-mails carry their own one-click unsubscribe: it makes every kind inbox-only."""

import re

import pytest
from django.core import mail
from django.test import Client

from messaging import kinds
from messaging.models import Channel, NotificationPreference
from projects.models import NotificationKind
from projects.notifications import notify
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead_changed_email(settings, organisation, member, mail_after_commit):
    settings.SITE_URL = "https://portal.escc.example"
    project = ProjectFactory(lead=organisation, slug="smart-bus-stops")
    with mail_after_commit():
        notify(NotificationKind.LEAD_CHANGED, project=project, recipients=[member], organisation=organisation)


def sent_to(person):
    return [message for message in mail.outbox if message.to == [person.email]]


def test_a_notification_email_names_its_unsubscribe_link_in_headers_and_both_parts(lead_changed_email, member):
    (message,) = sent_to(member)
    link = re.fullmatch(r"<(.+)>", message.extra_headers["List-Unsubscribe"]).group(1)

    assert link.startswith("https://portal.escc.example/et/unsubscribe/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in message.body
    assert link in message.alternatives[0].content


def test_one_click_makes_every_project_notification_inbox_only(lead_changed_email, member):
    (message,) = sent_to(member)
    path = re.fullmatch(r"<https://portal.escc.example(.+)>", message.extra_headers["List-Unsubscribe"]).group(1)

    response = Client(enforce_csrf_checks=True).post(path, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    channels = dict(NotificationPreference.objects.filter(user=member).values_list("kind", "channel"))
    assert channels == {kind.key: Channel.SITE for kind in kinds.all_kinds()}
    assert {f"projects.{kind}" for kind in NotificationKind.values} <= channels.keys()


def test_after_unsubscribing_notifications_reach_the_inbox_but_not_the_mailbox(
    lead_changed_email, member, organisation, mail_after_commit
):
    (message,) = sent_to(member)
    path = re.fullmatch(r"<https://portal.escc.example(.+)>", message.extra_headers["List-Unsubscribe"]).group(1)
    Client().post(path)
    project = ProjectFactory(lead=organisation, slug="green-roofs")

    with mail_after_commit():
        created = notify(NotificationKind.LEAD_CHANGED, project=project, recipients=[member], organisation=organisation)

    assert len(created) == 1
    assert len(sent_to(member)) == 1


def test_the_page_says_what_the_link_turns_off(lead_changed_email, member):
    (message,) = sent_to(member)
    path = re.fullmatch(r"<https://portal.escc.example(.+)>", message.extra_headers["List-Unsubscribe"]).group(1)

    response = Client(headers={"accept-language": "en"}).get(path.replace("/et/", "/en/", 1))

    assert response.status_code == 200
    assert f"Stop notification e-mails to {member.email}?" in response.text
