"""Staff see the next digest as the e-mail looks: its HTML part first, the plain text folded.

tests/e2e/test_digest_preview.py checks in Chromium that the frame really renders.
"""

import re

import pytest

from tests.factories import CallFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def preview_url(client, staff, member):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.force_login(staff)
    subscription = SubscriptionFactory(user=member, frequency="daily")
    CallFactory(title_en="Urban data spaces", title_et="Linnaandmeruumid")
    return f"/admin/funding/subscription/{subscription.pk}/preview/"


def test_the_html_part_comes_first_and_the_plain_text_is_folded(client, preview_url):
    page = client.get(preview_url).content.decode()

    frame = page.index('<iframe class="funding-digest-frame"')
    plain_text = re.search(r"<details[^>]*>\s*<summary>Plain-text part</summary>\s*<pre", page)
    assert plain_text and frame < plain_text.start()
    assert f'src="{preview_url}email.html"' in page


def test_the_page_and_the_frame_let_the_html_part_render(client, preview_url):
    page = client.get(preview_url)
    frame = client.get(preview_url + "email.html")

    page_policy = page["Content-Security-Policy"]
    assert "default-src 'self'" in page_policy and "frame-src" not in page_policy
    assert frame.status_code == 200
    assert frame["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in frame["Content-Security-Policy"]
    assert "style-src 'unsafe-inline'" in frame["Content-Security-Policy"]
    html = frame.content.decode()
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "Linnaandmeruumid" in html
