"""Beat schedules of digests and reminders (a data migration), and the thin tasks they start."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from escc.celery import app
from funding import tasks
from funding.models import DigestDelivery, DigestRun
from tests.factories import CallFactory, SubscriptionFactory
from tests.funding.factories import set_times

pytestmark = pytest.mark.django_db


def schedule(name):
    task = PeriodicTask.objects.select_related("crontab").get(name=name)
    cron = task.crontab
    return (
        task.task,
        json.loads(task.args),
        (cron.minute, cron.hour, cron.day_of_week, cron.day_of_month, cron.month_of_year),
        str(cron.timezone),
        task.enabled,
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Daily digests", ("funding.run_digests", ["daily"], ("0", "7", "*", "*", "*"))),
        ("Weekly digests", ("funding.run_digests", ["weekly"], ("0", "8", "1", "*", "*"))),
        ("Monthly digests", ("funding.run_digests", ["monthly"], ("0", "8", "*", "1", "*"))),
        ("Deadline reminders", ("funding.send_reminders", [], ("0", "7", "*", "*", "*"))),
        ("Plan digests that were missed", ("funding.ensure_digests", [], ("*/5", "*", "*", "*", "*"))),
    ],
)
def test_each_run_is_scheduled_in_tallinn_time(name, expected):
    assert schedule(name) == (*expected, "Europe/Tallinn", True)


def test_the_scheduled_tasks_exist_under_those_names():
    for name in PeriodicTask.objects.filter(task__startswith="funding.").values_list("task", flat=True):
        assert name in app.tasks


def test_the_weekly_schedule_fires_on_monday_morning_in_tallinn():
    cron = PeriodicTask.objects.get(name="Weekly digests").crontab.schedule
    # Sunday 22 November 2026, 12:00 in Tallinn: the next run is Monday 23rd at 08:00 there (06:00 UTC).
    sunday = timezone.make_aware(timezone.datetime(2026, 11, 22, 12, 0), cron.tz)

    start, delta, _now = cron.remaining_delta(sunday)

    assert start + delta == timezone.make_aware(timezone.datetime(2026, 11, 23, 8, 0), cron.tz)


def test_the_run_task_plans_the_runs_digests():
    person = SubscriptionFactory(frequency="daily").user
    set_times(CallFactory(), published_at=timezone.now() - timedelta(hours=1))

    assert tasks.run_digests.delay("daily").get() == 1

    assert DigestDelivery.objects.get(user=person).email is not None


def test_the_same_run_task_twice_plans_once():
    SubscriptionFactory(frequency="daily")
    set_times(CallFactory(), published_at=timezone.now() - timedelta(hours=1))

    assert [tasks.run_digests.delay("daily").get() for _ in range(2)] == [1, 0]


def test_the_reminders_task_and_the_sweeper_task_run():
    assert tasks.send_reminders.delay().get() == 0
    assert DigestRun.objects.filter(kind="reminder").exists()
    assert isinstance(tasks.ensure_digests.delay().get(), dict)
