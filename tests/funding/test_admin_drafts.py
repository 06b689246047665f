"""Saving a call or a news item in the admin says whether others can see it yet.

Django's own "was changed successfully" reads as if the thing were live; for a draft or a
scheduled news item the message says it is not visible to others yet.
"""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from tests.factories import CallFactory, NewsFactory, ProgrammeFactory

CALLS = "/admin/funding/call/"
NEWS = "/admin/funding/news/"
DRAFT_NOTICE = "saved as a draft; not visible to others until published"

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, staff):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.force_login(staff)
    return client


def call_data(programme, **changes):
    data = {
        "slug": "uus-voor",
        "identifier": "EIS-2027-01",
        "programme": programme.pk,
        "link": "https://eis.ee/",
        "title_et": "Uus voor",
        "title_en": "",
        "summary_et": "Kokkuvõte",
        "summary_en": "",
        "description_et": "",
        "description_en": "",
        "opens_at_0": "",
        "opens_at_1": "",
        "deadline_0": "",
        "deadline_1": "",
        "second_deadline_0": "",
        "second_deadline_1": "",
        "deadline_timezone": "Europe/Tallinn",
        "budget_eur": "",
        "funding_rate": "",
        "ticket_min_eur": "",
        "ticket_max_eur": "",
        "eligible_kinds-TOTAL_FORMS": "0",
        "eligible_kinds-INITIAL_FORMS": "0",
    }
    return {**data, **changes}


def news_data(news, published_at):
    return {
        "slug": news.slug,
        "published_at_0": published_at.strftime("%Y-%m-%d") if published_at else "",
        "published_at_1": published_at.strftime("%H:%M:%S") if published_at else "",
        "title_et": "Uudis",
        "title_en": "",
        "summary_et": "Kokkuvõte",
        "summary_en": "",
        "body_et": "Tekst",
        "body_en": "",
    }


def flashed(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_adding_a_call_says_it_is_a_draft(staff_client):
    response = staff_client.post(CALLS + "add/", call_data(ProgrammeFactory()))

    assert response.status_code == 302
    assert flashed(response) == [f"“Uus voor” was {DRAFT_NOTICE}."]


def test_saving_a_draft_call_says_it_is_still_a_draft(staff_client):
    call = CallFactory(draft=True, slug="uus-voor")

    response = staff_client.post(f"{CALLS}{call.pk}/change/", call_data(call.programme, _continue="1"))

    assert response.status_code == 302
    assert flashed(response) == [f"“Uus voor” was {DRAFT_NOTICE}."]


def test_saving_a_published_call_says_only_that_it_was_saved(staff_client):
    call = CallFactory(slug="uus-voor")

    response = staff_client.post(f"{CALLS}{call.pk}/change/", call_data(call.programme))

    assert response.status_code == 302
    [message] = flashed(response)
    assert "changed successfully" in message
    assert "draft" not in message


def test_saving_news_without_a_publication_time_says_it_is_a_draft(staff_client):
    news = NewsFactory(published_at=None)

    response = staff_client.post(f"{NEWS}{news.pk}/change/", news_data(news, None))

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert flashed(response) == [f"“Uudis” was {DRAFT_NOTICE}."]


def test_saving_scheduled_news_says_when_others_see_it(staff_client):
    news = NewsFactory(published_at=None)
    later = timezone.localtime() + timedelta(days=3)

    response = staff_client.post(f"{NEWS}{news.pk}/change/", news_data(news, later))

    assert response.status_code == 302, response.context["adminform"].form.errors
    [message] = flashed(response)
    assert message.startswith("“Uudis” was saved; not visible to others until ")
    assert str(later.year) in message


def test_saving_published_news_says_only_that_it_was_saved(staff_client):
    news = NewsFactory()

    response = staff_client.post(f"{NEWS}{news.pk}/change/", news_data(news, timezone.localtime() - timedelta(hours=1)))

    assert response.status_code == 302, response.context["adminform"].form.errors
    [message] = flashed(response)
    assert "changed successfully" in message
    assert "visible" not in message
