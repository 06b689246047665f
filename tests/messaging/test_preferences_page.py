"""The one e-mail settings page: every registered kind, grouped by the app that registered it,
the digest's frequency beside them, saved together or not at all."""

import pytest
from django.core import mail

from funding.models import Subscription
from messaging import kinds
from messaging.models import Channel, Notification, NotificationPreference
from projects.models import NotificationKind
from projects.notifications import MUST_ARRIVE, notify
from tests.factories import ProjectFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db

SETTINGS_URL = "/en/notifications/settings/"


def field(kind):
    return f"kinds-projects.{kind}"


def every_kind(channel):
    return {f"kinds-{kind.key}": channel for kind in kinds.all_kinds()}


def test_every_project_kind_is_listed_under_its_app_with_email_chosen_by_default(client, org_admin):
    client.force_login(org_admin)

    html = client.get(SETTINGS_URL).text

    assert html.count("<h1") == 1
    assert '<h2 id="kinds-1">Joint projects</h2>' in html
    for kind, label in NotificationKind.choices:
        assert f"<legend>{label}</legend>" in html
        assert f'name="{field(kind)}" value="email" id="id_{field(kind)}_0" required checked' in html
        assert f'name="{field(kind)}" value="site"' in html
        assert (f'name="{field(kind)}" value="off"' in html) is (kind not in MUST_ARRIVE)


def test_the_digest_frequency_is_on_the_same_page(client, member):
    SubscriptionFactory(user=member, frequency="weekly")
    client.force_login(member)

    html = client.get(SETTINGS_URL).text

    assert '<h2 id="panel-digest">Digest</h2>' in html
    assert 'name="digest-frequency" value="weekly" id="id_digest-frequency_1" required checked' in html
    assert 'href="/en/digest/"' in html


def test_kinds_and_the_digest_are_saved_together(client, member):
    SubscriptionFactory(user=member, frequency="weekly")
    client.force_login(member)
    data = {**every_kind("email"), field("update_posted"): "off", "digest-frequency": "monthly"}

    response = client.post(SETTINGS_URL, data, follow=True)

    assert response.redirect_chain == [(SETTINGS_URL, 302)]
    assert "Your e-mail settings were saved." in response.text
    chosen = dict(NotificationPreference.objects.filter(user=member).values_list("kind", "channel"))
    assert chosen["projects.update_posted"] == "off"
    assert chosen["projects.request_received"] == "email"
    assert Subscription.objects.get(user=member).frequency == "monthly"
    assert f'name="{field("update_posted")}" value="off" id="id_{field("update_posted")}_2" required checked' in (
        response.text
    )


def test_saving_again_changes_the_choice_without_duplicates(client, org_admin):
    NotificationPreference.objects.create(user=org_admin, kind="projects.lead_changed", channel="site")
    client.force_login(org_admin)

    client.post(SETTINGS_URL, {**every_kind("email"), "digest-frequency": "weekly"})

    assert NotificationPreference.objects.filter(user=org_admin, kind="projects.lead_changed").get().channel == "email"


@pytest.mark.parametrize(
    "junk",
    [{field("lead_changed"): "pigeon"}, {field("request_received"): "off"}, {"digest-frequency": "hourly"}],
)
def test_a_bad_choice_is_shown_at_its_field_keeps_the_rest_and_saves_nothing(client, org_admin, junk):
    SubscriptionFactory(user=org_admin, frequency="weekly")
    client.force_login(org_admin)
    data = {**every_kind("site"), "digest-frequency": "daily", **junk}

    response = client.post(SETTINGS_URL, data)

    [name] = junk
    assert response.status_code == 200
    assert f'id="id_{name}_errors"' in response.text
    assert 'class="error-summary"' in response.text
    assert (
        f'name="{field("participant_left")}" value="site" id="id_{field("participant_left")}_1" required checked'
        in (response.text)
    )
    assert not NotificationPreference.objects.filter(user=org_admin).exists()
    assert Subscription.objects.get(user=org_admin).frequency == "weekly"


def test_a_kind_turned_off_leaves_no_inbox_row_and_sends_no_email(
    org_admin, organisation, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(user=org_admin, kind="projects.update_posted", channel=Channel.OFF)
    project = ProjectFactory(lead=organisation)

    with django_capture_on_commit_callbacks(execute=True):
        created = notify(
            NotificationKind.UPDATE_POSTED, project=project, recipients=[org_admin], organisation=organisation
        )

    assert created == []
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_a_kind_that_may_not_be_turned_off_reaches_the_inbox_even_if_stored_off(org_admin, organisation):
    NotificationPreference.objects.create(user=org_admin, kind="projects.request_received", channel=Channel.OFF)
    project = ProjectFactory(lead=organisation)

    notify(NotificationKind.REQUEST_RECEIVED, project=project, recipients=[org_admin], organisation=organisation)

    assert Notification.objects.filter(recipient=org_admin, kind="projects.request_received").exists()


@pytest.fixture
def a_kind_of_another_app():
    """A kind registered the way a new app would, from outside messaging; removed afterwards."""
    kind = kinds.register(
        "funding.test_kind",
        label="A kind another app registered",
        email_template="project_update_posted",
        inbox=kinds.InboxRenderer(template="messaging/_unknown_item.html"),
        may_turn_off=False,
    )
    yield kind
    kinds._KINDS.pop(kind.key)


def test_a_kind_another_app_registers_appears_under_that_app_without_editing_messaging(
    client, member, a_kind_of_another_app
):
    client.force_login(member)

    html = client.get(SETTINGS_URL).text

    assert "<legend>A kind another app registered</legend>" in html
    assert html.index("Joint projects") < html.index("Funding and news") < html.index("A kind another app registered")
    assert 'name="kinds-funding.test_kind" value="off"' not in html
