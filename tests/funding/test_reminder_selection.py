"""Deadline reminders: 7 and 1 Tallinn days before each deadline of a followed call, once each."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from funding.digests.selection import build_reminders
from funding.models import CallFollow
from tests.factories import CallFactory, SubscriptionFactory, UserFactory
from tests.funding.factories import record_sent

pytestmark = pytest.mark.django_db

TALLINN = ZoneInfo("Europe/Tallinn")
# 06:00 in Tallinn, before the 07:00 run: 04:00 UTC, when UTC and Tallinn dates agree.
NOW = datetime(2027, 3, 10, 6, 0, tzinfo=TALLINN)


def tallinn(day, hour=17, minute=0):
    return datetime(2027, 3, day, hour, minute, tzinfo=TALLINN)


def followed(user, **fields):
    call = CallFactory(opens_at=NOW - timedelta(days=30), **fields)
    CallFollow.objects.create(user=user, call=call)
    return call


def keys(reminders):
    return [key for reminder in reminders for key in reminder.keys]


@pytest.fixture
def person(db):
    user = UserFactory()
    SubscriptionFactory(user=user)
    return user


def test_a_deadline_seven_and_one_tallinn_days_ahead_is_reminded(person):
    in_a_week = followed(person, deadline=tallinn(17))
    tomorrow = followed(person, deadline=tallinn(11, 23, 30))

    assert keys(build_reminders([person.pk], now=NOW)) == [
        f"reminder:{tomorrow.pk}:{tomorrow.deadline.astimezone(UTC).isoformat()}:1",
        f"reminder:{in_a_week.pk}:{in_a_week.deadline.astimezone(UTC).isoformat()}:7",
    ]


@pytest.mark.parametrize("day", [10, 12, 15, 16, 18, 20])
def test_deadlines_on_other_days_are_not_reminded(person, day):
    followed(person, deadline=tallinn(day, 23, 0))

    assert build_reminders([person.pk], now=NOW) == []


def test_days_are_counted_in_tallinn_dates_not_utc(person):
    # 00:30 on 18 March in Tallinn is still 17 March in UTC: eight Tallinn days ahead.
    followed(person, deadline=tallinn(18, 0, 30))
    last_minute = followed(person, deadline=tallinn(17, 23, 59))

    assert keys(build_reminders([person.pk], now=NOW)) == [
        f"reminder:{last_minute.pk}:{last_minute.deadline.astimezone(UTC).isoformat()}:7"
    ]


def test_both_deadlines_of_a_two_stage_call_are_reminded(person):
    call = followed(person, deadline=tallinn(11), second_deadline=tallinn(17))

    assert keys(build_reminders([person.pk], now=NOW)) == [
        f"reminder:{call.pk}:{call.deadline.astimezone(UTC).isoformat()}:1",
        f"reminder:{call.pk}:{call.second_deadline.astimezone(UTC).isoformat()}:7",
    ]


def test_a_reminder_already_sent_is_not_sent_again(person):
    call = followed(person, deadline=tallinn(11))
    [reminder] = build_reminders([person.pk], now=NOW)
    record_sent(person, *reminder.keys, kind="reminder")

    assert build_reminders([person.pk], now=NOW + timedelta(hours=2)) == []
    assert reminder.keys == [f"reminder:{call.pk}:{call.deadline.astimezone(UTC).isoformat()}:1"]


def test_the_one_day_reminder_follows_the_seven_day_one(person):
    call = followed(person, deadline=tallinn(17))
    [first] = build_reminders([person.pk], now=NOW)
    record_sent(person, *first.keys, kind="reminder")

    [second] = build_reminders([person.pk], now=NOW + timedelta(days=6))

    assert second.keys == [f"reminder:{call.pk}:{call.deadline.astimezone(UTC).isoformat()}:1"]


def test_people_who_turned_reminders_off_or_have_no_subscription_get_none(db):
    off = UserFactory()
    SubscriptionFactory(user=off, send_reminders=False)
    without = UserFactory()
    for user in (off, without):
        followed(user, deadline=tallinn(11))

    assert build_reminders([off.pk, without.pk], now=NOW) == []


def test_calls_not_followed_draft_or_rolling_are_not_reminded(person):
    CallFactory(deadline=tallinn(11))
    followed(person, deadline=tallinn(11), draft=True)
    followed(person, rolling=True)

    assert build_reminders([person.pk], now=NOW) == []


def test_a_reminder_is_in_the_persons_language_and_of_kind_reminder(db):
    user = UserFactory(preferred_language="en")
    SubscriptionFactory(user=user)
    followed(user, deadline=tallinn(11), title_et="Nutikad bussid", title_en="Smart buses")

    [reminder] = build_reminders([user.pk], now=NOW)

    assert (reminder.kind, reminder.language, reminder.user) == ("reminder", "en", user)
    entry = reminder.sections[0].entries[0]
    assert entry.title == "Smart buses"
    assert "The deadline is tomorrow." in entry.details


def test_reminders_for_a_batch_take_three_queries_whatever_its_size(django_assert_num_queries):
    people = []
    for _ in range(25):
        user = UserFactory()
        SubscriptionFactory(user=user)
        followed(user, deadline=tallinn(11))
        people.append(user.pk)

    for batch in (people[:3], people):
        with django_assert_num_queries(3):
            reminders = build_reminders(batch, now=NOW)
        assert len(reminders) == len(batch)
