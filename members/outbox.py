"""The outbox: every e-mail the portal sends is a row in PostgreSQL before it is queued.

`queue_email` writes the row inside the caller's transaction and asks Celery to send it
once that transaction commits. `send_queued_email` claims the row with a conditional
update, sends it and marks it sent, so a retried or duplicated task sends nothing twice.
`sweep_outbox` re-queues rows that are due and unsent (a lost broker message, a Redis
restart, a killed worker), so the broker only makes delivery faster, never surer.

At-least-once remains: a crash between the SMTP server's 250 and our commit resends the
message, with the same Message-ID, so a mail client shows it once.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.message import make_msgid
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from members.models import OutboxEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
BACKOFF_BASE_SECONDS = 30
# A claimed row whose worker died is taken again after this long.
CLAIM_LEASE = timedelta(minutes=10)
# The sweeper leaves fresh rows to the task queued after commit.
SWEEP_GRACE = timedelta(minutes=2)


class PermanentFailure(Exception):
    """The mail server refused the message for good (5xx): retrying would not help."""


class TransientFailure(Exception):
    """Sending failed for now; the row is due again after `retry_in` seconds."""

    def __init__(self, error, retry_in):
        super().__init__(repr(error))
        self.retry_in = retry_in


def queue_email(*, to, subject, text, html="", kind, headers=None, from_email=None):
    """Record an e-mail and send it after the current transaction commits. Returns the row."""
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
    from urllib.parse import urlsplit

    return urlsplit(settings.SITE_URL).hostname or "escc.example"


def _enqueue(email_id):
    from members import tasks

    try:
        tasks.send_queued_email.delay(email_id)
    except Exception:  # noqa: BLE001 - the broker is down; the sweeper will send it
        logger.warning("outbox_enqueue_failed", extra={"email_id": email_id}, exc_info=True)


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
    """Send one outbox row if it is still due. Raises on transient SMTP errors (retry later)."""
    email = claim(email_id)
    if email is None:
        return False
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=email.from_email,
        to=[email.to],
        headers={**email.headers, "Message-ID": email.message_id},
        connection=get_connection(),
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        if _is_permanent(error):
            _give_up(email, error)
            raise PermanentFailure(repr(error)) from error
        raise TransientFailure(error, _back_off(email, error)) from error
    OutboxEmail.objects.filter(pk=email.pk).update(
        status=OutboxEmail.Status.SENT, sent_at=timezone.now(), last_error=""
    )
    return True


def _is_permanent(error):
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def _back_off(email, error):
    """Make the row due again later (30 s, doubling, at most an hour); the seconds to wait."""
    if email.attempts >= MAX_ATTEMPTS:
        _give_up(email, error)
        raise PermanentFailure(f"gave up after {email.attempts} attempts: {error!r}") from error
    delay = min(BACKOFF_BASE_SECONDS * 2 ** (email.attempts - 1), 3600)
    OutboxEmail.objects.filter(pk=email.pk).update(
        status=OutboxEmail.Status.PENDING,
        send_after=timezone.now() + timedelta(seconds=delay),
        last_error=repr(error)[:2000],
    )
    return delay


def _give_up(email, error):
    logger.error("outbox_email_refused", extra={"email_id": email.pk, "kind": email.kind, "error": repr(error)})
    OutboxEmail.objects.filter(pk=email.pk).update(status=OutboxEmail.Status.FAILED, last_error=repr(error)[:2000])


def due_email_ids(*, now=None, limit=500):
    now = now or timezone.now()
    due = OutboxEmail.objects.filter(
        Q(status=OutboxEmail.Status.PENDING, send_after__lte=now, created_at__lte=now - SWEEP_GRACE)
        | Q(status=OutboxEmail.Status.SENDING, claimed_at__lt=now - CLAIM_LEASE)
    )
    return list(due.order_by("send_after").values_list("pk", flat=True)[:limit])


def sweep_outbox():
    """Queue every due, unsent row again. Returns how many were queued."""
    from members import tasks

    ids = due_email_ids()
    for email_id in ids:
        tasks.send_queued_email.delay(email_id)
    return len(ids)
