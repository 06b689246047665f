from celery import shared_task
from django.utils import timezone


@shared_task(name="escc.health")
def health():
    """Answer from a worker: proves a worker consumes the queue (used by monitoring)."""
    return {"status": "ok", "at": timezone.now().isoformat()}
