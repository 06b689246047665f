"""The outbox with real parts: a Celery worker on a Redis broker, SMTP to a real server, PostgreSQL.

Each test starts its own throw-away redis-server and aiosmtpd server on free ports and an
embedded Celery worker (`start_worker`, four threads, in this process). The worker needs
committed rows, so the tests are transactional.

In-process rather than a `celery -A escc worker` subprocess: it starts in a fraction of a
second, sees the monkeypatched BACKOFF_BASE_SECONDS, and task_postrun tells the test exactly
how many runs finished, so "exactly once" is checked without sleeping. Three traps, handled:
- After eager-mode tests Celery's producer pool still holds connections to the broker the
  settings named: a test that only changed `broker_url` publishes there and its worker waits
  forever (tried). `celery_on_broker` closes and forgets the pools before and after.
- Starting a worker sets up logging, which strips the root logger's handlers (pytest's
  capture among them) for the rest of the session, unless someone answers `setup_logging`.
- Worker threads open their own database connections; Celery's Django fixup closes them
  after every task, so none is left to block the closing flush.
"""

import threading
import time
from contextlib import ExitStack, contextmanager
from datetime import timedelta

import kombu.pools
import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import setup_logging, task_postrun
from django.db import transaction
from django.utils import timezone

from escc.celery import app
from messaging import outbox, tasks
from messaging.models import OutboxEmail
from tests.helpers.redis_server import running_redis_server
from tests.helpers.smtp_server import running_smtp_server

pytestmark = pytest.mark.django_db(transaction=True)

Status = OutboxEmail.Status
SEND_TASKS = {"messaging.send_queued_email", "messaging.send_email_batch"}


def wait_until(condition, *, timeout=20, what=lambda: "the condition"):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what()}")
        time.sleep(0.05)


def drop_broker_pools():
    # Eager-mode `.delay()` acquires a producer too, so the pools may point at another broker.
    for pool in (app.amqp._producer_pool, app._pool):
        if pool is not None:
            pool.force_close_all()
    app.amqp._producer_pool = None
    app._pool = None
    kombu.pools.reset()


@contextmanager
def celery_on_broker(url):
    saved = {name: app.conf[name] for name in ("broker_url", "task_always_eager")}
    app.conf.update(broker_url=url, task_always_eager=False)
    drop_broker_pools()
    try:
        yield
    finally:
        app.conf.update(saved)
        drop_broker_pools()


@pytest.fixture
def broker():
    with running_redis_server() as redis_server, celery_on_broker(redis_server.url):
        yield redis_server


@pytest.fixture
def smtp_server(settings):
    with running_smtp_server() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = server.host, server.port
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_TIMEOUT = 5
        yield server


class Worker:
    """What the embedded worker finished: (task name, state, return value) per run."""

    def __init__(self):
        self.lock = threading.Lock()
        self.runs = []

    def record(self, task, state, retval, **kwargs):
        with self.lock:
            self.runs.append((task.name, state, retval))

    def wait_for_runs(self, count, *, timeout=20):
        wait_until(lambda: len(self.runs) >= count, timeout=timeout, what=lambda: f"{count} task runs, got {self.runs}")
        # Nothing else was queued: a further run would be a duplicate.
        time.sleep(0.2)
        assert len(self.runs) == count, self.runs
        return list(self.runs)

    def sent(self):
        """E-mails the send tasks reported sent: a single send returns True, a batch its count."""
        with self.lock:
            return sum(int(retval) for name, state, retval in self.runs if name in SEND_TASKS and state == "SUCCESS")

    def wait_for_sent(self, count, *, timeout=20):
        """Wait until the send tasks have sent `count` e-mails, then check no further send follows; the runs."""
        wait_until(lambda: self.sent() >= count, timeout=timeout, what=lambda: f"{count} sent, runs {self.runs}")
        time.sleep(0.2)
        assert self.sent() == count, self.runs
        with self.lock:
            return list(self.runs)


def keep_test_logging(**kwargs):
    """Answering setup_logging stops the worker from replacing pytest's log handlers."""


@pytest.fixture
def start_embedded_worker(broker, transactional_db, monkeypatch):
    """Start a worker (4 threads) on the test's broker; it is stopped when the test ends."""
    monkeypatch.setenv("CELERY_SKIP_CHECKS", "true")
    worker = Worker()
    task_postrun.connect(worker.record, weak=False)
    setup_logging.connect(keep_test_logging, weak=False)
    with ExitStack() as stack:
        stack.callback(task_postrun.disconnect, worker.record)
        stack.callback(setup_logging.disconnect, keep_test_logging)

        def start():
            stack.enter_context(
                start_worker(app, pool="threads", concurrency=4, perform_ping_check=False, shutdown_timeout=20)
            )
            return worker

        yield start


@pytest.fixture
def worker(start_embedded_worker):
    return start_embedded_worker()


def queue_committed(number):
    with transaction.atomic():
        return outbox.queue_email(
            to=f"person{number}@example.ee",
            subject=f"Tere, Õie {number}",
            text=f"Plain text {number}: üks, kaks",
            html=f"<p>HTML {number}: <b>üks</b></p>",
            kind="test",
        )


def assert_delivered_once(received, emails):
    by_id = {message["Message-ID"]: message for message in received}
    assert len(received) == len(by_id) == len(emails), "a message arrived twice"
    assert set(by_id) == {email.message_id for email in emails}
    for email in emails:
        message = by_id[email.message_id]
        assert message.envelope_to == [email.to]
        assert (message["To"], message["Subject"]) == (email.to, email.subject)
        assert message.get_body(("plain",)).get_content().strip() == email.body_text
        assert message.get_body(("html",)).get_content().strip() == email.body_html
    statuses = OutboxEmail.objects.filter(pk__in=[email.pk for email in emails]).values_list("status", flat=True)
    assert set(statuses) == {Status.SENT}


def test_a_worker_sends_every_committed_email_once_over_smtp(worker, smtp_server):
    emails = [queue_committed(number) for number in range(10)]

    received = smtp_server.wait_for(10)
    runs = worker.wait_for_runs(10)

    assert_delivered_once(smtp_server.received, emails)
    assert len(received) == 10
    assert sorted(retval for _name, _state, retval in runs) == [True] * 10
    assert set(OutboxEmail.objects.values_list("attempts", flat=True)) == {1}


def test_greylisted_emails_are_retried_after_the_backoff_and_delivered_once(worker, smtp_server, monkeypatch):
    monkeypatch.setattr(outbox, "BACKOFF_BASE_SECONDS", 1)
    smtp_server.defer_first_attempt_of_every(2)

    emails = [queue_committed(number) for number in range(10)]

    smtp_server.wait_for(10)
    runs = worker.wait_for_runs(15)
    assert_delivered_once(smtp_server.received, emails)
    assert len(smtp_server.refused) == 5
    deferred = {message_id for message_id, _answer in smtp_server.refused}
    attempts = dict(OutboxEmail.objects.values_list("message_id", "attempts"))
    assert {message_id: 2 for message_id in deferred} == {k: v for k, v in attempts.items() if k in deferred}
    assert sorted(attempts.values()) == [1] * 5 + [2] * 5
    assert [state for _name, state, _retval in runs].count("RETRY") == 5


def test_emails_queued_while_redis_is_down_are_sent_once_by_the_sweeper(worker, smtp_server, broker, caplog):
    before = [queue_committed(number) for number in range(2)]
    smtp_server.wait_for(2)
    worker.wait_for_runs(2)

    broker.stop()
    during = [queue_committed(number) for number in range(2, 6)]

    assert (
        list(OutboxEmail.objects.filter(pk__in=[e.pk for e in during]).values_list("status", flat=True))
        == [Status.PENDING] * 4
    )
    failures = [r.msg for r in caplog.records if isinstance(r.msg, dict) and r.msg["event"] == "outbox_enqueue_failed"]
    assert sorted(failure["email_id"] for failure in failures) == sorted(email.pk for email in during)

    broker.start()  # a fresh Redis: whatever was queued is gone
    assert broker.client().dbsize() == 0
    assert outbox.sweep_outbox() == 0  # still within the grace period
    OutboxEmail.objects.filter(status=Status.PENDING).update(send_after=timezone.now() - outbox.SWEEP_GRACE)
    assert outbox.sweep_outbox() == 4

    smtp_server.wait_for(6, timeout=30)
    runs = worker.wait_for_sent(6, timeout=30)
    assert [retval for name, _state, retval in runs if name == "messaging.send_email_batch"] == [4]  # one batch
    assert_delivered_once(smtp_server.received, before + during)
    assert outbox.sweep_outbox(now=timezone.now() + timedelta(days=1)) == 0


@pytest.mark.django_db  # no worker involved: the row may stay in the test's transaction, never queued
@pytest.mark.parametrize(
    ("answer", "status", "exception"),
    [
        ("550 5.1.1 Mailbox unavailable", Status.FAILED, outbox.PermanentFailure),
        ("451 4.3.0 Try again later", Status.PENDING, outbox.TransientFailure),
    ],
)
def test_a_real_smtp_refusal_fails_the_row_and_a_deferral_puts_it_back(smtp_server, answer, status, exception):
    smtp_server.refuse_all(answer)
    email = outbox.queue_email(to="mari@example.ee", subject="Tere", text="Tekst", kind="test")

    with pytest.raises(exception):
        outbox.send_queued_email(email.pk)

    email.refresh_from_db()
    assert (email.status, email.attempts) == (status, 1)
    assert answer.split()[0] in email.last_error
    assert smtp_server.received == []


def test_the_same_send_task_delivered_three_times_at_once_sends_one_email(start_embedded_worker, smtp_server):
    email = queue_committed(1)  # queued once after commit
    tasks.send_queued_email.delay(email.pk)
    tasks.send_queued_email.delay(email.pk)

    worker = start_embedded_worker()  # four threads take all three at once

    runs = worker.wait_for_runs(3)
    assert sorted(retval for _name, _state, retval in runs) == [False, False, True]
    assert_delivered_once(smtp_server.received, [email])
    assert OutboxEmail.objects.get(pk=email.pk).attempts == 1
