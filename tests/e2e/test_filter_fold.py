"""On a 360 px phone the list filters fold under "Filters" and still filter; on a desktop they are open.

The unfolded form was 1,570 px tall on a phone, so the results started four screens down.
"""

import re

import pytest
from playwright.sync_api import expect

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
LISTS = ["/et/members/", "/et/projects/", "/et/calls/"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", LISTS)
def test_on_a_phone_the_filters_fold_and_still_submit(live_server, new_context, path):
    page = new_context(viewport=PHONE).new_page()
    page.goto(live_server.url + path)
    form = page.locator("form.filter-form")
    summary = form.locator("details > summary")

    assert form.bounding_box()["height"] < 500
    expect(form.locator("input[type=search]")).to_be_visible()
    expect(summary).to_have_accessible_name("Filtrid")
    expect(form.locator("details select, details input[type=checkbox]").first).to_be_hidden()
    page.screenshot(path=f"test-results/filter-fold-phone-{path.strip('/').replace('/', '-')}.png", full_page=True)

    summary.click()
    choice = form.locator("details select").first
    expect(choice).to_be_visible()
    name = choice.get_attribute("name")
    value = choice.locator("option").nth(1).get_attribute("value")
    choice.select_option(value)
    form.locator("button[type=submit]").click()

    expect(page).to_have_url(re.compile(rf"[?&]{name}={re.escape(value)}"))
    page.reload()
    expect(form.locator("details")).to_have_attribute("open", "")
    expect(summary).to_have_accessible_name("Filtrid (1 valitud)")


@pytest.mark.django_db(transaction=True)
def test_on_a_desktop_the_filters_are_shown_without_a_fold(live_server, new_context):
    page = new_context(viewport=DESKTOP).new_page()
    page.goto(live_server.url + "/et/projects/")
    form = page.locator("form.filter-form")

    expect(form.locator("details > summary")).to_be_hidden()
    expect(form.locator("details select").first).to_be_visible()
    page.screenshot(path="test-results/filter-fold-desktop-projects.png", full_page=True)
