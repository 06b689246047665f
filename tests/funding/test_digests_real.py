"""Digests with real parts: a Celery worker on a throw-away Redis, SMTP to a real aiosmtpd server, PostgreSQL.

The servers, the embedded worker and its traps are those of tests/messaging/test_outbox_real.py
(its fixtures are reused here). A run is planned in autocommit mode, as a worker would: each
batch's transaction commits and its e-mails are queued after it, for the worker to send.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from funding import tasks
from funding.digests import delivery, selection
from funding.models import DigestDelivery
from messaging import outbox, unsubscribe
from messaging.models import OutboxEmail
from tests.factories import CallFactory, SubscriptionFactory, UserFactory
from tests.funding.factories import set_times
from tests.messaging import test_outbox_real as real_parts

# The outbox's real-parts fixtures: a throw-away Redis as broker, an aiosmtpd server, an embedded worker.
broker = real_parts.broker
smtp_server = real_parts.smtp_server
start_embedded_worker = real_parts.start_embedded_worker
worker = real_parts.worker

pytestmark = pytest.mark.django_db(transaction=True)

CALL_TITLE = "Nutikate bussipeatuste taotlusvoor"


@pytest.fixture
def people(settings):
    settings.SITE_URL = "https://portal.escc.example"
    set_times(CallFactory(title_et=CALL_TITLE), published_at=timezone.now() - timedelta(hours=1))
    return [
        SubscriptionFactory(frequency="weekly", user=UserFactory(email=f"inimene{number}@example.ee")).user
        for number in range(10)
    ]


def assert_each_got_their_digest_once(received, people):
    assert len(received) == len({message["Message-ID"] for message in received}), "a digest arrived twice"
    deliveries = DigestDelivery.objects.select_related("email").filter(user__in=people)
    assert len(deliveries) == len(people) == len(received)
    by_id = {message["Message-ID"]: message for message in received}
    for planned in deliveries:
        message = by_id[delivery.message_id_for(planned)]
        assert message.envelope_to == [planned.user.email] and message["To"] == planned.user.email
        assert message["Subject"] == planned.email.subject
        link = message["List-Unsubscribe"].strip()  # folded: a long value starts on the next line
        token = link.removeprefix("<https://portal.escc.example/et/unsubscribe/").removesuffix("/>")
        assert unsubscribe.read_token(token) == (planned.user.pk, "digest")
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert CALL_TITLE in message.get_body(("plain",)).get_content()
        assert CALL_TITLE in message.get_body(("html",)).get_content()
    assert set(OutboxEmail.objects.values_list("status", flat=True)) == {OutboxEmail.Status.SENT}


def test_ten_people_get_their_digest_over_smtp(worker, smtp_server, people):
    assert delivery.plan_run("weekly") == 10

    smtp_server.wait_for(10)
    runs = worker.wait_for_sent(10)
    assert runs == [("messaging.send_email_batch", "SUCCESS", 10)]  # one task, one SMTP connection
    assert_each_got_their_digest_once(smtp_server.received, people)


def test_digests_deferred_by_the_mail_server_are_delivered_once_after_retries(worker, smtp_server, people, monkeypatch):
    monkeypatch.setattr(outbox, "BACKOFF_BASE_SECONDS", 1)
    smtp_server.defer_first_attempt_of_every(2)

    delivery.plan_run("weekly")

    smtp_server.wait_for(10)
    runs = worker.wait_for_sent(10)
    assert len(smtp_server.refused) == 5
    # The batch sent five; the five deferred went back as one batch, sent after the backoff.
    assert runs == [("messaging.send_email_batch", "SUCCESS", 5)] * 2
    assert_each_got_their_digest_once(smtp_server.received, people)
    assert sorted(OutboxEmail.objects.values_list("attempts", flat=True)) == [1] * 5 + [2] * 5


def test_digests_queued_while_redis_was_down_mid_run_are_sent_once_by_the_sweeper(
    worker, smtp_server, broker, people, monkeypatch
):
    monkeypatch.setattr(delivery, "BATCH_SIZE", 5)
    build = selection.build_digests
    batches = []

    def redis_dies_before_the_second_batch(subscriptions, **kwargs):
        batches.append(len(subscriptions))
        if len(batches) == 2:
            smtp_server.wait_for(5)
            broker.stop()
        return build(subscriptions, **kwargs)

    monkeypatch.setattr(selection, "build_digests", redis_dies_before_the_second_batch)

    assert delivery.plan_run("weekly") == 10

    assert batches == [5, 5]
    assert OutboxEmail.objects.filter(status=OutboxEmail.Status.PENDING).count() == 5
    broker.start()  # empty: nothing of the second batch was queued
    OutboxEmail.objects.filter(status=OutboxEmail.Status.PENDING).update(send_after=timezone.now() - outbox.SWEEP_GRACE)
    assert outbox.sweep_outbox() == 5
    smtp_server.wait_for(10, timeout=30)
    runs = worker.wait_for_sent(10, timeout=30)
    assert [retval for _name, _state, retval in runs] == [5, 5]  # the first batch's, then the sweeper's
    assert_each_got_their_digest_once(smtp_server.received, people)
    assert outbox.sweep_outbox(now=timezone.now() + timedelta(days=1)) == 0


def test_the_same_run_task_twice_sends_one_email_per_person(start_embedded_worker, smtp_server, people):
    tasks.run_digests.delay("weekly")
    tasks.run_digests.delay("weekly")

    worker = start_embedded_worker()  # four threads: both runs may start at once

    smtp_server.wait_for(10)
    runs = worker.wait_for_sent(10)
    planned = sorted(retval for name, _state, retval in runs if name == "funding.run_digests")
    assert planned == [0, 10]
    assert_each_got_their_digest_once(smtp_server.received, people)
