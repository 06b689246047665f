"""Moving the outbox, the inbox and the preferences into messaging keeps every row.

The demo is loaded, with outgoing e-mails, notifications and preferences of every kind; the
database is migrated back to the last migrations before messaging existed (the rows go back
into members' and projects' tables, which is checked there), then forward again; every count,
every Message-ID and every row's content are the same as before, and a link signed before the
move still unsubscribes.
"""

import io

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from escc import content_version
from funding.models import Subscription
from messaging.models import Notification, NotificationPreference, OutboxEmail
from projects.models import NotificationKind
from projects.notifications import notify
from tests.factories import ProjectFactory, SubscriptionFactory, UserFactory

BEFORE_MESSAGING = [
    ("members", "0006_primary_contact_message"),
    ("funding", "0003_call_deadline_after_opening"),
    ("projects", "0006_notification_kinds_for_partners"),
    ("messaging", None),
]


def migrate(targets):
    # As `manage.py migrate` does around its migrations (escc/content_version.py).
    content_version.remove_triggers()
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    content_version.install_triggers()


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def count(table):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - our own table names
        return cursor.fetchone()[0]


def snapshot():
    return {
        "outbox": sorted(
            OutboxEmail.objects.values_list("pk", "message_id", "to", "subject", "status", "kind", "created_at")
        ),
        "notifications": sorted(
            Notification.objects.values_list(
                "pk",
                "recipient_id",
                "kind",
                "target_type_id",
                "target_id",
                "params",
                "dedupe_key",
                "is_read",
                "created_at",
            )
        ),
        "preferences": sorted(NotificationPreference.objects.values_list("user_id", "kind", "channel")),
        "subscriptions": sorted(Subscription.objects.values_list("pk", "user_id", "frequency", "send_reminders")),
        "outbox_type": ContentType.objects.get(app_label="messaging", model="outboxemail").pk,
        "outbox_permissions": sorted(
            Permission.objects.filter(
                content_type__app_label="messaging", content_type__model="outboxemail"
            ).values_list("pk", "codename")
        ),
    }


@pytest.fixture
def moved_data():
    call_command("seed_demo", stdout=io.StringIO())
    person = UserFactory(preferred_language="en")
    SubscriptionFactory(user=person, frequency="weekly")
    project = ProjectFactory()
    for kind in NotificationKind:
        notify(kind, project=project, recipients=[person], organisation=project.participations.first().organisation)
    NotificationPreference.objects.update_or_create(
        user=person, kind="projects.update_posted", defaults={"channel": "site"}
    )
    NotificationPreference.objects.update_or_create(
        user=person, kind="projects.lead_changed", defaults={"channel": "site"}
    )
    return person


@pytest.mark.django_db(transaction=True)
def test_back_to_before_messaging_and_forward_again_keeps_every_row(moved_data, client):
    before = snapshot()
    assert len(before["outbox"]) >= len(NotificationKind)
    assert len(before["notifications"]) > len(NotificationKind)
    # The old format of a one-click link, signed before the move.
    token = signing.Signer(salt="funding.unsubscribe").sign_object([moved_data.pk, "digest"])

    try:
        migrate(BEFORE_MESSAGING)
        assert count("members_outboxemail") == len(before["outbox"])
        assert count("projects_notification") == len(before["notifications"])
        assert count("projects_notificationpreference") == len(before["preferences"])
        assert "messaging_outboxemail" not in connection.introspection.table_names()
    finally:
        migrate(latest())

    assert snapshot() == before
    response = client.post(f"/en/unsubscribe/{token}/")
    assert response.status_code == 200
    assert Subscription.objects.get(user=moved_data).frequency == "off"


@pytest.mark.django_db(transaction=True)
def test_new_notifications_after_the_move_take_ids_past_the_copied_ones(moved_data):
    try:
        migrate(BEFORE_MESSAGING)
    finally:
        migrate(latest())
    highest = Notification.objects.order_by("-pk").first().pk

    project = ProjectFactory()
    [created] = notify(NotificationKind.UPDATE_POSTED, project=project, recipients=[UserFactory()])

    assert created.pk > highest
