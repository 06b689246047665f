"""Two languages: Estonian first, English second; URLs carry the language."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.utils import formats, translation

from members.models import FocusArea


@pytest.mark.django_db
def test_root_follows_the_browser_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")

    assert response["Location"] == "/en/"


@pytest.mark.django_db
def test_root_falls_back_to_estonian(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fi-FI,de;q=0.8")["Location"] == "/et/"
    assert client.get("/")["Location"] == "/et/"


@pytest.mark.django_db
def test_language_switch_links_to_the_same_page_in_the_other_language(client):
    html = client.get("/et/accounts/login/").content.decode()

    assert 'href="/en/accounts/login/" hreflang="en" lang="en">English</a>' in html


def test_time_zone_is_tallinn():
    assert settings.TIME_ZONE == "Europe/Tallinn"


def test_dates_and_numbers_follow_the_language():
    day = datetime.date(2026, 3, 5)

    with translation.override("et"):
        estonian = (formats.date_format(day), formats.localize(Decimal("12345.5")))
    with translation.override("en"):
        english = (formats.date_format(day), formats.localize(Decimal("12345.5")))

    assert estonian == ("5. märts 2026", "12\xa0345,5")
    assert english == ("5 March 2026", "12,345.5")


@pytest.mark.django_db
def test_bilingual_content_falls_back_to_the_other_language():
    area = FocusArea.objects.create(slug="only-estonian", name_et="Ainult eesti keeles", name_en="")

    with translation.override("en"):
        assert FocusArea.objects.get(pk=area.pk).name == "Ainult eesti keeles"
    with translation.override("et"):
        assert FocusArea.objects.get(slug="mobility").name == "Nutikas ja roheline liikuvus"
    with translation.override("en"):
        assert FocusArea.objects.get(slug="mobility").name == "Smart and green mobility"
