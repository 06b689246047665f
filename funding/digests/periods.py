"""Digest periods and when each kind is due, in Europe/Tallinn.

A period is named by the local calendar, so a run's DigestRun and DigestDelivery rows carry a
key a person can read:

    daily     "2026-11-24"   due that day at 07:00
    weekly    "2026-W48"     ISO week, due its Monday at 08:00
    monthly   "2026-11"      due the 1st at 08:00
    reminder  "2026-11-24"   due that day at 07:00, with the daily run

The beat schedules (migrations/0002_digest_schedules.py) fire at these moments; a run
started late, or again by the sweeper, asks `current_period` and gets the same key.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from funding.models import DeliveryKind

TALLINN = ZoneInfo("Europe/Tallinn")

DUE_TIME = {
    DeliveryKind.DAILY: time(7, 0),
    DeliveryKind.WEEKLY: time(8, 0),
    DeliveryKind.MONTHLY: time(8, 0),
    DeliveryKind.REMINDER: time(7, 0),
}


def _period_start(kind, day):
    """The first local date of the period of `kind` that `day` falls in."""
    if kind == DeliveryKind.WEEKLY:
        return day - timedelta(days=day.weekday())
    if kind == DeliveryKind.MONTHLY:
        return day.replace(day=1)
    return day


def _previous_start(kind, start):
    if kind == DeliveryKind.WEEKLY:
        return start - timedelta(days=7)
    if kind == DeliveryKind.MONTHLY:
        return (start - timedelta(days=1)).replace(day=1)
    return start - timedelta(days=1)


def period_key(kind, start):
    """The key of the period of `kind` starting on the local date `start`."""
    if kind == DeliveryKind.WEEKLY:
        year, week, _weekday = start.isocalendar()
        return f"{year}-W{week:02d}"
    if kind == DeliveryKind.MONTHLY:
        return f"{start.year}-{start.month:02d}"
    return start.isoformat()


def due_moment(kind, start):
    """The aware instant a period of `kind` starting on the local date `start` is due."""
    return datetime.combine(start, DUE_TIME[kind], tzinfo=TALLINN)


def current_period(kind, now=None):
    """(period key, due instant) of the latest period of `kind` due at or before `now`.

    Raises ValueError for an unknown kind.
    """
    kind = DeliveryKind(kind)
    now = now or timezone.now()
    start = _period_start(kind, now.astimezone(TALLINN).date())
    if due_moment(kind, start) > now:
        start = _previous_start(kind, start)
    return period_key(kind, start), due_moment(kind, start)


def local_date(moment) -> date:
    return moment.astimezone(TALLINN).date()
