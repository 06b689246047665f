"""A member follows a call, asks for a daily digest, the digest run mails it, and its unsubscribe link works."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from funding import tasks
from funding.models import CallFollow, Subscription
from tests.e2e.sessions import signed_in_page
from tests.factories import CallFactory


@pytest.mark.django_db(transaction=True)
def test_member_follows_a_call_gets_it_in_a_daily_digest_and_unsubscribes(
    live_server, new_context, member, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = live_server.url
    call = CallFactory(
        title_et="Nutika liikuvuse piloodid", title_en="Smart mobility pilots", slug="liikuvuse-piloodid"
    )
    page = signed_in_page(new_context, member, live_server)

    page.goto(f"{live_server.url}/et/calls/{call.slug}/")
    page.locator(f"main form[action='/et/calls/{call.slug}/follow/'] button").click()
    expect(page.locator(f"main form[action='/et/calls/{call.slug}/unfollow/']")).to_be_visible()
    assert CallFollow.objects.filter(user=member, call=call).exists()

    page.goto(f"{live_server.url}/et/digest/")
    page.locator("input[name=frequency][value=daily]").check()
    with page.expect_navigation():
        page.locator("main form.funding-preferences button[type=submit]").click()
    assert Subscription.objects.get(user=member).frequency == "daily"

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        tasks.run_digests("daily")
    digests = [message for message in mail.outbox if message.to == [member.email]]
    assert len(digests) == 1
    digest = digests[0]
    assert "Nutika liikuvuse piloodid" in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = re.search(r"<(http[^>]+)>", digest.extra_headers["List-Unsubscribe"]).group(1)
    assert unsubscribe_url in digest.body

    visitor = new_context(locale="et-EE").new_page()
    visitor.goto(unsubscribe_url)
    with visitor.expect_navigation():
        visitor.locator("main form button[type=submit]").click()
    assert Subscription.objects.get(user=member).frequency == "off"
