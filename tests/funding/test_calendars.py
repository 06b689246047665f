"""iCalendar feeds of deadlines: all published calls, and a person's private feed of followed calls."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.sites.models import Site
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from funding.models import CalendarFeed, Call
from funding.services.calendar import calendar_feed_for, reset_calendar_token
from tests.factories import CallFactory, CallFollowFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/et/calls/deadlines.ics"
# Events are looked up by SUMMARY in English: these tests do not wait for the Estonian catalogue.
EN_URL = "/en/calls/deadlines.ics"


def ago(**kwargs):
    return (timezone.now() - timedelta(**kwargs)).replace(microsecond=0)


def ahead(**kwargs):
    return (timezone.now() + timedelta(**kwargs)).replace(microsecond=0)


def calendar_of(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(response):
    return {str(event["SUMMARY"]): event for event in calendar_of(response).walk("VEVENT")}


def private_url(user, language="en"):
    with translation.override(language):
        return reverse("funding:followed_calendar", kwargs={"token": calendar_feed_for(user).token})


@pytest.fixture
def host():
    return Site.objects.get_current().domain


# --- All published calls -------------------------------------------------------------------------


def test_calendar_has_an_event_at_each_published_deadline(client, host):
    deadline = datetime(2031, 3, 4, 16, 0, tzinfo=UTC)
    call = CallFactory(title="Nutikad bussipeatused", slug="bus-stops", deadline=deadline, summary="Piloodid.")

    event = events(client.get(EN_URL))["Deadline: Nutikad bussipeatused"]

    assert event.decoded("DTSTART") == deadline
    assert event.decoded("DTEND") == deadline
    assert str(event["URL"]) == f"http://{host}/en/calls/bus-stops/"
    assert "Piloodid." in str(event["DESCRIPTION"])
    assert f"http://{host}/en/calls/bus-stops/" in str(event["DESCRIPTION"])
    assert str(event["UID"]) == f"call-{call.pk}-stage-1@{host}"
    assert event.decoded("LAST-MODIFIED") == Call.objects.get(pk=call.pk).updated_at.replace(microsecond=0)


def test_deadline_keeps_the_funders_time_zone(client):
    CallFactory(title="Brüsseli voor", deadline=datetime(2031, 3, 4, 16, 0, tzinfo=UTC))

    event = events(client.get(EN_URL))["Deadline: Brüsseli voor"]

    assert event["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert event.decoded("DTSTART").hour == 17
    assert b"BEGIN:VTIMEZONE" in client.get(URL).content


def test_unknown_time_zone_still_puts_the_event_at_the_deadline_instant(client):
    deadline = datetime(2031, 3, 4, 16, 0, tzinfo=UTC)
    CallFactory(title="Vigane vöönd", deadline=deadline, deadline_timezone="Mars/Olympus")

    event = events(client.get(EN_URL))["Deadline: Vigane vöönd"]

    assert event.decoded("DTSTART") == deadline


def test_two_stage_call_gives_one_event_per_stage(client, host):
    call = CallFactory(title="Kaheetapiline", deadline=ahead(days=10), second_deadline=ahead(days=100))

    found = events(client.get("/en/calls/deadlines.ics"))

    stage_one = found["Deadline: Kaheetapiline (stage 1)"]
    stage_two = found["Deadline: Kaheetapiline (stage 2)"]
    assert stage_one.decoded("DTSTART") == call.deadline
    assert stage_two.decoded("DTSTART") == call.second_deadline
    assert {str(stage_one["UID"]), str(stage_two["UID"])} == {
        f"call-{call.pk}-stage-1@{host}",
        f"call-{call.pk}-stage-2@{host}",
    }


def test_rolling_drafts_and_long_closed_calls_are_left_out_recently_closed_kept(client):
    CallFactory(title="Avatud")
    CallFactory(title="Jooksev", rolling=True)
    CallFactory(title="Mustand", draft=True)
    CallFactory(title="Hiljuti suletud", deadline=ago(days=80))
    CallFactory(title="Ammu suletud", deadline=ago(days=100))

    assert sorted(events(client.get(EN_URL))) == ["Deadline: Avatud", "Deadline: Hiljuti suletud"]


def test_uids_are_stable_across_requests(client):
    CallFactory.create_batch(3)

    first = [str(e["UID"]) for e in calendar_of(client.get(URL)).walk("VEVENT")]
    second = [str(e["UID"]) for e in calendar_of(client.get(URL)).walk("VEVENT")]

    assert first == second
    assert len(set(first)) == 3


def test_calendar_speaks_the_language_of_its_address(client):
    call = CallFactory(slug="both")
    Call.objects.filter(pk=call.pk).update(title_et="Nutikas liikuvus", title_en="Smart mobility")

    english = calendar_of(client.get("/en/calls/deadlines.ics"))
    estonian = calendar_of(client.get(URL))

    assert [str(e["SUMMARY"]) for e in english.walk("VEVENT")] == ["Deadline: Smart mobility"]
    assert str(english["X-WR-CALNAME"]) == "ESCC funding deadlines"
    [estonian_event] = estonian.walk("VEVENT")
    assert "Nutikas liikuvus" in str(estonian_event["SUMMARY"])
    assert str(estonian_event["URL"]).endswith("/et/calls/both/")
    assert str(english.walk("VEVENT")[0]["URL"]).endswith("/en/calls/both/")


def test_calendar_asks_apps_to_refresh_and_names_itself(client):
    calendar = calendar_of(client.get(URL))

    assert calendar["X-WR-CALNAME"]
    assert calendar.decoded("REFRESH-INTERVAL") == timedelta(hours=6)
    assert str(calendar["X-PUBLISHED-TTL"]) == "PT6H"


def test_calendar_refuses_post(client):
    assert client.post(URL).status_code == 405


@pytest.mark.parametrize("count", [3, 30])
def test_calendar_queries_do_not_grow_with_calls(client, django_assert_num_queries, count):
    CallFactory.create_batch(count, second_deadline=ahead(days=90))
    Site.objects.clear_cache()

    with django_assert_num_queries(2):  # the site, the calls with their programmes
        response = client.get(URL)

    assert len(calendar_of(response).walk("VEVENT")) == 2 * count


# --- The private feed of followed calls ----------------------------------------------------------


def test_private_feed_holds_only_the_owners_followed_calls(client):
    owner, other = UserFactory(), UserFactory()
    followed = CallFactory(title="Jälgitud")
    CallFollowFactory(user=owner, call=followed)
    CallFollowFactory(user=other, call=CallFactory(title="Teise jälgitud"))
    CallFactory(title="Keegi ei jälgi")

    assert sorted(events(client.get(private_url(owner)))) == ["Deadline: Jälgitud"]


def test_another_persons_token_gives_their_calls_not_yours(client):
    me, other = UserFactory(), UserFactory()
    CallFollowFactory(user=me, call=CallFactory(title="Minu voor"))
    CallFollowFactory(user=other, call=CallFactory(title="Teise voor"))
    client.force_login(me)

    assert sorted(events(client.get(private_url(other)))) == ["Deadline: Teise voor"]


def test_private_feed_leaves_out_rolling_and_draft_calls_followed(client):
    owner = UserFactory()
    for call in [CallFactory(title="Päris"), CallFactory(title="Jooksev", rolling=True)]:
        CallFollowFactory(user=owner, call=call)
    draft = CallFactory(title="Nüüd mustand")
    CallFollowFactory(user=owner, call=draft)
    Call.objects.filter(pk=draft.pk).update(state="draft")

    assert sorted(events(client.get(private_url(owner)))) == ["Deadline: Päris"]


def test_private_feed_needs_no_sign_in_and_is_kept_private(client):
    owner = UserFactory()

    response = client.get(private_url(owner))

    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert response["X-Robots-Tag"].startswith("noindex")
    assert response["Referrer-Policy"] == "no-referrer"


def test_token_is_long_urlsafe_and_unique_per_person():
    first, second = calendar_feed_for(UserFactory()).token, calendar_feed_for(UserFactory()).token

    assert re.fullmatch(r"[A-Za-z0-9_-]{43,}", first)
    assert first != second


@pytest.mark.parametrize(
    "token",
    [
        "x" * 43,
        "guess",
        "a" * 200,
        "%00" + "a" * 43,
        "a%00" * 12,
        "ä" * 43,
        "..%2F..%2Fetc",
        "' OR 1=1 --",
    ],
)
def test_wrong_or_junk_token_is_404(client, token):
    calendar_feed_for(UserFactory())

    assert client.get(f"/et/calls/deadlines/{token}.ics").status_code == 404


def test_empty_token_is_404(client):
    assert client.get("/et/calls/deadlines/.ics").status_code == 404


def test_old_token_is_404_after_reset_and_the_new_one_works(client):
    owner = UserFactory()
    old_url = private_url(owner)

    reset_calendar_token(owner)

    assert client.get(old_url).status_code == 404
    assert client.get(private_url(owner)).status_code == 200


def test_deactivated_persons_address_is_404(client):
    owner = UserFactory()
    url = private_url(owner)
    owner.is_active = False
    owner.save()

    assert client.get(url).status_code == 404


def test_private_feed_refuses_post(client):
    assert client.post(private_url(UserFactory())).status_code == 405


@pytest.mark.parametrize("count", [3, 30])
def test_private_feed_queries_do_not_grow_with_calls(client, django_assert_num_queries, count):
    owner = UserFactory()
    for call in CallFactory.create_batch(count, second_deadline=ahead(days=90)):
        CallFollowFactory(user=owner, call=call)
    url = private_url(owner)
    Site.objects.clear_cache()

    with django_assert_num_queries(3):  # the token, the site, the followed calls with their programmes
        response = client.get(url)

    assert len(calendar_of(response).walk("VEVENT")) == 2 * count


# --- Resetting the address -----------------------------------------------------------------------


def test_reset_gives_a_new_token_and_redirects_to_my_calls(client, member):
    old = calendar_feed_for(member).token
    client.force_login(member)

    response = client.post("/et/calls/deadlines/reset/")

    assert response.status_code == 302
    assert response["Location"] == "/et/calls/mine/"
    assert CalendarFeed.objects.get(user=member).token != old


def test_reset_goes_back_to_a_safe_next_page_only(client, member):
    client.force_login(member)

    assert client.post("/et/calls/deadlines/reset/", {"next": "/et/digest/"})["Location"] == "/et/digest/"
    assert client.post("/et/calls/deadlines/reset/", {"next": "https://evil.example/"})["Location"] == "/et/calls/mine/"


def test_reset_needs_sign_in_and_post(client, member):
    assert client.post("/et/calls/deadlines/reset/")["Location"].startswith("/et/accounts/login/")
    client.force_login(member)
    assert client.get("/et/calls/deadlines/reset/").status_code == 405
