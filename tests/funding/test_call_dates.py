"""A call's dates in the admin: typed and shown in the call's own time zone, the deadline after the opening.

The funder says "17:00 Brussels time"; staff type 17:00 with the zone Europe/Brussels, and
that instant is what the page, the calendar and the reminders use.
"""

from datetime import UTC, datetime

import pytest
from django.db import IntegrityError, transaction

from funding.models import Call
from tests.factories import CallFactory, ProgrammeFactory

CALLS = "/admin/funding/call/"

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, staff):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.force_login(staff)
    return client


def call_data(**fields):
    """The admin's add form for a call, filled in; `fields` override it (dates as "deadline_0": "05.03.2031")."""
    data = {
        "slug": "linnaandmed",
        "identifier": "HORIZON-CL5-2031-01",
        "programme": ProgrammeFactory().pk,
        "link": "https://ec.europa.eu/",
        "title_et": "Linnaandmed",
        "title_en": "Urban data",
        "summary_et": "Kokkuvõte",
        "summary_en": "Summary",
        "description_et": "",
        "description_en": "",
        "deadline_timezone": "Europe/Brussels",
        "opens_at_0": "",
        "opens_at_1": "",
        "deadline_0": "",
        "deadline_1": "",
        "second_deadline_0": "",
        "second_deadline_1": "",
        "budget_eur": "",
        "funding_rate": "",
        "ticket_min_eur": "",
        "ticket_max_eur": "",
        "eligible_kinds-TOTAL_FORMS": "0",
        "eligible_kinds-INITIAL_FORMS": "0",
    }
    data.update(fields)
    return data


def form_errors(response):
    return response.context["adminform"].form.errors if response.context else None


# --- Typed in the call's zone ------------------------------------------------------------------


@pytest.mark.parametrize(
    "day, stored",
    [
        ("05.03.2031", datetime(2031, 3, 5, 16, 0, tzinfo=UTC)),  # CET, UTC+1
        ("05.07.2031", datetime(2031, 7, 5, 15, 0, tzinfo=UTC)),  # CEST, UTC+2
        ("2031-03-05", datetime(2031, 3, 5, 16, 0, tzinfo=UTC)),
    ],
)
def test_17_00_brussels_typed_in_the_admin_is_stored_as_that_instant(staff_client, day, stored):
    response = staff_client.post(CALLS + "add/", call_data(deadline_0=day, deadline_1="17:00"))

    assert response.status_code == 302, form_errors(response)
    assert Call.objects.get().deadline == stored


def test_the_opening_and_the_second_deadline_are_read_in_the_call_zone_too(staff_client):
    data = call_data(
        opens_at_0="01.02.2031",
        opens_at_1="09:00",
        deadline_0="05.03.2031",
        deadline_1="17:00",
        second_deadline_0="10.09.2031",
        second_deadline_1="17:00",
    )

    response = staff_client.post(CALLS + "add/", data)

    assert response.status_code == 302, form_errors(response)
    call = Call.objects.get()
    assert call.opens_at == datetime(2031, 2, 1, 8, 0, tzinfo=UTC)
    assert call.second_deadline == datetime(2031, 9, 10, 15, 0, tzinfo=UTC)


def test_the_zone_chosen_in_the_same_form_is_the_one_the_times_are_read_in(staff_client):
    data = call_data(deadline_timezone="Europe/Tallinn", deadline_0="05.03.2031", deadline_1="17:00")

    staff_client.post(CALLS + "add/", data)

    assert Call.objects.get().deadline == datetime(2031, 3, 5, 15, 0, tzinfo=UTC)


def test_the_change_form_shows_the_deadline_in_the_call_zone_and_saving_it_keeps_it(staff_client):
    call = CallFactory(
        slug="linnaandmed",
        opens_at=datetime(2031, 2, 1, 8, 0, tzinfo=UTC),
        deadline=datetime(2031, 3, 5, 16, 0, tzinfo=UTC),
        deadline_timezone="Europe/Brussels",
    )
    change = f"{CALLS}{call.pk}/change/"

    page = staff_client.get(change).content.decode()

    assert 'name="deadline_0" value="05.03.2031"' in page
    assert 'name="deadline_1" value="17:00:00"' in page
    assert 'name="opens_at_1" value="09:00:00"' in page
    unchanged = call_data(
        programme=call.programme.pk,
        opens_at_0="01.02.2031",
        opens_at_1="09:00:00",
        deadline_0="05.03.2031",
        deadline_1="17:00:00",
    )
    response = staff_client.post(change, unchanged)
    assert response.status_code == 302, form_errors(response)
    call.refresh_from_db()
    assert call.deadline == datetime(2031, 3, 5, 16, 0, tzinfo=UTC)
    assert call.opens_at == datetime(2031, 2, 1, 8, 0, tzinfo=UTC)


def test_the_call_page_shows_the_deadline_staff_typed(staff_client):
    staff_client.post(CALLS + "add/", call_data(deadline_0="05.03.2031", deadline_1="17:00"))

    page = staff_client.get("/en/calls/linnaandmed/").content.decode()

    assert "05/03/2031 17:00 CET (Europe/Brussels)" in page


def test_the_dates_say_which_zone_they_are_in(staff_client):
    page = staff_client.get(CALLS + "add/").content.decode()

    assert "in the time zone of the deadlines" in page
    assert "The opening date and the deadlines are in this zone." in page


@pytest.mark.parametrize("zone", ["Europe", "Mars/Olympus", "../etc/passwd"])
def test_a_zone_that_does_not_exist_is_refused_on_its_field(staff_client, zone):
    response = staff_client.post(CALLS + "add/", call_data(deadline_timezone=zone, deadline_0="05.03.2031"))

    assert response.status_code == 200
    assert "is not a time zone" in form_errors(response)["deadline_timezone"][0]
    assert not Call.objects.exists()


def test_a_stored_zone_that_names_a_folder_shows_tallinn_time_not_an_error(client):
    # "Europe" is a folder of the zone database: opening it raised IsADirectoryError, a 500.
    call = CallFactory(deadline=datetime(2031, 3, 5, 15, 0, tzinfo=UTC), deadline_timezone="Europe")

    response = client.get(f"/en/calls/{call.slug}/")

    assert response.status_code == 200
    assert "05/03/2031 17:00 EET (Europe/Tallinn)" in response.content.decode()


# --- The deadline comes after the opening ------------------------------------------------------


def test_a_deadline_before_the_opening_is_refused_on_the_deadline_field(staff_client):
    data = call_data(opens_at_0="05.03.2031", opens_at_1="09:00", deadline_0="01.03.2031", deadline_1="17:00")

    response = staff_client.post(CALLS + "add/", data)

    assert response.status_code == 200
    errors = form_errors(response)
    assert errors["deadline"] == ["The deadline must come after the opening date."]
    assert "__all__" not in errors
    assert not Call.objects.exists()


def test_a_second_deadline_before_the_first_is_refused_on_its_field(staff_client):
    data = call_data(
        deadline_0="05.03.2031", deadline_1="17:00", second_deadline_0="01.03.2031", second_deadline_1="17:00"
    )

    response = staff_client.post(CALLS + "add/", data)

    assert form_errors(response)["second_deadline"] == ["The second-stage deadline must come after the first deadline."]
    assert not Call.objects.exists()


def test_the_database_refuses_a_deadline_before_the_opening():
    opening = datetime(2031, 3, 5, 8, 0, tzinfo=UTC)

    with pytest.raises(IntegrityError, match="call_deadline_after_opening"), transaction.atomic():
        CallFactory(opens_at=opening, deadline=datetime(2031, 3, 1, 16, 0, tzinfo=UTC))

    CallFactory(opens_at=None, deadline=datetime(2031, 3, 1, 16, 0, tzinfo=UTC))
    CallFactory(opens_at=opening, deadline=None)
    assert Call.objects.count() == 2
