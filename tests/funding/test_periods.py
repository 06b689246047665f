from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from funding.digests.periods import current_period

TALLINN = ZoneInfo("Europe/Tallinn")


def at(*args):
    return datetime(*args, tzinfo=TALLINN)


@pytest.mark.parametrize(
    ("kind", "now", "period", "due"),
    [
        ("daily", at(2026, 11, 24, 7, 0), "2026-11-24", at(2026, 11, 24, 7, 0)),
        ("daily", at(2026, 11, 24, 6, 59), "2026-11-23", at(2026, 11, 23, 7, 0)),
        ("daily", at(2026, 12, 1, 23, 30), "2026-12-01", at(2026, 12, 1, 7, 0)),
        ("reminder", at(2026, 11, 24, 12, 0), "2026-11-24", at(2026, 11, 24, 7, 0)),
        # 2026-11-23 is a Monday, in ISO week 48.
        ("weekly", at(2026, 11, 23, 8, 0), "2026-W48", at(2026, 11, 23, 8, 0)),
        ("weekly", at(2026, 11, 29, 23, 59), "2026-W48", at(2026, 11, 23, 8, 0)),
        ("weekly", at(2026, 11, 23, 7, 59), "2026-W47", at(2026, 11, 16, 8, 0)),
        # ISO weeks cross the new year: 2027-01-01 is a Friday of 2026-W53.
        ("weekly", at(2027, 1, 1, 12, 0), "2026-W53", at(2026, 12, 28, 8, 0)),
        ("monthly", at(2026, 11, 1, 8, 0), "2026-11", at(2026, 11, 1, 8, 0)),
        ("monthly", at(2026, 11, 30, 23, 0), "2026-11", at(2026, 11, 1, 8, 0)),
        ("monthly", at(2027, 1, 1, 7, 0), "2026-12", at(2026, 12, 1, 8, 0)),
    ],
)
def test_the_current_period_is_the_latest_one_due(kind, now, period, due):
    assert current_period(kind, now) == (period, due)


def test_due_moments_are_tallinn_wall_clock_times_in_summer_and_winter():
    summer = current_period("daily", at(2026, 7, 1, 12, 0))[1]
    winter = current_period("daily", at(2026, 12, 1, 12, 0))[1]

    assert summer.astimezone(ZoneInfo("UTC")).hour == 4  # EEST, UTC+3
    assert winter.astimezone(ZoneInfo("UTC")).hour == 5  # EET, UTC+2


def test_an_instant_in_utc_is_read_as_tallinn_time():
    # 05:30 UTC on 24 November is 07:30 in Tallinn: the 24th's daily digest is due.
    now = datetime(2026, 11, 24, 5, 30, tzinfo=ZoneInfo("UTC"))

    assert current_period("daily", now)[0] == "2026-11-24"


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        current_period("hourly", at(2026, 11, 24, 12, 0))
