"""The outbox: every e-mail the portal sends is a row in PostgreSQL before it is queued.

`queue_email` writes the row inside the caller's transaction and asks Celery to send it
once that transaction commits. `send_batch` claims due rows (locked, skipping rows another
sender holds), sends them over one SMTP connection and records each row's own outcome, so
a retried or duplicated task sends nothing twice; `send_queued_email` is the batch of one.
Bulk senders (digests, the sweeper, "send again") queue batches of SEND_BATCH_SIZE ids.
`sweep_outbox` re-queues rows that are due and unsent (a lost broker message, a Redis
restart, a killed worker), so the broker only makes delivery faster, never surer.

At-least-once remains in two places, both resent with the same Message-ID, so a mail
client shows the message once: a crash between the SMTP server's 250 and our commit, and
the one message in flight when a connection breaks mid-batch (see send_batch).
"""

import smtplib
import uuid
from dataclasses import dataclass, field
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
# Ids per send task: one SMTP connection and five statements for up to this many e-mails.
SEND_BATCH_SIZE = 100

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


def _claimable(now):
    return Q(status=OutboxEmail.Status.PENDING, send_after__lte=now) | Q(
        status=OutboxEmail.Status.SENDING, claimed_at__lt=now - CLAIM_LEASE
    )


def claim_batch(email_ids, *, now=None):
    """Take those of the rows that are due and nobody is sending, for this sender only; the rows taken.

    Two statements: the rows are locked (rows another sender holds are skipped, not waited
    for) and marked SENDING with this claim's time, which the updates of `_record` check.
    """
    now = now or timezone.now()
    with transaction.atomic():
        rows = list(
            OutboxEmail.objects.select_for_update(skip_locked=True)
            .filter(_claimable(now), pk__in=list(email_ids))
            .order_by("pk")
        )
        if rows:
            OutboxEmail.objects.filter(pk__in=[row.pk for row in rows]).update(
                status=OutboxEmail.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
            )
    for row in rows:
        row.status, row.claimed_at, row.attempts = OutboxEmail.Status.SENDING, now, row.attempts + 1
    return rows


def claim(email_id, *, now=None):
    """Take the row for sending; None if it is sent, refused, not due, or being sent."""
    rows = claim_batch([email_id], now=now)
    return rows[0] if rows else None


@dataclass
class BatchOutcome:
    """What became of each row of a batch: ids sent, deferred ({id: seconds}), failed, given back."""

    sent: list = field(default_factory=list)
    deferred: dict = field(default_factory=dict)
    failed: list = field(default_factory=list)
    # Never tried: the connection broke before their turn. Due again at once, the attempt not counted.
    returned: list = field(default_factory=list)
    # The one message whose answer was lost with the connection (see send_batch).
    ambiguous: int | None = None
    errors: dict = field(default_factory=dict)


def send_batch(email_ids, *, now=None):
    """Send the due rows among `email_ids` over one SMTP connection; each row gets its own outcome.

    250 → SENT. A 4xx answer, or a message whose answer never came → back off (PENDING later,
    the attempt counted). A 5xx answer about the message, or a message that cannot be encoded →
    FAILED. When the connection breaks mid-batch, the rows not yet tried go back to due without
    an attempt counted. The message that was in flight then is the only ambiguous one: the
    server may have taken it before the line went, so it is sent again after the backoff, with
    the same Message-ID, and may arrive twice (mail clients show it once). At most five
    statements a batch: claim (2), then one each for the sent, the rows put back, the failed.
    """
    now = now or timezone.now()
    rows = claim_batch(email_ids, now=now)
    outcome = BatchOutcome()
    if not rows:
        return outcome
    sendable = []
    for row in rows:
        if row.attempts > MAX_ATTEMPTS:
            # Only attempts that never finished (a worker killed mid-send) get this far.
            _fail(outcome, row, f"gave up after {MAX_ATTEMPTS} attempts")
        else:
            sendable.append(row)
    if sendable:
        _send_over_one_connection(sendable, outcome)
    _record(rows, outcome, now)
    return outcome


def _send_over_one_connection(rows, outcome):
    backend = get_connection()
    try:
        backend.open()
    except (smtplib.SMTPException, OSError) as error:
        for row in rows:
            _answered(outcome, row, error)
        return
    try:
        for index, row in enumerate(rows):
            try:
                backend.send_messages([_message(row)])
            except (smtplib.SMTPRecipientsRefused, smtplib.SMTPResponseException) as error:
                _answered(outcome, row, error)
                if not _connected(backend):  # a 421: the server answered, then hung up
                    _give_back(outcome, rows[index + 1 :])
                    break
            except (smtplib.SMTPException, OSError) as error:
                # No answer: a timeout, a reset, a closed line. The message may or may not have arrived.
                logger.warning("outbox_send_ambiguous", email_id=row.pk, error=repr(error))
                outcome.ambiguous = row.pk
                _defer(outcome, row, error)
                _give_back(outcome, rows[index + 1 :])
                break
            except ValueError as error:
                # BadHeaderError or an address that cannot be encoded: no retry can fix the message.
                _fail(outcome, row, error)
            else:
                outcome.sent.append(row.pk)
    finally:
        # Once the server has answered 250, a failing QUIT must not count as a failed send.
        try:
            backend.close()
        except (smtplib.SMTPException, OSError):
            logger.warning("outbox_close_failed", exc_info=True)


def _connected(backend):
    """False once the SMTP backend's connection has been closed (other backends never close)."""
    if not hasattr(backend, "connection"):
        return True
    return backend.connection is not None and getattr(backend.connection, "sock", None) is not None


def _answered(outcome, row, error):
    if _is_permanent(error):
        _fail(outcome, row, error)
    else:
        _defer(outcome, row, error)


def _defer(outcome, row, error):
    if row.attempts >= MAX_ATTEMPTS:
        _fail(outcome, row, f"gave up after {row.attempts} attempts: {error!r}")
        return
    delay = backoff_seconds(row.attempts)
    logger.warning("outbox_send_deferred", email_id=row.pk, attempts=row.attempts, retry_in=delay, error=repr(error))
    outcome.deferred[row.pk] = delay
    outcome.errors[row.pk] = error


def _fail(outcome, row, error):
    logger.error("outbox_email_failed", email_id=row.pk, kind=row.kind, attempts=row.attempts, error=repr(error))
    outcome.failed.append(row.pk)
    outcome.errors[row.pk] = error


def _give_back(outcome, rows):
    outcome.returned += [row.pk for row in rows]


def _record(rows, outcome, now):
    """Write every row's outcome in at most three statements, each only over rows this claim still holds."""
    owned = OutboxEmail.objects.filter(status=OutboxEmail.Status.SENDING, claimed_at=now)
    if outcome.sent:
        owned.filter(pk__in=outcome.sent).update(status=OutboxEmail.Status.SENT, sent_at=timezone.now(), last_error="")
    by_pk = {row.pk: row for row in rows}
    back, recorded_at = [], timezone.now()
    for pk, delay in outcome.deferred.items():
        row = by_pk[pk]
        row.status, row.send_after = OutboxEmail.Status.PENDING, recorded_at + timedelta(seconds=delay)
        row.last_error = repr(outcome.errors[pk])[:2000]
        back.append(row)
    for pk in outcome.returned:
        row = by_pk[pk]
        row.status, row.send_after, row.attempts = OutboxEmail.Status.PENDING, recorded_at, row.attempts - 1
        back.append(row)
    if back:
        owned.bulk_update(back, ["status", "send_after", "last_error", "attempts"])
    failed = []
    for pk in outcome.failed:
        row = by_pk[pk]
        row.status, row.last_error = OutboxEmail.Status.FAILED, repr(outcome.errors[pk])[:2000]
        failed.append(row)
    if failed:
        owned.bulk_update(failed, ["status", "last_error"])


def send_queued_email(email_id):
    """Send one outbox row if it is due and nobody else is sending it; True if this call sent it.

    A transient failure (connection trouble, a 4xx answer) puts the row back with a growing
    delay and raises TransientFailure; a refusal (5xx about this message), a message that
    cannot be encoded, or the last of MAX_ATTEMPTS marks it FAILED and raises PermanentFailure.
    """
    outcome = send_batch([email_id])
    if email_id in outcome.failed:
        raise PermanentFailure(repr(outcome.errors[email_id]))
    if email_id in outcome.deferred:
        raise TransientFailure(outcome.errors[email_id], outcome.deferred[email_id])
    return email_id in outcome.sent


class _OutboxMessage(EmailMultiAlternatives):
    def message(self, *args, **kwargs):
        message = super().message(*args, **kwargs)
        if message.is_multipart():
            # The email package otherwise picks a boundary while writing and compiles a regex to
            # check it against the body, a fresh one per message (a fifth of writing out a digest).
            # 122 random bits do not occur in a body by chance.
            message.set_boundary(f"==============={uuid.uuid4().hex}==")
        return message


def _message(email):
    headers = {name: value for name, value in email.headers.items() if name.lower() != "message-id"}
    message = _OutboxMessage(
        subject=email.subject,
        body=email.body_text,
        from_email=email.from_email,
        to=[email.to],
        headers={**headers, "Message-ID": email.message_id},
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    return message


def _is_permanent(error):
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    if isinstance(error, SERVER_TROUBLE):
        return False
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def backoff_seconds(attempts):
    """Seconds to wait after the given number of failed attempts (1 → the base, then doubling)."""
    return min(BACKOFF_BASE_SECONDS * 2 ** (attempts - 1), BACKOFF_MAX_SECONDS)


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


def batches(email_ids, size=None):
    """The ids in lists of at most `size` (SEND_BATCH_SIZE), in order."""
    size = size or SEND_BATCH_SIZE
    email_ids = list(email_ids)
    return [email_ids[start : start + size] for start in range(0, len(email_ids), size)]


def sweep_outbox(*, now=None):
    """Queue every row the queue lost again, in batches (at most SWEEP_BATCH a run). Returns how many were queued.

    A broker failure half-way raises: the rows stay due and the next run queues them.
    """
    from messaging import tasks

    ids = due_email_ids(now=now)
    for batch in batches(ids):
        tasks.send_email_batch.delay(batch)
    if ids:
        logger.info("outbox_swept", queued=len(ids))
    return len(ids)


def send_again(email_ids):
    """Make pending or refused rows due now with a fresh retry budget, and queue them in batches.

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
        for batch in batches(ids):
            tasks.send_email_batch.delay_on_commit(batch)
    return ids
