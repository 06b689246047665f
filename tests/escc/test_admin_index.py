"""Staff see the Estonian admin index in Estonian, and not the third-party plumbing they never touch."""

import re

import pytest

pytestmark = pytest.mark.django_db

TECHNICAL = [
    "/admin/sites/site/",
    "/admin/mfa/authenticator/",
    "/admin/django_celery_beat/clockedschedule/",
    "/admin/django_celery_beat/intervalschedule/",
    "/admin/django_celery_beat/solarschedule/",
]


def index_labels(client, language):
    """{link: label} of every app and model on the admin index, and the index's hidden column headings."""
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    content = html.split('id="content-main"', 1)[1].split('id="content-related"', 1)[0]
    # App captions are class="section" links, model names plain links; the add and change links have their own class.
    links = dict(re.findall(r'<a href="(/admin/[^"]+/)"(?: class="section" [^>]*)?>([^<]+)</a>', content))
    headings = re.findall(r'<th scope="col">([^<]+)</th>', content)
    return links, headings


def test_every_app_and_model_label_on_the_estonian_index_is_estonian(client, staff):
    client.force_login(staff)

    estonian, estonian_headings = index_labels(client, "et")
    english, english_headings = index_labels(client, "en")

    assert estonian.keys() == english.keys()
    assert "/admin/funding/call/" in estonian
    untranslated = {url: label for url, label in estonian.items() if label == english[url]}
    assert untranslated == {}
    assert [et for et, en in zip(estonian_headings, english_headings, strict=True) if et == en] == []


def test_the_digest_schedules_stay_in_the_admin_under_an_estonian_name(client, staff):
    client.force_login(staff)

    estonian, _headings = index_labels(client, "et")

    assert estonian["/admin/django_celery_beat/"] == "Ajakavad"
    assert estonian["/admin/django_celery_beat/periodictask/"] == "Ajastatud tööd"


@pytest.mark.parametrize("url", TECHNICAL)
def test_technical_models_are_not_in_the_admin(client, staff, url):
    client.force_login(staff)

    index = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="et").content.decode()

    assert url not in index
    assert client.get(url).status_code == 404
