"""What the calendar does to campaigns, once a day from beat.

A recruiting campaign starts on its first day of testing (the invitations already out can
still be accepted); a running one finishes the day after its last day, which asks its
testers for feedback; testers who have not answered FEEDBACK_REMINDER_DAYS after the finish
are reminded once. An approved campaign that never sent an invitation waits for its owner:
starting a test nobody was asked to is not what anyone wants.

Each step is idempotent (states only move forward; the reminder is deduplicated by the
messaging layer), so a run beat repeats or misses does no harm: the next one catches up.
"""

from datetime import timedelta

from django.utils import timezone

from livinglab import notifications
from livinglab.models import Campaign, CampaignStatus, Participation
from livinglab.services.campaigns import finish_campaign, start_test

FEEDBACK_REMINDER_DAYS = 3
# Older finishes are not looked at again: a tester who did not answer in two weeks will not now.
REMINDER_WINDOW_DAYS = 14


def follow_campaign_dates(*, now=None) -> dict:
    """Start, finish and remind as the dates say. Returns how many of each."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    started = [
        start_test(campaign, actor=None)
        for campaign in Campaign.objects.filter(status=CampaignStatus.RECRUITING, starts_on__lte=today)
    ]
    finished = [
        finish_campaign(campaign, actor=None)
        for campaign in Campaign.objects.filter(status=CampaignStatus.RUNNING, ends_on__lt=today)
    ]
    return {"started": len(started), "finished": len(finished), "reminded": remind_about_feedback(now=now)}


def remind_about_feedback(*, now) -> int:
    """Remind once the testers of campaigns finished 3 to 14 days ago who have not answered."""
    waiting = Participation.objects.filter(
        status=Participation.Status.ACCEPTED,
        response__isnull=True,
        campaign__status=CampaignStatus.FINISHED,
        campaign__finished_at__lte=now - timedelta(days=FEEDBACK_REMINDER_DAYS),
        campaign__finished_at__gt=now - timedelta(days=REMINDER_WINDOW_DAYS),
    )
    return len(notifications.feedback_reminded(list(waiting)))
