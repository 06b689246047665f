"""The calls list page: what a card shows, pages, htmx, saving a search, feed links, and its queries."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from members.models import FocusArea
from tests.factories import CallFactory, MembershipFactory, OrganisationFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

URL = "/en/calls/"


def listed(response):
    return re.findall(r'<h3 lang="\w\w"><a href="/\w\w/calls/([\w-]+)/">', response.content.decode())


def in_days(count, hours=0):
    return timezone.now() + timedelta(days=count, hours=hours)


def tallinn_noon_in(days):
    # Days are counted on Tallinn's calendar, so a deadline "now + 3 days" is 4 days away late at night.
    return timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0) + timedelta(days=days)


def test_card_shows_programme_kind_status_and_time_left(client):
    CallFactory(
        slug="bus",
        title="Smart buses",
        identifier="HORIZON-CL5-1",
        programme=ProgrammeFactory(name="Horizon Europe", kind="eu"),
        deadline=tallinn_noon_in(3),
    )

    html = client.get(URL).content.decode()

    assert "Smart buses" in html
    assert "Horizon Europe" in html
    assert "EU programme" in html
    assert "HORIZON-CL5-1" in html
    assert "Closing soon" in html
    assert "Closes in 3 days" in html


@pytest.mark.parametrize(
    ("deadline", "text"),
    [
        (timedelta(minutes=30), "Closes today"),
        (timedelta(days=1), "Closes tomorrow"),
        (timedelta(days=40), "Closes in 40 days"),
    ],
)
def test_time_left_counts_tallinn_days(client, deadline, text):
    # Measured at noon in Tallinn, so "+30 minutes" is still today and "+1 day" tomorrow.
    noon = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    CallFactory(opens_at=noon - timedelta(days=5), deadline=noon + deadline)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: noon)
        html = client.get(URL).content.decode()

    assert text in html


def test_rolling_intake_says_it_has_no_deadline(client):
    CallFactory(rolling=True, programme=ProgrammeFactory(kind="private"), ticket_min_eur=50000, ticket_max_eur=500000)

    html = client.get(URL).content.decode()

    assert "Rolling intake — no deadline" in html
    assert "50,000–500,000 €" in html


def test_forthcoming_call_says_when_it_opens(client):
    CallFactory(opens_at=in_days(9), deadline=in_days(60))

    assert "Opens on" in client.get(URL).content.decode()


def test_deadline_shows_funder_time_zone_and_tallinn_time_when_they_differ(client):
    deadline = datetime(2099, 3, 12, 16, 0, tzinfo=UTC)  # 17:00 in Brussels, 18:00 in Tallinn
    CallFactory(slug="brussels", deadline=deadline, deadline_timezone="Europe/Brussels")

    html = client.get(URL).content.decode()

    assert "12/03/2099 17:00 CET (Europe/Brussels)" in html
    assert "(12/03/2099 18:00 in Tallinn)" in html


def test_deadline_in_tallinn_time_is_shown_once(client):
    CallFactory(deadline=datetime(2099, 3, 12, 12, 0, tzinfo=UTC), deadline_timezone="Europe/Tallinn")

    html = client.get(URL).content.decode()

    assert "(Europe/Tallinn)" in html
    assert "in Tallinn)" not in html


def test_unknown_time_zone_falls_back_to_tallinn(client):
    CallFactory(deadline=datetime(2099, 3, 12, 12, 0, tzinfo=UTC), deadline_timezone="Mars/Olympus")

    response = client.get(URL)

    assert response.status_code == 200
    assert "(Europe/Tallinn)" in response.content.decode()


def test_two_stage_call_shows_both_deadlines(client):
    CallFactory(deadline=in_days(10), second_deadline=in_days(100))

    html = client.get(URL).content.decode()

    assert "First-stage deadline" in html
    assert "Second-stage deadline" in html


def test_card_shows_budget_funding_rate_and_focus_areas(client):
    CallFactory(budget_eur=12000000, funding_rate=70, focus_areas=[FocusArea.objects.get(slug="mobility")])

    html = client.get(URL).content.decode()

    assert "12,000,000 €" in html
    assert "70 %" in html
    assert FocusArea.objects.get(slug="mobility").name_en in html


def test_english_page_marks_an_estonian_only_title(client):
    CallFactory(slug="et-only", title_et="Nutikad bussid", title_en="")

    assert '<h3 lang="et"><a href="/en/calls/et-only/">Nutikad bussid</a></h3>' in client.get(URL).content.decode()


def test_list_has_twenty_calls_a_page(client):
    for number in range(25):
        CallFactory(deadline=in_days(number + 1))

    first, second = client.get(URL), client.get(URL + "?page=2")

    assert len(listed(first)) == 20
    assert len(listed(second)) == 5
    assert "25 calls" in first.content.decode()


def test_htmx_request_gets_only_the_results_and_varies_on_it(client):
    CallFactory(slug="open")

    response = client.get(URL, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert listed(response) == ["open"]
    assert "<h1>" not in html
    assert 'hx-swap-oob="innerHTML"' in html
    assert "HX-Request" in response["Vary"]


def test_full_page_varies_on_htmx_too(client):
    assert "HX-Request" in client.get(URL)["Vary"]


def test_list_links_to_the_calls_feeds(client):
    html = client.get(URL).content.decode()

    assert 'href="/en/calls/feed/rss/"' in html
    assert 'href="/en/calls/feed/atom/"' in html
    assert 'href="/en/calls/deadlines.ics"' in html


def test_visitors_get_no_save_search_form(client):
    assert "/calls/searches/" not in client.get(URL).content.decode()


def test_signed_in_people_get_a_save_form_holding_the_current_filters(client, member):
    client.force_login(member)

    html = client.get(URL + "?q=bus&programme_kind=eu").content.decode()

    assert 'action="/en/calls/searches/"' in html
    assert 'name="query" value="q=bus&amp;programme_kind=eu"' in html


def make_calls(count):
    areas = list(FocusArea.objects.all()[:2])
    for number in range(count):
        CallFactory(
            deadline=in_days(number + 1),
            second_deadline=in_days(number + 60) if number % 2 else None,
            focus_areas=areas,
            eligible_kinds=["company", "research"],
        )


@pytest.mark.parametrize("count", [5, 40])
def test_visitor_list_queries_do_not_grow_with_calls(assert_page_queries, count):
    make_calls(count)

    # Count, the page of calls, its focus areas and eligible kinds; the filter form's programmes and focus areas.
    assert_page_queries(URL, 6)


@pytest.mark.parametrize("count", [5, 40])
def test_member_list_queries_do_not_grow_with_calls(client, assert_page_queries, count):
    make_calls(count)
    client.force_login(MembershipFactory(organisation=OrganisationFactory(kind="company")).user)

    # The visitor's 6, plus the session, the user, the person's organisation kinds, and the header's inbox count.
    assert_page_queries(URL, 10)
