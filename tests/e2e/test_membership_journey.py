"""A new organisation joins, in Chromium: apply, verify, staff approve, edit, appear in the directory."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from members.models import MembershipApplication, MembershipStatus, Organisation
from tests.e2e.sessions import signed_in_page

EMAIL = "kati@valgustark.example"
PASSWORD = "a-long-enough-passphrase"
CODE = re.compile(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", re.MULTILINE)


@pytest.mark.django_db(transaction=True)
def test_visitor_applies_staff_approve_and_the_profile_appears_in_both_languages(live_server, new_context, staff):
    page = new_context(locale="et-EE").new_page()
    page.goto(live_server.url + "/et/")
    page.locator("nav.site-nav").get_by_role("link", name=re.compile("Liitu")).click()
    expect(page).to_have_url(live_server.url + "/et/join/")

    page.fill("#id_name_et", "Valgustark OÜ")
    page.select_option("#id_kind", "company")
    page.fill("#id_registry_code", "12345678")
    page.fill("#id_city", "Tartu")
    page.fill("#id_short_description_et", "Nutikad tänavavalgustid, mis süttivad vajaduse järgi.")
    page.locator("input[name=focus_areas]").first.check()
    page.fill("#id_contact_job_title", "Juhataja")
    page.fill("#id_motivation", "Soovime pilootida valgusteid koos linnadega.")
    page.fill("#id_display_name", "Kati Kask")
    page.fill("#id_email", EMAIL)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.locator("main form button[type=submit]").last.click()
    expect(page).to_have_url(re.compile(r"/et/join/sent/"))

    code = CODE.search(next(m for m in mail.outbox if m.to == [EMAIL] and CODE.search(m.body)).body).group(1)
    page.locator("main a[role=button]").first.click()
    page.fill("#id_code", code)
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator("nav.site-account").get_by_role("link", name="Kati Kask")).to_be_visible()
    application = MembershipApplication.objects.get(organisation__registry_code="12345678")
    assert application.status == MembershipApplication.Status.SUBMITTED

    admin = signed_in_page(new_context, staff, live_server)
    admin.goto(f"{live_server.url}/admin/members/membershipapplication/{application.pk}/change/")
    admin.locator("input[name=_approve]").click()
    expect(admin.locator(".messagelist")).to_be_visible()
    organisation = Organisation.objects.get(registry_code="12345678")
    assert organisation.membership_status == MembershipStatus.ACTIVE
    assert any(m.to == [EMAIL] and "Valgustark" in m.body for m in mail.outbox[1:])

    page.goto(f"{live_server.url}/et/members/{organisation.slug}/edit/")
    page.fill("#id_name_en", "Lightwise Ltd")
    page.fill("#id_short_description_en", "Smart street lights that switch on when needed.")
    page.locator("main form button[type=submit]").last.click()
    expect(page).to_have_url(f"{live_server.url}/et/members/{organisation.slug}/")

    page.goto(live_server.url + "/et/members/?q=valgustark")
    expect(page.locator("main").get_by_role("link", name="Valgustark OÜ")).to_be_visible()
    page.goto(live_server.url + "/en/members/?q=lightwise")
    expect(page.locator("main").get_by_role("link", name="Lightwise Ltd")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Smart street lights")
