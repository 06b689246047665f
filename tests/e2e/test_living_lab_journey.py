"""The living lab in Chromium: a citizen joins the panel, a member runs a campaign with a screener,
staff approve it, the citizen takes part and answers, the owner reads the results by pseudonym,
and the citizen downloads their data and deletes it."""

import json
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from livinglab.models import Campaign, Panellist, Participation
from members.models import User
from tests.e2e.sessions import signed_in_page

EMAIL = "linda.linnakodanik@example.ee"
PASSWORD = "a-long-enough-passphrase"
CODE = re.compile(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", re.MULTILINE)
ANSWER = "Ekraani kiri võiks olla suurem."


def submit(page, action=None):
    form = page.locator(f'main form[action$="{action}"]') if action else page.locator("main form").first
    form.locator("button[type=submit]").first.click()


def join_the_panel(page, live_server):
    page.goto(live_server.url + "/en/living-lab/")
    page.locator("main").get_by_role("button", name="Join the panel").click()
    page.fill("#id_display_name", "Linda Linnakodanik")
    page.fill("#id_email", EMAIL)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.fill("#id_birth_year", "1961")
    page.select_option("#id_municipality", "tartu")
    page.fill("#id_district", "Karlova")
    page.select_option("#id_occupation", "retired")
    page.check("input[name=languages][value=et]")
    page.check("input[name=devices][value=smartphone]")
    page.check("input[name=digital_skill][value=everyday]")
    page.check("input[name=mobility][value=public_transport]")
    page.check("input[name=test_frequency][value=quarterly]")
    page.check("#id_consent")
    submit(page)
    expect(page).to_have_url(re.compile(r"/en/living-lab/panel/joined/"))
    code = CODE.search(next(m for m in mail.outbox if m.to == [EMAIL] and CODE.search(m.body)).body).group(1)
    page.locator("main a[role=button]").first.click()
    page.fill("#id_code", code)
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator("nav.site-account").get_by_role("link", name="Linda Linnakodanik")).to_be_visible()


def propose_a_campaign(owner, live_server):
    owner.goto(live_server.url + "/en/living-lab/campaigns/new/")
    owner.fill("#id_title_et", "Bussipeatuse ekraan")
    owner.fill("#id_title_en", "Bus-stop screen")
    owner.fill("#id_prototype_et", "Ekraan näitab busside tegelikku saabumisaega.")
    owner.fill("#id_tasks_et", "Oota bussi ja ütle, kas ekraan aitas.")
    owner.fill("#id_starts_on", "2031-05-01")
    owner.fill("#id_ends_on", "2031-05-14")
    owner.fill("#id_testers_wanted", "1")
    submit(owner)
    campaign = Campaign.objects.get()
    base = f"{live_server.url}/en/living-lab/campaigns/{campaign.pk}"
    owner.goto(f"{base}/questions/screener/new/")
    owner.select_option("#id_screener-kind", "single")
    owner.fill("#id_screener-text_et", "Kas sõidad bussiga?")
    owner.fill("#id_screener-options_et", "Jah")
    owner.fill("#id_screener-other_et", "Ei")
    submit(owner)
    for kind, text in [("scale", "Kui lihtne oli ekraani lugeda?"), ("text", "Mida muudaksid?")]:
        owner.goto(f"{base}/questions/feedback/new/")
        owner.select_option("#id_kind", kind)
        owner.fill("#id_text_et", text)
        submit(owner)
    submit(owner, "/submit/")
    expect(owner.locator("main")).to_contain_text("Waiting for approval")
    return campaign, base


@pytest.mark.django_db(transaction=True)
def test_a_citizen_tests_a_prototype_from_sign_up_to_erasure(live_server, new_context, member, staff):
    citizen = new_context(locale="en-GB").new_page()
    join_the_panel(citizen, live_server)

    owner = signed_in_page(new_context, member, live_server)
    campaign, base = propose_a_campaign(owner, live_server)

    reviewer = signed_in_page(new_context, staff, live_server)
    reviewer.goto(live_server.url + "/en/living-lab/campaigns/queue/")
    reviewer.locator("main").get_by_role("button", name=re.compile("^Decide")).first.click()
    reviewer.check("input[name=decision][value=approve]")
    submit(reviewer)

    owner.goto(base + "/")
    submit(owner, "/invite/")
    expect(owner.locator(".messages, [role=status], main").first).to_be_visible()
    participation = Participation.objects.get(campaign=campaign)
    assert participation.panellist.user.email == EMAIL
    assert any(m.to == [EMAIL] and "Bus-stop screen" in m.subject for m in mail.outbox)

    citizen.goto(live_server.url + "/en/living-lab/panel/invitations/")
    citizen.locator("main").get_by_role("link", name="Bus-stop screen").click()
    citizen.get_by_label("Jah").check()
    submit(citizen)
    expect(citizen.locator("main")).to_contain_text("Taking part")

    submit(owner, "/start/")
    citizen.goto(f"{live_server.url}/en/living-lab/invitations/{participation.pk}/feedback/")
    citizen.check("main input[type=radio][value='4']")
    citizen.locator("main textarea").fill(ANSWER)
    submit(citizen)

    owner.goto(base + "/results/")
    chart = owner.locator("img.result__chart").first
    expect(chart).to_be_visible()
    assert chart.evaluate("image => image.complete && image.naturalWidth > 0")
    results = owner.locator("main")
    expect(results).to_contain_text(participation.pseudonym)
    expect(results).to_contain_text(ANSWER)
    assert "Linda" not in owner.content() and EMAIL not in owner.content()

    citizen.goto(live_server.url + "/en/living-lab/panel/")
    with citizen.expect_download() as download:
        citizen.locator("nav.account-nav").get_by_role("link", name=re.compile("Download my data")).click()
    data = json.loads(open(download.value.path(), encoding="utf-8").read())  # noqa: SIM115
    assert data["account"]["email"] == EMAIL
    assert data["panel_profile"]["district"] == "Karlova"

    citizen.goto(live_server.url + "/en/living-lab/panel/delete/")
    citizen.check("#id_confirm")
    submit(citizen)
    expect(citizen).to_have_url(re.compile(r"/en/living-lab/$"))
    assert not User.objects.filter(email=EMAIL).exists()
    assert not Panellist.objects.exists()
    owner.goto(base + "/results/")
    expect(owner.locator("main")).to_contain_text(ANSWER)
