"""Campaigns follow their dates: recruiting ones start, running ones finish, silent testers are reminded once."""

from datetime import timedelta

import pytest
from django.utils import timezone

from livinglab.models import CampaignStatus, FeedbackResponse, Participation
from livinglab.services.dates import follow_campaign_dates
from livinglab.tasks import follow_campaign_dates as follow_campaign_dates_task
from messaging.models import OutboxEmail
from tests.livinglab.factories import CampaignFactory, ParticipationFactory

pytestmark = pytest.mark.django_db

Status = Participation.Status


def days_from_today(days):
    return timezone.localdate() + timedelta(days=days)


def test_a_recruiting_campaign_starts_on_its_first_day_and_an_approved_one_waits_for_its_owner():
    due = CampaignFactory(status=CampaignStatus.RECRUITING, starts_on=days_from_today(0))
    early = CampaignFactory(status=CampaignStatus.RECRUITING, starts_on=days_from_today(1))
    never_invited = CampaignFactory(status=CampaignStatus.APPROVED, starts_on=days_from_today(-2))

    assert follow_campaign_dates()["started"] == 1

    statuses = {c.pk: c.status for c in (due, early, never_invited) if not c.refresh_from_db()}
    assert statuses == {
        due.pk: CampaignStatus.RUNNING,
        early.pk: CampaignStatus.RECRUITING,
        never_invited.pk: CampaignStatus.APPROVED,
    }


def test_a_running_campaign_finishes_the_day_after_its_last_day_and_asks_its_testers():
    over = CampaignFactory(running=True, starts_on=days_from_today(-10), ends_on=days_from_today(-1))
    last_day = CampaignFactory(running=True, starts_on=days_from_today(-10), ends_on=days_from_today(0))
    tester = ParticipationFactory(campaign=over, status=Status.ACCEPTED)

    assert follow_campaign_dates()["finished"] == 1

    over.refresh_from_db()
    last_day.refresh_from_db()
    assert (over.status, last_day.status) == (CampaignStatus.FINISHED, CampaignStatus.RUNNING)
    assert over.finished_at is not None
    assert OutboxEmail.objects.filter(kind="livinglab.feedback_requested", to=tester.panellist.user.email).exists()


def test_testers_who_have_not_answered_are_reminded_once_three_days_after_the_finish():
    now = timezone.now()
    campaign = CampaignFactory(status=CampaignStatus.FINISHED, finished_at=now - timedelta(days=3, minutes=1))
    silent = ParticipationFactory(campaign=campaign, status=Status.ACCEPTED)
    answered = ParticipationFactory(campaign=campaign, status=Status.ACCEPTED)
    FeedbackResponse.objects.create(campaign=campaign, participation=answered, pseudonym=answered.pseudonym)
    ParticipationFactory(campaign=campaign, status=Status.DECLINED)
    too_soon = CampaignFactory(status=CampaignStatus.FINISHED, finished_at=now - timedelta(days=2))
    next_day = ParticipationFactory(campaign=too_soon, status=Status.ACCEPTED)
    long_ago = CampaignFactory(status=CampaignStatus.FINISHED, finished_at=now - timedelta(days=15))
    ParticipationFactory(campaign=long_ago, status=Status.ACCEPTED)

    assert follow_campaign_dates(now=now)["reminded"] == 1
    assert follow_campaign_dates(now=now)["reminded"] == 0
    assert follow_campaign_dates(now=now + timedelta(days=1))["reminded"] == 1

    reminders = OutboxEmail.objects.filter(kind="livinglab.feedback_reminder").order_by("pk")
    assert list(reminders.values_list("to", flat=True)) == [silent.panellist.user.email, next_day.panellist.user.email]


def test_the_beat_task_runs_the_same_steps():
    CampaignFactory(running=True, starts_on=days_from_today(-3), ends_on=days_from_today(-1))

    assert follow_campaign_dates_task.delay().get() == {"started": 0, "finished": 1, "reminded": 0}
