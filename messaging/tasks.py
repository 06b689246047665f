from collections import defaultdict

import structlog
from celery import shared_task

from messaging import outbox

logger = structlog.get_logger(__name__)


@shared_task(bind=True, name="messaging.send_queued_email", max_retries=outbox.MAX_ATTEMPTS)
def send_queued_email(self, email_id):
    """Send one outbox e-mail; transient SMTP errors retry with backoff, refusals are final.

    Idempotent: the outbox claims the row first, so a duplicated or redelivered task sends
    nothing. Returns True if this run sent the e-mail.
    """
    try:
        return outbox.send_queued_email(email_id)
    except outbox.PermanentFailure:
        return False
    except outbox.TransientFailure as failure:
        if self.request.is_eager:
            # Run in-process (embedded mode, tests): there is no queue to wait in, and an eager
            # retry would raise into the caller's commit. The row is due again; the sweeper sends it.
            return False
        # The row is due again at the same moment, so the retry finds it claimable.
        raise self.retry(countdown=failure.retry_in + 1, exc=failure) from failure


@shared_task(bind=True, name="messaging.send_email_batch")
def send_email_batch(self, email_ids):
    """Send a batch of outbox e-mails over one SMTP connection; returns how many this run sent.

    Idempotent like send_queued_email: rows already sent or held by another sender are left
    out of the claim. Rows the server deferred are queued again as batches for when they are
    due; rows never tried because the connection broke are queued again at once.
    """
    outcome = outbox.send_batch(email_ids)
    if not self.request.is_eager:
        _queue_again(outcome)
    # Eager (embedded mode, tests): no queue to wait in; the rows are due again and the sweeper sends them.
    return len(outcome.sent)


def _queue_again(outcome):
    waits = defaultdict(list)
    for email_id, delay in outcome.deferred.items():
        waits[delay + 1].append(email_id)  # due again at `delay`, so the retry finds them claimable
    if outcome.returned:
        waits[0] += outcome.returned
    try:
        for countdown, email_ids in sorted(waits.items()):
            send_email_batch.apply_async((email_ids,), countdown=countdown)
    except Exception:  # noqa: BLE001 - the broker is down; the rows are due and the sweeper sends them
        logger.warning("outbox_requeue_failed", email_ids=sum(waits.values(), []), exc_info=True)


@shared_task(name="messaging.sweep_outbox")
def sweep_outbox():
    """Re-queue outbox e-mails that are due and unsent (runs every minute from beat)."""
    return outbox.sweep_outbox()
