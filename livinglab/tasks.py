from celery import shared_task

from livinglab.services.dates import follow_campaign_dates as follow


@shared_task(name="livinglab.follow_campaign_dates")
def follow_campaign_dates():
    """Move campaigns on as their dates pass and remind testers of feedback (daily from beat)."""
    return follow()
