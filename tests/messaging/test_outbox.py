"""The outbox (messaging/outbox.py, messaging/tasks.py): recorded with the change, sent once, after commit.

Mail goes to Django's locmem backend; a failing mail server is its send_messages raising what
smtplib raises. tests/messaging/test_outbox_real.py does the same with a real worker, broker and
SMTP server.
"""

import copy
import importlib
import smtplib
from datetime import timedelta

import pytest
from celery.exceptions import Retry
from django.apps import apps as django_apps
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.db import transaction
from django.utils import timezone
from django_celery_beat.models import PeriodicTask
from kombu.exceptions import OperationalError

from escc.celery import app
from messaging import emails, outbox, tasks
from messaging.models import OutboxEmail
from tests.factories import UserFactory

Status = OutboxEmail.Status

TRANSIENT_ERRORS = [
    smtplib.SMTPServerDisconnected("Connection unexpectedly closed"),
    smtplib.SMTPResponseException(451, b"4.3.0 Try again later"),
    smtplib.SMTPDataError(452, b"4.3.1 Insufficient system storage"),
    smtplib.SMTPAuthenticationError(535, b"5.7.8 Bad credentials"),
    ConnectionRefusedError(111, "Connection refused"),
    TimeoutError("timed out"),
]
REFUSALS = [
    smtplib.SMTPResponseException(550, b"5.1.1 Mailbox unavailable"),
    smtplib.SMTPDataError(554, b"5.7.1 Message rejected as spam"),
    smtplib.SMTPRecipientsRefused({"mari@example.ee": (550, b"5.1.1 No such user")}),
]


@pytest.fixture(autouse=True)
def eager_celery(monkeypatch):
    # Whatever the environment says, these tests run tasks in-process.
    monkeypatch.setitem(app.conf, "task_always_eager", True)


@pytest.fixture
def mail_server_fails(monkeypatch):
    """Make every send raise `error` (what Django's SMTP backend lets through from smtplib)."""

    def fail_with(error):
        def send_messages(self, messages):
            raise error

        monkeypatch.setattr(LocmemBackend, "send_messages", send_messages)

    return fail_with


def queue(number=1, **fields):
    """Queue an e-mail inside the test's transaction, which never commits: nothing is sent."""
    defaults = {
        "to": f"person{number}@example.ee",
        "subject": f"Tere {number}",
        "text": f"Plain text {number}",
        "html": f"<p>HTML {number}</p>",
        "kind": "test",
    }
    return outbox.queue_email(**{**defaults, **fields})


def make_due(email):
    OutboxEmail.objects.filter(pk=email.pk).update(send_after=timezone.now() - timedelta(seconds=1))


def reload(email):
    return OutboxEmail.objects.get(pk=email.pk)


@pytest.mark.django_db
def test_an_email_queued_in_a_rolled_back_transaction_is_neither_kept_nor_sent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            queue()
            raise RuntimeError("the change that caused the e-mail failed")

    assert callbacks == []
    assert not OutboxEmail.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_an_email_is_recorded_in_the_callers_transaction_and_sent_only_after_commit(mail_after_commit):
    with mail_after_commit():
        with transaction.atomic():
            email = queue()
            assert reload(email).status == Status.PENDING
        assert mail.outbox == []

    [message] = mail.outbox
    email = reload(email)
    assert (email.status, email.attempts, email.last_error) == (Status.SENT, 1, "")
    assert email.sent_at is not None
    assert message.to == ["person1@example.ee"]
    assert message.subject == "Tere 1"
    assert message.body == "Plain text 1"
    assert message.alternatives == [("<p>HTML 1</p>", "text/html")]


@pytest.mark.django_db
def test_the_message_id_header_is_the_rows_and_other_headers_go_along(mail_after_commit):
    with mail_after_commit():
        email = queue(headers={"List-Unsubscribe": "<https://escc.example/u/1>", "message-id": "<stale@x>"})

    sent = mail.outbox[0].message()
    assert email.message_id.startswith("<") and email.message_id.endswith(">")
    assert sent.get_all("Message-ID") == [email.message_id]
    assert sent["List-Unsubscribe"] == "<https://escc.example/u/1>"


@pytest.mark.django_db
def test_every_row_gets_its_own_message_id():
    ids = {queue(number).message_id for number in range(20)}

    assert len(ids) == 20


@pytest.mark.django_db
def test_a_second_claim_of_the_same_row_gets_nothing():
    email = queue()

    first = outbox.claim(email.pk)
    second = outbox.claim(email.pk)

    assert (first.status, first.attempts) == (Status.SENDING, 1)
    assert second is None


@pytest.mark.django_db
def test_a_row_being_sent_is_claimable_again_only_after_its_lease_expires():
    email = queue()
    claimed_at = outbox.claim(email.pk).claimed_at

    within_lease = outbox.claim(email.pk, now=claimed_at + outbox.CLAIM_LEASE - timedelta(seconds=1))
    after_lease = outbox.claim(email.pk, now=claimed_at + outbox.CLAIM_LEASE + timedelta(seconds=1))

    assert within_lease is None
    assert (after_lease.status, after_lease.attempts) == (Status.SENDING, 2)


@pytest.mark.django_db
def test_rows_that_are_sent_refused_or_not_yet_due_are_not_claimed():
    sent, refused, later = queue(1), queue(2), queue(3)
    OutboxEmail.objects.filter(pk=sent.pk).update(status=Status.SENT)
    OutboxEmail.objects.filter(pk=refused.pk).update(status=Status.FAILED)
    OutboxEmail.objects.filter(pk=later.pk).update(send_after=timezone.now() + timedelta(minutes=1))

    assert [outbox.claim(email.pk) for email in (sent, refused, later)] == [None, None, None]
    assert outbox.claim(123456789) is None


@pytest.mark.django_db
@pytest.mark.parametrize("error", TRANSIENT_ERRORS, ids=repr)
def test_a_transient_failure_puts_the_row_back_to_wait_for_the_backoff(mail_server_fails, error):
    email = queue()
    mail_server_fails(error)
    before = timezone.now()

    with pytest.raises(outbox.TransientFailure) as failure:
        outbox.send_queued_email(email.pk)

    email = reload(email)
    assert failure.value.retry_in == outbox.BACKOFF_BASE_SECONDS
    assert (email.status, email.attempts) == (Status.PENDING, 1)
    assert email.send_after >= before + timedelta(seconds=outbox.BACKOFF_BASE_SECONDS)
    assert type(error).__name__ in email.last_error
    assert outbox.claim(email.pk) is None


@pytest.mark.django_db
def test_the_backoff_doubles_with_each_failed_attempt_up_to_an_hour(mail_server_fails):
    email = queue()
    mail_server_fails(smtplib.SMTPServerDisconnected("gone"))

    waits = []
    for _attempt in range(4):
        make_due(email)
        with pytest.raises(outbox.TransientFailure) as failure:
            outbox.send_queued_email(email.pk)
        waits.append(failure.value.retry_in)

    assert waits == [30, 60, 120, 240]
    assert reload(email).attempts == 4
    assert outbox.backoff_seconds(20) == outbox.BACKOFF_MAX_SECONDS == 3600


@pytest.mark.django_db
@pytest.mark.parametrize("error", REFUSALS, ids=repr)
def test_a_refusal_fails_the_row_for_good(mail_server_fails, error):
    email = queue()
    mail_server_fails(error)

    with pytest.raises(outbox.PermanentFailure):
        outbox.send_queued_email(email.pk)

    email = reload(email)
    assert (email.status, email.attempts) == (Status.FAILED, 1)
    assert "55" in email.last_error
    assert outbox.send_queued_email(email.pk) is False
    assert outbox.due_email_ids(now=timezone.now() + timedelta(days=1)) == []
    assert reload(email).attempts == 1


@pytest.mark.django_db
def test_a_message_that_cannot_be_encoded_fails_without_retrying():
    email = queue(subject="Two\nlines")

    with pytest.raises(outbox.PermanentFailure):
        outbox.send_queued_email(email.pk)

    email = reload(email)
    assert email.status == Status.FAILED
    assert "BadHeaderError" in email.last_error
    assert mail.outbox == []


@pytest.mark.django_db
def test_after_max_attempts_it_gives_up(mail_server_fails):
    email = queue()
    mail_server_fails(smtplib.SMTPResponseException(451, b"4.3.0 Try again later"))

    for _attempt in range(outbox.MAX_ATTEMPTS - 1):
        make_due(email)
        with pytest.raises(outbox.TransientFailure):
            outbox.send_queued_email(email.pk)
    make_due(email)
    with pytest.raises(outbox.PermanentFailure):
        outbox.send_queued_email(email.pk)

    email = reload(email)
    assert (email.status, email.attempts) == (Status.FAILED, outbox.MAX_ATTEMPTS)
    assert "451" in email.last_error
    assert outbox.send_queued_email(email.pk) is False


@pytest.mark.django_db
def test_a_row_abandoned_mid_send_on_its_last_attempt_is_given_up_not_sent():
    email = queue()
    OutboxEmail.objects.filter(pk=email.pk).update(
        status=Status.SENDING, attempts=outbox.MAX_ATTEMPTS, claimed_at=timezone.now() - timedelta(hours=1)
    )

    with pytest.raises(outbox.PermanentFailure):
        outbox.send_queued_email(email.pk)

    assert reload(email).status == Status.FAILED
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_failing_quit_after_the_server_accepted_the_message_counts_as_sent(monkeypatch):
    def close(self):
        raise smtplib.SMTPServerDisconnected("connection reset on QUIT")

    monkeypatch.setattr(LocmemBackend, "close", close)
    email = queue()

    assert outbox.send_queued_email(email.pk) is True

    assert reload(email).status == Status.SENT
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_running_the_send_task_twice_sends_one_email():
    email = queue()

    first = tasks.send_queued_email.delay(email.pk)
    second = tasks.send_queued_email.delay(email.pk)

    assert (first.get(), second.get()) == (True, False)
    assert len(mail.outbox) == 1
    assert reload(email).attempts == 1


@pytest.mark.django_db
def test_the_task_retries_a_transient_failure_once_the_row_is_due_again(mail_server_fails, monkeypatch):
    email = queue()
    mail_server_fails(smtplib.SMTPServerDisconnected("gone"))
    retries = []

    def retry(**options):
        retries.append(options)
        return Retry(exc=options["exc"], when=options["countdown"])

    monkeypatch.setattr(tasks.send_queued_email, "retry", retry)

    with pytest.raises(Retry):
        tasks.send_queued_email(email.pk)  # as a worker runs it: not eager

    assert retries[0]["countdown"] == outbox.BACKOFF_BASE_SECONDS + 1
    assert isinstance(retries[0]["exc"], outbox.TransientFailure)


@pytest.mark.django_db
def test_the_task_takes_a_refusal_as_final(mail_server_fails):
    email = queue()
    mail_server_fails(smtplib.SMTPRecipientsRefused({"person1@example.ee": (550, b"No such user")}))

    result = tasks.send_queued_email.apply(args=[email.pk])

    assert (result.state, result.get()) == ("SUCCESS", False)
    assert reload(email).status == Status.FAILED


@pytest.mark.django_db
def test_a_broker_outage_at_commit_is_logged_and_never_reaches_the_caller(mail_after_commit, monkeypatch, caplog):
    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(tasks.send_queued_email, "delay", broker_down)

    with mail_after_commit():
        email = queue()

    assert reload(email).status == Status.PENDING
    assert mail.outbox == []
    [record] = [record for record in caplog.records if record.name == "messaging.outbox"]
    assert record.msg["event"] == "outbox_enqueue_failed"
    assert record.msg["email_id"] == email.pk
    assert record.msg["exc_info"] is True


@pytest.mark.django_db
def test_the_sweeper_queues_only_rows_the_queue_lost(monkeypatch):
    now = timezone.now()
    long_ago = now - outbox.SWEEP_GRACE - timedelta(seconds=1)
    rows = {name: queue(number) for number, name in enumerate(["fresh", "lost", "retry_later", "sent", "refused"])}
    rows["abandoned"], rows["being_sent"] = queue(6), queue(7)
    OutboxEmail.objects.exclude(pk=rows["fresh"].pk).update(created_at=long_ago, send_after=long_ago)
    OutboxEmail.objects.filter(pk=rows["retry_later"].pk).update(send_after=now + timedelta(minutes=5))
    OutboxEmail.objects.filter(pk=rows["sent"].pk).update(status=Status.SENT)
    OutboxEmail.objects.filter(pk=rows["refused"].pk).update(status=Status.FAILED)
    OutboxEmail.objects.filter(pk=rows["abandoned"].pk).update(
        status=Status.SENDING, claimed_at=now - outbox.CLAIM_LEASE - timedelta(seconds=1)
    )
    OutboxEmail.objects.filter(pk=rows["being_sent"].pk).update(status=Status.SENDING, claimed_at=now)
    queued = []
    monkeypatch.setattr(tasks.send_email_batch, "delay", queued.append)

    count = outbox.sweep_outbox(now=now)

    assert count == 2
    assert [sorted(batch) for batch in queued] == [sorted([rows["lost"].pk, rows["abandoned"].pk])]


@pytest.mark.django_db
def test_a_retry_that_just_became_due_is_left_to_its_own_task_for_the_grace_period():
    email = queue()
    now = timezone.now()
    OutboxEmail.objects.filter(pk=email.pk).update(
        created_at=now - timedelta(hours=1), send_after=now - outbox.SWEEP_GRACE + timedelta(seconds=1)
    )

    assert outbox.due_email_ids(now=now) == []
    assert outbox.due_email_ids(now=now + timedelta(seconds=2)) == [email.pk]


@pytest.mark.django_db
def test_the_sweeper_sends_what_the_queue_lost_once():
    email = queue()
    OutboxEmail.objects.filter(pk=email.pk).update(send_after=timezone.now() - outbox.SWEEP_GRACE)

    assert tasks.sweep_outbox.delay().get() == 1
    assert tasks.sweep_outbox.delay().get() == 0

    assert len(mail.outbox) == 1
    assert reload(email).status == Status.SENT


@pytest.mark.django_db
def test_the_sweeper_runs_every_minute_from_beat():
    # A transactional test's flush removes the migration's rows and tests/conftest.py does not
    # put these back, so write them here the way the migration does.
    importlib.import_module("members.migrations.0005_search_and_schedules").add_schedules(django_apps, None)
    importlib.import_module("messaging.migrations.0003_outbox_task_names").forwards(django_apps, None)

    task = PeriodicTask.objects.get(task="messaging.sweep_outbox")

    assert task.enabled
    assert (task.crontab.minute, task.crontab.hour, task.crontab.day_of_week) == ("*", "*", "*")
    assert "messaging.send_queued_email" in app.tasks
    assert "messaging.send_email_batch" in app.tasks


EMAIL_TEMPLATES = {
    "emails/hello_subject.txt": '{% load i18n %}{% translate "Sign in" %}\n',
    "emails/hello_body.txt": "{% load i18n %}{{ recipient.display_name }}: {% translate 'Sign in' %}\n",
    "emails/hello_body.html": '{% extends "emails/base.html" %}{% block body %}<p>{{ greeting }}</p>{% endblock %}',
}


@pytest.fixture
def hello_templates(settings):
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["APP_DIRS"] = False
    templates[0]["OPTIONS"]["loaders"] = [
        ("django.template.loaders.locmem.Loader", EMAIL_TEMPLATES),
        "django.template.loaders.filesystem.Loader",
        "django.template.loaders.app_directories.Loader",
    ]
    settings.TEMPLATES = templates


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "words", "cluster"),
    [("et", "Logi sisse", "Eesti Nutika Linna Klaster"), ("en", "Sign in", "Estonian Smart City Cluster")],
)
def test_a_person_gets_an_email_in_their_language_through_the_outbox(
    hello_templates, mail_after_commit, language, words, cluster
):
    person = UserFactory(preferred_language=language, display_name="Mari")

    with mail_after_commit():
        email = emails.send_to_person(person, "hello", {"greeting": "Tere!"})

    [message] = mail.outbox
    assert (email.kind, email.to, reload(email).status) == ("hello", person.email, Status.SENT)
    assert message.subject == f"[ESCC] {words}"
    assert message.body == f"Mari: {words}"
    html = message.alternatives[0][0]
    assert "<p>Tere!</p>" in html
    assert cluster in html
    assert f'lang="{language}"' in html


@pytest.mark.django_db
def test_in_eager_mode_a_transient_failure_leaves_the_row_due_later_and_the_caller_unharmed(
    mail_after_commit, mail_server_fails, caplog
):
    mail_server_fails(smtplib.SMTPServerDisconnected("gone"))

    with mail_after_commit():
        email = queue()

    email = reload(email)
    assert (email.status, email.attempts) == (Status.PENDING, 1)
    assert email.send_after > timezone.now()
    events = [record.msg["event"] for record in caplog.records if record.name == "messaging.outbox"]
    # The line went before an answer came: the server may have the message, so it is the ambiguous one.
    assert events == ["outbox_send_ambiguous", "outbox_send_deferred"]


@pytest.mark.django_db
def test_each_email_with_html_gets_a_boundary_of_its_own_that_neither_part_holds():
    rows = [
        outbox.queue_email(to=f"p{n}@example.org", subject="Tere", text="Tere!", html="<p>Tere!</p>", kind="test")
        for n in range(2)
    ]

    messages = [outbox._message(row).message() for row in rows]

    boundaries = [message.get_boundary() for message in messages]
    assert boundaries[0] and boundaries[0] != boundaries[1]
    for message, boundary in zip(messages, boundaries, strict=True):
        assert [part.get_content_type() for part in message.get_payload()] == ["text/plain", "text/html"]
        assert all(boundary not in part.as_string() for part in message.get_payload())
        assert message.as_bytes().count(f"--{boundary}".encode()) == 3  # two parts and the end
