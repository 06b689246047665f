"""The outbox: every e-mail the portal sends is a row in PostgreSQL before it is queued.

`queue_email` writes the row inside the caller's transaction and asks Celery to send it
once that transaction commits. `send_queued_email` claims the row with a conditional
update, sends it and marks it sent, so a retried or duplicated task sends nothing twice.
`sweep_outbox` re-queues rows that are due and unsent (a lost broker message, a Redis
restart, a killed worker), so the broker only makes delivery faster, never surer.

At-least-once remains: a crash between the SMTP server's 250 and our commit resends the
message, with the same Message-ID, so a mail client shows it once.
"""

import smtplib
from datetime import timedelta
from urllib.parse import urlsplit

import structlog
from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.message import make_msgid
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from messaging.models import OutboxEmail

logger = structlog.get_logger(__name__)

MAX_ATTEMPTS = 8
# 30 s, doubling, at most an hour: eight attempts span about an hour of mail-server trouble.
BACKOFF_BASE_SECONDS = 30
BACKOFF_MAX_SECONDS = 3600
# A claimed row whose worker died is taken again after this long.
CLAIM_LEASE = timedelta(minutes=10)
# The sweeper leaves rows that became due this recently to the task queued for them.
SWEEP_GRACE = timedelta(minutes=2)
SWEEP_BATCH = 500

# Answers about the server or our account, not about this message: every message would get
# them, so they are worth retrying (and alerting on) rather than refusing for good.
SERVER_TROUBLE = (smtplib.SMTPConnectError, smtplib.SMTPHeloError, smtplib.SMTPAuthenticationError)


class PermanentFailure(Exception):
    """The mail server refused the message for good (5xx): retrying would not help."""


class TransientFailure(Exception):
    """Sending failed for now; the row is due again after `retry_in` seconds."""

    def __init__(self, error, retry_in):
        super().__init__(repr(error))
        self.retry_in = retry_in


def queue_email(*, to, subject, text, html="", kind, headers=None, from_email=None):
    """Record an e-mail and send it after the current transaction commits. Returns the row.

    If the caller's transaction rolls back, the row and the send vanish with it. If the
    broker is down when the transaction commits, the failure is logged and the sweeper
    sends the row later; the caller never sees it.
    """
    email = OutboxEmail.objects.create(
        kind=kind,
        to=to,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        subject=subject,
        body_text=text,
        body_html=html,
        headers=headers or {},
        message_id=make_msgid(domain=_message_id_domain()),
    )
    transaction.on_commit(lambda: _enqueue(email.pk))
    return email


def _message_id_domain():
    return urlsplit(settings.SITE_URL).hostname or "escc.example"


def _enqueue(email_id):
    from messaging import tasks

    try:
        tasks.send_queued_email.delay(email_id)
    except Exception:  # noqa: BLE001 - the broker is down; the sweeper will send it
        logger.warning("outbox_enqueue_failed", email_id=email_id, exc_info=True)


def claim(email_id, *, now=None):
    """Take the row for sending; None if it is sent, refused, not due, or being sent."""
    now = now or timezone.now()
    claimable = Q(status=OutboxEmail.Status.PENDING, send_after__lte=now) | Q(
        status=OutboxEmail.Status.SENDING, claimed_at__lt=now - CLAIM_LEASE
    )
    taken = OutboxEmail.objects.filter(claimable, pk=email_id).update(
        status=OutboxEmail.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    return OutboxEmail.objects.get(pk=email_id) if taken else None


def send_queued_email(email_id):
    """Send one outbox row if it is due and nobody else is sending it; True if this call sent it.

    A transient failure (connection trouble, a 4xx answer) puts the row back with a growing
    delay and raises TransientFailure; a refusal (5xx about this message), a message that
    cannot be encoded, or the last of MAX_ATTEMPTS marks it FAILED and raises PermanentFailure.
    """
    email = claim(email_id)
    if email is None:
        return False
    if email.attempts > MAX_ATTEMPTS:
        # Only attempts that never finished (a worker killed mid-send) get this far.
        error = f"gave up after {MAX_ATTEMPTS} attempts"
        _give_up(email, error)
        raise PermanentFailure(error)
    try:
        _deliver(_message(email))
    except (smtplib.SMTPException, OSError) as error:
        if _is_permanent(error):
            _give_up(email, error)
            raise PermanentFailure(repr(error)) from error
        raise TransientFailure(error, _back_off(email, error)) from error
    except ValueError as error:
        # BadHeaderError or an address that cannot be encoded: no retry can fix the message.
        _give_up(email, error)
        raise PermanentFailure(repr(error)) from error
    OutboxEmail.objects.filter(pk=email.pk).update(
        status=OutboxEmail.Status.SENT, sent_at=timezone.now(), last_error=""
    )
    return True


def _message(email):
    headers = {name: value for name, value in email.headers.items() if name.lower() != "message-id"}
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=email.from_email,
        to=[email.to],
        headers={**headers, "Message-ID": email.message_id},
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    return message


def _deliver(message):
    # Our own open and close: once the server has answered 250, a failing QUIT must not
    # count as a failed send, or the message would go out again.
    connection = get_connection()
    connection.open()
    try:
        connection.send_messages([message])
    finally:
        try:
            connection.close()
        except (smtplib.SMTPException, OSError):
            logger.warning("outbox_close_failed", exc_info=True)


def _is_permanent(error):
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    if isinstance(error, SERVER_TROUBLE):
        return False
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def backoff_seconds(attempts):
    """Seconds to wait after the given number of failed attempts (1 → the base, then doubling)."""
    return min(BACKOFF_BASE_SECONDS * 2 ** (attempts - 1), BACKOFF_MAX_SECONDS)


def _owned(email):
    # Only the claim that took the row may put it back or refuse it.
    return OutboxEmail.objects.filter(pk=email.pk, status=OutboxEmail.Status.SENDING, claimed_at=email.claimed_at)


def _back_off(email, error):
    """Make the row due again later; the seconds to wait. Gives up after MAX_ATTEMPTS."""
    if email.attempts >= MAX_ATTEMPTS:
        _give_up(email, error)
        raise PermanentFailure(f"gave up after {email.attempts} attempts: {error!r}") from error
    delay = backoff_seconds(email.attempts)
    logger.warning(
        "outbox_send_deferred", email_id=email.pk, attempts=email.attempts, retry_in=delay, error=repr(error)
    )
    _owned(email).update(
        status=OutboxEmail.Status.PENDING,
        send_after=timezone.now() + timedelta(seconds=delay),
        last_error=repr(error)[:2000],
    )
    return delay


def _give_up(email, error):
    logger.error("outbox_email_failed", email_id=email.pk, kind=email.kind, attempts=email.attempts, error=repr(error))
    _owned(email).update(status=OutboxEmail.Status.FAILED, last_error=repr(error)[:2000])


def due_email_ids(*, now=None, limit=SWEEP_BATCH):
    """Ids of rows nobody is sending that should be: due for SWEEP_GRACE, or claimed by a dead worker.

    The grace leaves a fresh row, or a retry that just became due, to the task already queued
    for it, so the sweeper only picks up what the queue lost.
    """
    now = now or timezone.now()
    due = OutboxEmail.objects.filter(
        Q(status=OutboxEmail.Status.PENDING, send_after__lte=now - SWEEP_GRACE)
        | Q(status=OutboxEmail.Status.SENDING, claimed_at__lt=now - CLAIM_LEASE)
    )
    return list(due.order_by("send_after").values_list("pk", flat=True)[:limit])


def sweep_outbox(*, now=None):
    """Queue every row the queue lost again (at most SWEEP_BATCH a run). Returns how many were queued.

    A broker failure half-way raises: the rows stay due and the next run queues them.
    """
    from messaging import tasks

    ids = due_email_ids(now=now)
    for email_id in ids:
        tasks.send_queued_email.delay(email_id)
    if ids:
        logger.info("outbox_swept", queued=len(ids))
    return len(ids)


def send_again(email_ids):
    """Make pending or refused rows due now with a fresh retry budget, and queue them.

    Sent rows and rows being sent are left alone. Returns the ids queued.
    """
    from messaging import tasks

    with transaction.atomic():
        due = OutboxEmail.objects.select_for_update().filter(
            pk__in=list(email_ids), status__in=[OutboxEmail.Status.PENDING, OutboxEmail.Status.FAILED]
        )
        ids = list(due.values_list("pk", flat=True))
        # The last error stays visible until the e-mail is sent.
        OutboxEmail.objects.filter(pk__in=ids).update(
            status=OutboxEmail.Status.PENDING, send_after=timezone.now(), attempts=0
        )
        for email_id in ids:
            tasks.send_queued_email.delay_on_commit(email_id)
    return ids
