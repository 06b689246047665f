"""The news list and a news item's page: published only, featured first, focus areas, previews, queries."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from members.models import FocusArea
from tests.factories import NewsFactory

pytestmark = pytest.mark.django_db

URL = "/en/news/"


def listed(response):
    return re.findall(r'<h3 lang="\w\w"><a href="/\w\w/news/([\w-]+)/">', response.content.decode())


def hours_ago(count):
    return timezone.now() - timedelta(hours=count)


def test_list_shows_published_news_newest_first(client):
    NewsFactory(slug="older", published_at=hours_ago(5))
    NewsFactory(slug="newer", published_at=hours_ago(1))
    NewsFactory(slug="draft", published_at=None)
    NewsFactory(slug="scheduled", published_at=timezone.now() + timedelta(days=1))

    assert listed(client.get(URL)) == ["newer", "older"]


def test_featured_news_stand_first_on_page_one_only(client):
    NewsFactory(slug="featured", is_featured=True, published_at=hours_ago(30))
    for number in range(22):
        NewsFactory(slug=f"item-{number}", published_at=hours_ago(number + 1))

    first, second = listed(client.get(URL)), listed(client.get(URL + "?page=2"))

    assert first[0] == "featured"
    assert len(first) == 21
    assert "featured" not in second
    assert len(second) == 2


def test_focus_area_filter(client):
    mobility = FocusArea.objects.get(slug="mobility")
    NewsFactory(slug="buses", focus_areas=[mobility])
    NewsFactory(slug="tourism", focus_areas=[FocusArea.objects.get(slug="tourism")])

    assert listed(client.get(URL + "?focus_area=mobility")) == ["buses"]
    assert client.get(URL + "?focus_area=nonsense&page=x").status_code == 200


def test_list_links_to_the_news_feeds(client):
    html = client.get(URL).content.decode()

    assert 'href="/en/news/feed/rss/"' in html
    assert 'href="/en/news/feed/atom/"' in html


@pytest.mark.parametrize("count", [4, 30])
def test_list_queries_do_not_grow_with_news(assert_page_queries, count):
    areas = list(FocusArea.objects.all()[:2])
    for number in range(count):
        NewsFactory(published_at=hours_ago(number + 1), is_featured=number < 2, focus_areas=areas)

    # Featured items and their focus areas; the count, the page and its focus areas; the form's focus areas.
    assert_page_queries(URL, 6)


def test_news_page_renders_the_body_safely_with_author_and_time(client, staff):
    news = NewsFactory(title="Cluster met", body="We met in **Tartu**.<img src=x onerror=alert(1)>", author=staff)

    html = client.get(f"/en/news/{news.slug}/").content.decode()

    assert ">Cluster met</h1>" in html
    assert "<strong>Tartu</strong>" in html
    assert "<img src=x" not in html
    assert "Kadri Staff" in html
    assert "<time datetime=" in html


def test_english_page_marks_an_estonian_only_body(client):
    news = NewsFactory(body_et="Kohtusime Tartus.", body_en="")

    assert '<div class="project-markdown" lang="et">' in client.get(f"/en/news/{news.slug}/").content.decode()


@pytest.mark.parametrize("published_at", [None, timezone.now() + timedelta(days=2)])
def test_drafts_and_scheduled_news_are_404_for_everyone_but_staff(client, member, staff, published_at):
    news = NewsFactory(published_at=published_at)
    page = f"/en/news/{news.slug}/"

    assert client.get(page).status_code == 404
    client.force_login(member)
    assert client.get(page).status_code == 404
    client.force_login(staff)
    response = client.get(page)
    assert response.status_code == 200
    assert "Only staff who edit news see this preview." in response.content.decode()


def test_staff_get_an_edit_link_and_members_do_not(client, member, staff):
    news = NewsFactory()

    client.force_login(member)
    assert "Edit in admin" not in client.get(f"/en/news/{news.slug}/").content.decode()
    client.force_login(staff)
    assert f'href="/admin/funding/news/{news.pk}/change/"' in client.get(f"/en/news/{news.slug}/").content.decode()


def test_news_page_queries_are_fixed(assert_page_queries):
    news = NewsFactory(focus_areas=list(FocusArea.objects.all()[:3]))

    # The item with its author, and its focus areas.
    assert_page_queries(f"/en/news/{news.slug}/", 2)
