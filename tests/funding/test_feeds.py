"""RSS and Atom feeds of news and calls, parsed as a feed reader parses them."""

import re
from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from django.contrib.sites.models import Site
from django.utils import timezone

from funding.models import Call, News
from funding.views.feeds import CALLS_IN_FEED, NEWS_IN_FEED
from members.models import FocusArea
from tests.factories import CallFactory, NewsFactory, ProgrammeFactory, UserFactory

pytestmark = pytest.mark.django_db

FEEDS = ["/et/news/feed/rss/", "/et/news/feed/atom/", "/et/calls/feed/rss/", "/et/calls/feed/atom/"]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


def titles(parsed):
    return [entry.title for entry in parsed.entries]


def ago(**kwargs):
    return timezone.now() - timedelta(**kwargs)


def news(slug, *, title_et, title_en="", **kwargs):
    item = NewsFactory(slug=slug, **kwargs)
    News.objects.filter(pk=item.pk).update(title_et=title_et, title_en=title_en)
    return item


def call(slug, *, title_et, title_en="", **kwargs):
    item = CallFactory(slug=slug, **kwargs)
    Call.objects.filter(pk=item.pk).update(title_et=title_et, title_en=title_en)
    return item


@pytest.fixture
def site_domain():
    return Site.objects.get_current().domain


# --- News -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/et/news/feed/rss/", "/et/news/feed/atom/"])
def test_news_feed_holds_published_news_newest_first(client, url):
    news("older", title_et="Vanem uudis", published_at=ago(days=2))
    news("newer", title_et="Uuem uudis", published_at=ago(hours=1))
    news("draft", title_et="Mustand", published_at=None)
    news("scheduled", title_et="Tulevane uudis", published_at=timezone.now() + timedelta(days=1))

    assert titles(parse(client, url)) == ["Uuem uudis", "Vanem uudis"]


@pytest.mark.parametrize("url", ["/et/news/feed/rss/", "/et/news/feed/atom/"])
def test_news_items_have_absolute_links_dates_focus_areas_and_author(client, url, site_domain):
    author = UserFactory(display_name="Kadri Kuraator")
    published = datetime(2026, 11, 1, 9, 30, tzinfo=UTC)
    news(
        "sensors",
        title_et="Andurid paigas",
        published_at=published,
        author=author,
        summary="Tartu sai andurid.",
        focus_areas=[FocusArea.objects.get(slug="mobility")],
    )

    entry = parse(client, url).entries[0]

    assert entry.link == f"http://{site_domain}/et/news/sensors/"
    assert entry.published_parsed[:5] == (2026, 11, 1, 9, 30)
    assert "Tartu sai andurid." in entry.summary
    assert [tag.term for tag in entry.tags] == [FocusArea.objects.get(slug="mobility").name_et]
    assert entry.author == "Kadri Kuraator"


def test_news_feed_keeps_the_newest_thirty(client):
    for number in range(NEWS_IN_FEED + 2):
        news(f"item-{number}", title_et=f"Uudis {number}", published_at=ago(hours=number + 1))

    parsed = parse(client, "/et/news/feed/rss/")

    assert len(parsed.entries) == NEWS_IN_FEED
    assert parsed.entries[0].title == "Uudis 0"


def test_news_feed_speaks_the_language_of_its_address_with_fallback(client):
    news("both", title_et="Eestikeelne", title_en="In English", published_at=ago(hours=1))
    news("estonian-only", title_et="Ainult eesti keeles", published_at=ago(hours=2))

    english = parse(client, "/en/news/feed/rss/")
    estonian = parse(client, "/et/news/feed/rss/")

    assert titles(english) == ["In English", "Ainult eesti keeles"]
    assert titles(estonian) == ["Eestikeelne", "Ainult eesti keeles"]
    assert english.feed.language == "en"
    assert estonian.feed.language == "et"
    assert english.entries[0].link.endswith("/en/news/both/")


# --- Calls ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/et/calls/feed/rss/", "/et/calls/feed/atom/"])
def test_calls_feed_holds_published_calls_not_closed_newest_published_first(client, url):
    call("older", title_et="Vanem voor")
    call("newer", title_et="Uuem voor")
    Call.objects.filter(slug="older").update(published_at=ago(days=3))
    Call.objects.filter(slug="newer").update(published_at=ago(days=1))
    call("rolling", title_et="Jooksev investor", rolling=True)
    Call.objects.filter(slug="rolling").update(published_at=ago(days=2))
    call("draft", title_et="Mustand", draft=True)
    call("closed", title_et="Suletud voor", deadline=ago(days=1))
    call("second-stage-open", title_et="Teine etapp", deadline=ago(days=1), second_deadline=ago(days=-20))
    Call.objects.filter(slug="second-stage-open").update(published_at=ago(days=10))

    assert titles(parse(client, url)) == ["Uuem voor", "Jooksev investor", "Vanem voor", "Teine etapp"]


def test_calls_feed_keeps_the_newest_fifty(client):
    for number in range(CALLS_IN_FEED + 1):
        call(f"call-{number}", title_et=f"Voor {number}")
        Call.objects.filter(slug=f"call-{number}").update(published_at=ago(hours=number + 1))

    parsed = parse(client, "/et/calls/feed/rss/")

    assert len(parsed.entries) == CALLS_IN_FEED
    assert parsed.entries[0].title == "Voor 0"


def test_call_description_names_programme_and_each_deadline_with_its_time_zone(client, site_domain):
    programme = ProgrammeFactory(name_et="Euroopa Horisont", name_en="Horizon Europe")
    call(
        "two-stage",
        title_et="Kaheetapiline",
        title_en="Two-stage call",
        programme=programme,
        deadline=datetime(2031, 3, 4, 16, 0, tzinfo=UTC),
        second_deadline=datetime(2031, 9, 9, 15, 0, tzinfo=UTC),
        deadline_timezone="Europe/Brussels",
        focus_areas=[FocusArea.objects.get(slug="mobility")],
    )

    entry = parse(client, "/en/calls/feed/rss/").entries[0]

    assert entry.title == "Two-stage call"
    assert entry.link == f"http://{site_domain}/en/calls/two-stage/"
    assert "Programme: Horizon Europe" in entry.summary
    assert "Stage 1 deadline: 4 March 2031, 17:00 (Europe/Brussels)" in entry.summary
    assert "Stage 2 deadline: 9 September 2031, 17:00 (Europe/Brussels)" in entry.summary
    assert [tag.term for tag in entry.tags] == ["Horizon Europe", FocusArea.objects.get(slug="mobility").name_en]


def test_rolling_call_says_it_has_no_deadline(client):
    call("investor", title_et="Ingelinvestor", rolling=True)

    entry = parse(client, "/en/calls/feed/rss/").entries[0]

    assert "Rolling intake: no deadline." in entry.summary


def test_calls_feed_is_in_estonian_under_et(client):
    call("both", title_et="Nutikas liikuvus", title_en="Smart mobility")

    assert titles(parse(client, "/et/calls/feed/atom/")) == ["Nutikas liikuvus"]
    assert titles(parse(client, "/en/calls/feed/atom/")) == ["Smart mobility"]


# --- HTTP -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", FEEDS)
def test_feeds_refuse_post(client, url):
    assert client.post(url).status_code == 405


def test_feed_content_types(client):
    assert client.get("/et/news/feed/rss/")["Content-Type"].startswith("application/rss+xml")
    assert client.get("/et/calls/feed/atom/")["Content-Type"].startswith("application/atom+xml")


def test_every_page_points_feed_readers_at_the_feeds(client):
    html = client.get("/en/").content.decode()

    for kind, url in [
        ("rss", "/en/news/feed/rss/"),
        ("atom", "/en/news/feed/atom/"),
        ("rss", "/en/calls/feed/rss/"),
        ("atom", "/en/calls/feed/atom/"),
    ]:
        assert re.search(rf'<link rel="alternate" type="application/{kind}\+xml" title="[^"]+" href="{url}">', html)


# --- Queries ----------------------------------------------------------------------------------------


def many_news(count):
    areas = list(FocusArea.objects.all()[:2])
    author = UserFactory()
    for number in range(count):
        NewsFactory(author=author, focus_areas=areas, published_at=ago(hours=number + 1))


def many_calls(count):
    areas = list(FocusArea.objects.all()[:2])
    for _number in range(count):
        CallFactory(focus_areas=areas, second_deadline=timezone.now() + timedelta(days=60))


# Site (cached after the first fetch), items, their focus areas.
@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize("url", ["/et/news/feed/rss/", "/et/news/feed/atom/"])
def test_news_feed_queries_do_not_grow_with_items(client, django_assert_num_queries, url, count):
    many_news(count)
    Site.objects.clear_cache()
    with django_assert_num_queries(3):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize("url", ["/et/calls/feed/rss/", "/et/calls/feed/atom/"])
def test_calls_feed_queries_do_not_grow_with_items(client, django_assert_num_queries, url, count):
    many_calls(count)
    Site.objects.clear_cache()
    with django_assert_num_queries(3):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", ["/et/news/feed/rss/", "/et/news/feed/atom/"])
def test_titles_with_markup_characters_arrive_as_written(client, url):
    news("ampersand", title_et="T&A <koostöö> “Tartus”", published_at=ago(hours=1))

    assert titles(parse(client, url)) == ["T&A <koostöö> “Tartus”"]
