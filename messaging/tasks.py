from celery import shared_task

from messaging import outbox


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


@shared_task(name="messaging.sweep_outbox")
def sweep_outbox():
    """Re-queue outbox e-mails that are due and unsent (runs every minute from beat)."""
    return outbox.sweep_outbox()
