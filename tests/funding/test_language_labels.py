"""A call or news item shown in a language other than the page's says so: "in Estonian" next to it."""

import pytest

from tests.factories import CallFactory, NewsFactory

pytestmark = pytest.mark.django_db

IN_ESTONIAN = '<span class="text-language" lang="en">in Estonian</span>'


def page(client, path):
    return client.get(path).content.decode()


@pytest.fixture
def estonian_call(db):
    return CallFactory(
        slug="nutikad-bussid",
        title_et="Nutikad bussid",
        title_en="",
        summary_et="Andmepõhise ühistranspordi katsed.",
        summary_en="",
        description_et="Vähemalt kolm partnerit.",
        description_en="",
    )


@pytest.fixture
def estonian_news(db):
    return NewsFactory(
        slug="klaster-kogunes", title_et="Klaster kogunes", title_en="", summary_et="Kokkuvõte.", summary_en=""
    )


def test_english_call_list_labels_an_estonian_only_call(client, estonian_call):
    html = page(client, "/en/calls/")

    assert f'<p class="project-badges">\n    {IN_ESTONIAN}' in html
    assert html.count(IN_ESTONIAN) == 1


def test_english_call_page_labels_an_estonian_only_call_once(client, estonian_call):
    html = page(client, "/en/calls/nutikad-bussid/")

    assert '<h1 lang="et">Nutikad bussid</h1>' in html
    assert html.count(IN_ESTONIAN) == 1


def test_english_call_page_labels_a_description_left_in_estonian(client):
    CallFactory(slug="smart-buses", title_en="Smart buses", summary_en="Bus pilots.", description_en="")

    html = page(client, "/en/calls/smart-buses/")

    assert f'{IN_ESTONIAN}<div class="project-markdown" lang="et">' in html
    assert html.count(IN_ESTONIAN) == 1


def test_english_news_list_and_page_label_an_estonian_only_item(client, estonian_news):
    assert page(client, "/en/news/").count(IN_ESTONIAN) == 1
    assert page(client, "/en/news/klaster-kogunes/").count(IN_ESTONIAN) == 1


def test_nothing_is_labelled_when_the_text_is_in_the_pages_language(client, estonian_call, estonian_news):
    CallFactory(slug="smart-buses", title_en="Smart buses", summary_en="Bus pilots.", description_en="Three.")

    for path in ["/et/calls/", "/et/calls/nutikad-bussid/", "/et/news/", "/et/news/klaster-kogunes/"]:
        assert "text-language" not in page(client, path), path
    assert "text-language" not in page(client, "/en/calls/smart-buses/")


def test_followed_calls_are_labelled_on_my_calls(client, member, estonian_call):
    estonian_call.follows.create(user=member)
    client.force_login(member)

    assert page(client, "/en/calls/mine/").count(IN_ESTONIAN) == 1
