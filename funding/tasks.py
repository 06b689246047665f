"""Celery tasks of funding: digest runs, reminders and the sweeper (schedules in migrations).

Each is a thin call of funding.digests.delivery; running one twice plans nothing twice
(unique delivery rows), and the e-mails go through the messaging outbox.
"""

from celery import shared_task

from funding.digests import delivery
from funding.models import DeliveryKind


@shared_task(name="funding.run_digests")
def run_digests(kind):
    """Plan the daily, weekly or monthly digests of the period due now (beat, or staff from the admin)."""
    return delivery.plan_run(kind)


@shared_task(name="funding.send_reminders")
def send_reminders():
    """Plan today's deadline reminders: followed calls closing in 7 or 1 days (daily at 07:00)."""
    return delivery.plan_run(DeliveryKind.REMINDER)


@shared_task(name="funding.ensure_digests")
def ensure_digests():
    """Plan any run that is due but was lost or abandoned (every 5 minutes)."""
    return delivery.ensure_due_runs()
