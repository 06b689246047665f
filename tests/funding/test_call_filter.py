"""The calls list's filters and sort orders: each parameter, the default, statuses from dates, junk values."""

import re
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.utils import timezone

from funding.filters import CallFilter
from funding.models import Call
from members.models import FocusArea
from tests.factories import CallFactory, MembershipFactory, OrganisationFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

URL = "/et/calls/"


def listed(response):
    """The calls on the page, in order, read from the cards' links."""
    return re.findall(r'<h3 lang="\w\w"><a href="/\w\w/calls/([\w-]+)/">', response.content.decode())


def in_days(count, hours=0):
    return timezone.now() + timedelta(days=count, hours=hours)


def filtered(query, user=None):
    query = QueryDict(urlencode(query, doseq=True))
    calls = Call.objects.published().with_status().with_card_details()
    return [call.slug for call in CallFilter(query, queryset=calls, user=user).qs]


@pytest.fixture
def mobility():
    return FocusArea.objects.get(slug="mobility")


@pytest.fixture
def tourism():
    return FocusArea.objects.get(slug="tourism")


# --- Status, derived from the dates -------------------------------------------------------------


@pytest.fixture
def calls_of_every_status():
    CallFactory(slug="forthcoming", opens_at=in_days(5), deadline=in_days(60))
    CallFactory(slug="open", deadline=in_days(40))
    CallFactory(slug="closing-soon", deadline=in_days(3))
    CallFactory(slug="closed", opens_at=in_days(-90), deadline=in_days(-1))
    CallFactory(slug="rolling", rolling=True)
    # Two-stage: the first stage passed, the second ahead: still open, and its next deadline is the second.
    CallFactory(slug="second-stage", opens_at=in_days(-90), deadline=in_days(-10), second_deadline=in_days(20))
    CallFactory(slug="both-stages-passed", opens_at=in_days(-90), deadline=in_days(-20), second_deadline=in_days(-5))


def test_default_list_leaves_out_closed_calls_and_says_so(client, calls_of_every_status):
    response = client.get("/en/calls/")

    assert set(listed(response)) == {"forthcoming", "open", "closing-soon", "rolling", "second-stage"}
    assert "Closed calls are not shown." in response.content.decode()


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("forthcoming", {"forthcoming"}),
        ("open", {"open", "rolling", "second-stage"}),
        ("closing_soon", {"closing-soon"}),
        ("closed", {"closed", "both-stages-passed"}),
    ],
)
def test_status_filter_derives_the_status_from_the_dates(calls_of_every_status, status, expected):
    assert set(filtered({"status": status})) == expected


def test_several_statuses_are_any_of_them(calls_of_every_status):
    assert set(filtered({"status": ["closing_soon", "closed"]})) == {"closing-soon", "closed", "both-stages-passed"}


def test_status_annotation_agrees_with_the_model_status(calls_of_every_status):
    for call in Call.objects.with_status():
        assert call.current_status == call.status()


def test_call_fourteen_days_from_its_deadline_is_closing_soon_and_fifteen_is_open():
    CallFactory(slug="fourteen", deadline=in_days(14, hours=-1))
    CallFactory(slug="fifteen", deadline=in_days(15))

    assert filtered({"status": "closing_soon"}) == ["fourteen"]
    assert filtered({"status": "open"}) == ["fifteen"]


# --- Sort orders ---------------------------------------------------------------------------------


def test_default_order_is_nearest_deadline_first_then_rolling(client):
    CallFactory(slug="later", deadline=in_days(50))
    CallFactory(slug="rolling", rolling=True)
    CallFactory(slug="sooner", deadline=in_days(5))
    CallFactory(slug="second-stage-next", opens_at=in_days(-90), deadline=in_days(-3), second_deadline=in_days(20))

    assert listed(client.get(URL)) == ["sooner", "second-stage-next", "later", "rolling"]


def test_closed_calls_come_last_when_shown(client):
    CallFactory(slug="closed", opens_at=in_days(-90), deadline=in_days(-1))
    CallFactory(slug="open", deadline=in_days(30))

    assert listed(client.get(URL + "?status=open&status=closed")) == ["open", "closed"]


def test_newest_sort_lists_the_latest_published_first():
    old = CallFactory(slug="old", deadline=in_days(5))
    CallFactory(slug="new", deadline=in_days(50))
    Call.objects.filter(pk=old.pk).update(published_at=timezone.now() - timedelta(days=3))

    assert filtered({"sort": "newest"}) == ["new", "old"]


def test_title_sort_ignores_letter_case():
    CallFactory(slug="b", title="beta call")
    CallFactory(slug="a", title="Alpha call")
    CallFactory(slug="c", title="Gamma call")

    assert filtered({"sort": "title"}) == ["a", "b", "c"]


# --- Each filter ---------------------------------------------------------------------------------


def test_text_search_needs_every_word_in_any_letter_case():
    CallFactory(slug="green", title="Rohelise linna ÕHUSEIRE", summary="Pilots.")
    CallFactory(slug="grey", title="Õhuseire andmed", summary="Data.")
    CallFactory(slug="other", title="Tourism call", identifier="DIGITAL-2027-AI-01")

    assert filtered({"q": "õhuseire rohelise"}) == ["green"]
    assert set(filtered({"q": "ÕHUSEIRE"})) == {"green", "grey"}
    assert filtered({"q": "digital-2027"}) == ["other"]


def test_programme_filter_takes_slugs():
    horizon = ProgrammeFactory(slug="horizon-europe")
    interreg = ProgrammeFactory(slug="interreg")
    CallFactory(slug="h", programme=horizon)
    CallFactory(slug="i", programme=interreg)
    CallFactory(slug="x")

    assert filtered({"programme": "horizon-europe"}) == ["h"]
    assert set(filtered({"programme": ["horizon-europe", "interreg"]})) == {"h", "i"}


def test_programme_kind_filter():
    CallFactory(slug="eu", programme=ProgrammeFactory(kind="eu"))
    CallFactory(slug="vc", programme=ProgrammeFactory(kind="private"), rolling=True)
    CallFactory(slug="ee", programme=ProgrammeFactory(kind="national"))

    assert filtered({"programme_kind": "private"}) == ["vc"]
    assert set(filtered({"programme_kind": ["eu", "national"]})) == {"eu", "ee"}


def test_focus_area_filter_lists_a_call_once_whatever_it_matches(mobility, tourism):
    CallFactory(slug="both", focus_areas=[mobility, tourism])
    CallFactory(slug="mobility", focus_areas=[mobility])
    CallFactory(slug="none")

    assert sorted(filtered({"focus_area": ["mobility", "tourism"]})) == ["both", "mobility"]


def test_eligible_for_lists_calls_naming_the_kind_or_naming_none():
    CallFactory(slug="companies", eligible_kinds=["company"])
    CallFactory(slug="research", eligible_kinds=["research", "public"])
    CallFactory(slug="anyone")

    assert sorted(filtered({"eligible_for": "company"})) == ["anyone", "companies"]


def test_deadline_before_takes_the_tallinn_date_of_the_next_deadline():
    deadline = timezone.now().replace(microsecond=0) + timedelta(days=10)
    CallFactory(slug="ten-days", deadline=deadline)
    CallFactory(slug="rolling", rolling=True)
    CallFactory(slug="second-stage", opens_at=in_days(-90), deadline=in_days(-1), second_deadline=in_days(30))
    day = timezone.localdate(deadline)

    assert filtered({"deadline_before": day.isoformat()}) == ["ten-days"]
    assert filtered({"deadline_before": (day - timedelta(days=1)).isoformat()}) == []
    assert filtered({"deadline_before": (day + timedelta(days=30)).isoformat()}) == ["ten-days", "second-stage"]


def test_drafts_are_never_listed(client):
    CallFactory(slug="draft", draft=True)
    CallFactory(slug="published")

    assert listed(client.get(URL)) == ["published"]


# --- The person's organisation's kind ---------------------------------------------------------


def test_members_see_their_organisations_kind_first_and_not_chosen(client):
    organisation = OrganisationFactory(kind="research")
    user = MembershipFactory(organisation=organisation).user
    client.force_login(user)

    html = client.get("/en/calls/").content.decode()

    options = re.findall(r'<option value="(\w*)"[^>]*>', html[html.index('name="eligible_for"') :])
    assert options[:2] == ["", "research"]
    assert "(my organisation)" in html
    assert 'value="research" selected' not in html


# --- Junk never fails ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "status=nonsense",
        "programme=no-such-programme",
        "programme_kind=moon",
        "focus_area=%00",
        "eligible_for=alien",
        "deadline_before=not-a-date",
        "deadline_before=99999-01-01",
        "sort=sideways",
        "page=-3",
        "page=abc",
        "q=" + "x" * 500,
        "q=%F0%9F%98%80%20%27%3B--",
    ],
)
def test_junk_parameters_answer_200_and_are_left_out(client, query):
    CallFactory(slug="open")

    response = client.get(f"{URL}?{query}")

    assert response.status_code == 200
    if not query.startswith(("page", "q=")):
        assert listed(response) == ["open"]
