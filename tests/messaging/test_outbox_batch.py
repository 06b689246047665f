"""Batched sending (outbox.send_batch): one SMTP connection per batch, each row its own outcome.

The batch is sent in-process to a real aiosmtpd server on 127.0.0.1 that can answer each
recipient its own way, hang up mid-batch or answer 421; the worker-driven batches are in
test_outbox_real.py and tests/funding/test_digests_real.py.
"""

import re
from datetime import timedelta

import pytest
from django.core.mail.message import make_msgid
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from messaging import outbox
from messaging.models import OutboxEmail
from tests.helpers.ports import free_port
from tests.messaging import test_outbox_real as real_parts

Status = OutboxEmail.Status
TRANSACTION_CONTROL = re.compile(r"(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT)\b")

smtp_server = real_parts.smtp_server
broker = real_parts.broker
start_embedded_worker = real_parts.start_embedded_worker

pytestmark = pytest.mark.django_db


def due_rows(count):
    """Rows due now, as a digest run writes them (bulk, not queued)."""
    return OutboxEmail.objects.bulk_create(
        OutboxEmail(
            kind="test",
            to=f"inimene{number}@example.ee",
            from_email="portal@escc.example",
            subject=f"Tere {number}",
            body_text=f"Tekst {number}",
            body_html=f"<p>Tekst {number}</p>",
            message_id=make_msgid(domain="escc.example"),
        )
        for number in range(1, count + 1)
    )


def states(rows):
    by_pk = OutboxEmail.objects.in_bulk([row.pk for row in rows])
    return [(by_pk[row.pk].status, by_pk[row.pk].attempts) for row in rows]


def due_in(row):
    """Seconds until the row is due again, rounded."""
    return round((OutboxEmail.objects.get(pk=row.pk).send_after - timezone.now()).total_seconds())


def test_a_batch_goes_over_one_smtp_connection(smtp_server):
    rows = due_rows(20)

    outcome = outbox.send_batch([row.pk for row in rows])

    assert outcome.sent == [row.pk for row in rows]
    assert len(smtp_server.received) == 20 and smtp_server.connections == 1
    assert {message["Message-ID"] for message in smtp_server.received} == {row.message_id for row in rows}
    assert states(rows) == [(Status.SENT, 1)] * 20


def test_each_row_gets_the_answer_the_server_gave_it(smtp_server):
    rows = due_rows(4)
    smtp_server.answer_to(rows[1].to, "451 4.2.2 Mailbox full, try later")
    smtp_server.answer_to(rows[2].to, "550 5.1.1 No such user")

    outcome = outbox.send_batch([row.pk for row in rows])

    assert (outcome.sent, outcome.failed, list(outcome.deferred)) == (
        [rows[0].pk, rows[3].pk],
        [rows[2].pk],
        [rows[1].pk],
    )
    assert states(rows) == [(Status.SENT, 1), (Status.PENDING, 1), (Status.FAILED, 1), (Status.SENT, 1)]
    assert due_in(rows[1]) == outbox.BACKOFF_BASE_SECONDS
    assert "451" in OutboxEmail.objects.get(pk=rows[1].pk).last_error
    assert "550" in OutboxEmail.objects.get(pk=rows[2].pk).last_error
    assert smtp_server.connections == 1  # the refusals did not end the connection


def test_when_the_line_drops_only_the_message_in_flight_is_in_doubt(smtp_server, caplog):
    rows = due_rows(5)
    smtp_server.hang_up_at(3)  # the server takes the third, then hangs up before answering

    outcome = outbox.send_batch([row.pk for row in rows])

    assert outcome.sent == [rows[0].pk, rows[1].pk]
    assert outcome.ambiguous == rows[2].pk
    assert outcome.returned == [rows[3].pk, rows[4].pk]
    # The one in flight waits out the backoff, its attempt counted; the untried are due at once, none counted.
    assert states(rows) == [(Status.SENT, 1)] * 2 + [(Status.PENDING, 1)] + [(Status.PENDING, 0)] * 2
    assert due_in(rows[2]) == outbox.BACKOFF_BASE_SECONDS
    assert due_in(rows[3]) <= 0 and due_in(rows[4]) <= 0
    events = [record.msg["event"] for record in caplog.records if isinstance(record.msg, dict)]
    assert "outbox_send_ambiguous" in events

    again = outbox.send_batch([row.pk for row in rows])  # the next batch, as the task queues it

    assert again.sent == [rows[3].pk, rows[4].pk]
    assert len(smtp_server.received) == 5 and smtp_server.connections == 2


def test_a_421_mid_batch_defers_that_message_and_gives_the_rest_back_untried(smtp_server):
    rows = due_rows(5)
    smtp_server.answer_to(rows[2].to, "421 4.3.2 Service shutting down")

    outcome = outbox.send_batch([row.pk for row in rows])

    assert outcome.sent == [rows[0].pk, rows[1].pk]
    assert list(outcome.deferred) == [rows[2].pk] and outcome.ambiguous is None
    assert outcome.returned == [rows[3].pk, rows[4].pk]
    assert states(rows) == [(Status.SENT, 1)] * 2 + [(Status.PENDING, 1)] + [(Status.PENDING, 0)] * 2


def test_a_mail_server_that_is_down_defers_the_whole_batch(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    rows = due_rows(3)

    outcome = outbox.send_batch([row.pk for row in rows])

    assert sorted(outcome.deferred) == [row.pk for row in rows]
    assert states(rows) == [(Status.PENDING, 1)] * 3


def test_a_batch_costs_five_statements_whatever_its_size_and_mix(smtp_server):
    for size in (4, 100):
        rows = due_rows(size)
        smtp_server.answer_to(rows[1].to, "451 4.2.2 Mailbox full, try later")
        smtp_server.answer_to(rows[2].to, "550 5.1.1 No such user")

        with CaptureQueriesContext(connection) as queries:
            outcome = outbox.send_batch([row.pk for row in rows])

        assert (len(outcome.sent), len(outcome.deferred), len(outcome.failed)) == (size - 2, 1, 1)
        statements = [query["sql"] for query in queries if not TRANSACTION_CONTROL.match(query["sql"])]
        assert len(statements) == 5, [sql[:80] for sql in statements]


def test_rows_held_by_a_live_sender_are_left_out_and_a_dead_senders_are_taken_again(smtp_server):
    rows = due_rows(5)
    now = timezone.now()
    OutboxEmail.objects.update(send_after=now - timedelta(hours=1))
    outbox.claim_batch([rows[0].pk, rows[1].pk], now=now - outbox.CLAIM_LEASE - timedelta(seconds=1))  # died
    outbox.claim_batch([rows[2].pk], now=now - timedelta(minutes=1))  # still sending, within its lease

    outcome = outbox.send_batch([row.pk for row in rows])

    assert outcome.sent == [rows[0].pk, rows[1].pk, rows[3].pk, rows[4].pk]
    assert states(rows) == [(Status.SENT, 2)] * 2 + [(Status.SENDING, 1)] + [(Status.SENT, 1)] * 2


def test_sent_refused_and_not_yet_due_rows_in_a_batch_are_skipped(smtp_server):
    rows = due_rows(4)
    OutboxEmail.objects.filter(pk=rows[0].pk).update(status=Status.SENT)
    OutboxEmail.objects.filter(pk=rows[1].pk).update(status=Status.FAILED)
    OutboxEmail.objects.filter(pk=rows[2].pk).update(send_after=timezone.now() + timedelta(minutes=5))

    outcome = outbox.send_batch([row.pk for row in rows])

    assert outcome.sent == [rows[3].pk]
    assert [message["Message-ID"] for message in smtp_server.received] == [rows[3].message_id]


def test_the_batches_are_of_the_batch_size_in_order():
    assert outbox.batches(range(1, 251), size=100) == [
        list(range(1, 101)),
        list(range(101, 201)),
        list(range(201, 251)),
    ]
    assert outbox.batches([]) == []


@pytest.mark.django_db(transaction=True)  # the worker needs committed rows
def test_the_same_batch_task_delivered_twice_at_once_sends_each_email_once(start_embedded_worker, smtp_server):
    from messaging import tasks

    rows = due_rows(30)
    ids = [row.pk for row in rows]
    tasks.send_email_batch.delay(ids)
    tasks.send_email_batch.delay(ids)

    worker = start_embedded_worker()  # four threads: both start at once, and split the rows between them

    runs = worker.wait_for_sent(30)
    assert [name for name, _state, _retval in runs] == ["messaging.send_email_batch"] * 2
    assert len(smtp_server.received) == 30
    assert len({message["Message-ID"] for message in smtp_server.received}) == 30
    assert states(rows) == [(Status.SENT, 1)] * 30
