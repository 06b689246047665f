"""A saved calls search matched in Python agrees with the calls list's filter, and never raises."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.http import QueryDict
from django.utils import timezone

from funding.digests.matching import SearchCriteria
from funding.filters import CallFilter
from funding.models import Call
from members.models import FocusArea
from tests.factories import CallFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

TALLINN = ZoneInfo("Europe/Tallinn")


@pytest.fixture
def calls(db):
    """Calls of every status, three kinds of funder, focus areas, eligible kinds and texts."""
    now = timezone.now()
    mobility = FocusArea.objects.get(slug="mobility")
    tourism = FocusArea.objects.get(slug="tourism")
    horizon = ProgrammeFactory(slug="horizon-europe", kind="eu")
    eas = ProgrammeFactory(slug="eas", kind="national")
    angels = ProgrammeFactory(slug="angels", kind="private")
    return [
        CallFactory(programme=horizon, title_et="Nutikad bussid", title_en="Smart buses", focus_areas=[mobility]),
        CallFactory(
            programme=horizon,
            title_et="Bussipeatuste andmed",
            eligible_kinds=["research"],
            deadline=now + timedelta(days=5),
        ),
        CallFactory(programme=eas, title_et="Turismi digiteerimine", focus_areas=[tourism], eligible_kinds=["company"]),
        CallFactory(programme=eas, title_et="Suletud voor", deadline=now - timedelta(days=3)),
        CallFactory(programme=angels, title_et="Ingliinvestorid", rolling=True, focus_areas=[mobility, tourism]),
        CallFactory(
            programme=horizon,
            title_et="Kaheetapiline ÕHUSEIRE",
            deadline=now - timedelta(days=1),
            second_deadline=now + timedelta(days=40),
        ),
        CallFactory(
            programme=eas,
            title_et="Tulevane voor",
            opens_at=now + timedelta(days=10),
            deadline=now + timedelta(days=60),
            eligible_kinds=["company", "public"],
        ),
        CallFactory(programme=angels, title_et="Mustand", draft=True),
    ]


def in_ten_days():
    return (timezone.localtime(timezone.now(), TALLINN) + timedelta(days=10)).date().isoformat()


QUERIES = [
    "",
    "q=buss",
    "q=%C3%B5hUSEIRE",
    "q=nutikad+bussid",
    "status=open",
    "status=closed",
    "status=open&status=closing_soon&status=forthcoming",
    "status=bogus",
    "status=open&status=bogus",
    "programme=horizon-europe",
    "programme=eas&programme=angels",
    "programme=no-such-programme",
    "programme_kind=private&programme_kind=national",
    "programme_kind=martian",
    "focus_area=mobility",
    "focus_area=mobility&focus_area=tourism",
    "focus_area=nowhere",
    "eligible_for=research",
    "eligible_for=company&programme_kind=national",
    "eligible_for=alien",
    "deadline_before={ten_days}",
    "deadline_before=2026-02-31",
    "deadline_before=soon",
    "sort=title&q=voor",
    "unknown=1&page=x&q=",
    "q=" + "x" * 150,
    "q=%FF%FE&status=%00",
]


@pytest.mark.parametrize("query", QUERIES)
def test_python_matching_agrees_with_the_calls_list_filter(calls, query):
    query = query.format(ten_days=in_ten_days())
    now = timezone.now()
    published = Call.objects.published()
    listed = CallFilter(QueryDict(query), queryset=published.with_status(now).with_card_details()).qs.values_list(
        "pk", flat=True
    )
    known = {
        "programme_slugs": {call.programme.slug for call in calls},
        "focus_area_slugs": set(FocusArea.objects.values_list("slug", flat=True)),
    }
    criteria = SearchCriteria.from_query(query, **known)

    matched = {call.pk for call in published.with_card_details() if criteria.matches(call, now=now)}

    assert matched == set(listed)


def test_a_call_matches_when_every_word_occurs_in_any_letter_case(calls):
    criteria = SearchCriteria.from_query("q=BUSSID+nutikad")

    assert criteria.matches(calls[0], now=timezone.now())
    assert not criteria.matches(calls[1], now=timezone.now())


def test_a_call_listing_no_kind_is_open_to_every_kind(calls):
    criteria = SearchCriteria.from_query("eligible_for=public")

    assert criteria.matches(calls[0], now=timezone.now())
    assert not criteria.matches(calls[1], now=timezone.now())


def test_without_a_status_closed_calls_do_not_match(calls):
    assert not SearchCriteria.from_query("").matches(calls[3], now=timezone.now())
    assert SearchCriteria.from_query("status=closed").matches(calls[3], now=timezone.now())


def test_the_second_stage_deadline_counts_for_deadline_before(calls):
    second = timezone.localtime(calls[5].second_deadline, TALLINN).date()

    assert SearchCriteria.from_query(f"deadline_before={second.isoformat()}").matches(calls[5], now=timezone.now())
    earlier = (second - timedelta(days=1)).isoformat()
    assert not SearchCriteria.from_query(f"deadline_before={earlier}").matches(calls[5], now=timezone.now())


@pytest.mark.parametrize(
    "junk",
    [
        None,
        "",
        "&&&",
        "=",
        "%",
        "%%zz",
        "q",
        "status",
        "deadline_before=99999-99-99",
        "focus_area=&programme=",
        "a" * 5000,
    ],
)
def test_junk_never_raises_and_filters_nothing_away(calls, junk):
    criteria = SearchCriteria.from_query(junk)

    assert criteria.matches(calls[0], now=timezone.now())
