"""Staff preview the next digest as the e-mail looks: the HTML part rendered in its frame."""

import pytest
from playwright.sync_api import expect

from tests.e2e.sessions import signed_in_page
from tests.factories import CallFactory, SubscriptionFactory


@pytest.mark.django_db(transaction=True)
def test_the_digest_preview_renders_the_html_part(live_server, new_context, staff, member):
    subscription = SubscriptionFactory(user=member, frequency="daily")
    CallFactory(title_en="Urban data spaces", title_et="Linnaandmeruumid")
    page = signed_in_page(new_context, staff, live_server)
    blocked = []
    page.on(
        "console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None
    )

    page.goto(f"{live_server.url}/admin/funding/subscription/{subscription.pk}/preview/")
    frame = page.frame_locator("iframe.funding-digest-frame")

    expect(frame.get_by_role("link", name="Linnaandmeruumid").first).to_be_visible()
    page.screenshot(path="test-results/digest-preview.png", full_page=True)
    box = page.locator("iframe.funding-digest-frame").bounding_box()
    assert box["height"] > 400
    assert not blocked
