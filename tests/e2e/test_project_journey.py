"""Two organisations meet over a project, in Chromium: start, find by filter, ask, accept, both see it."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from projects.models import JoinRequest, Participation, Project
from tests.e2e.sessions import signed_in_page


@pytest.mark.django_db(transaction=True)
def test_member_starts_a_project_another_finds_and_joins_it_and_the_lead_accepts(
    live_server, new_context, org_admin, other_member
):
    lead = signed_in_page(new_context, org_admin, live_server)
    lead.goto(live_server.url + "/et/projects/new/")
    lead.fill("#id_title", "Nutikad ootepaviljonid")
    lead.fill("#id_summary", "Ootepaviljonid, mis näitavad järgmise bussi täituvust.")
    lead.fill("#id_description", "Otsime **teaduspartnerit** masinnägemiseks.")
    lead.locator("input[name=focus_areas]").first.check()
    lead.select_option("#id_stage", "forming")
    lead.locator("input[name=sought_kinds][value=research]").check()
    lead.locator("#id_is_open_for_joining").check()
    lead.locator("main form button[type=submit]").last.click()
    project = Project.objects.get(title="Nutikad ootepaviljonid")
    expect(lead).to_have_url(f"{live_server.url}/et/projects/{project.slug}/")
    expect(lead.locator("main strong")).to_have_text("teaduspartnerit")

    partner = signed_in_page(new_context, other_member, live_server)
    partner.goto(live_server.url + "/et/projects/?seeks_kind=research&open=on")
    partner.locator("main").get_by_role("link", name="Nutikad ootepaviljonid").click()
    partner.locator(f"main a[href='/et/projects/{project.slug}/join/']").first.click()
    expect(partner).to_have_url(f"{live_server.url}/et/projects/{project.slug}/join/")
    partner.fill("#id_message", "Meil on masinnägemise labor.")
    partner.locator("main form button[type=submit]").last.click()
    join_request = JoinRequest.objects.get(project=project)
    assert join_request.status == JoinRequest.Status.PENDING
    assert any(message.to == [org_admin.email] for message in mail.outbox)

    lead.goto(live_server.url + "/et/projects/mine/")
    lead.locator(f"main a[href='/et/projects/requests/{join_request.pk}/accept/']").click()
    expect(lead.locator("h1")).to_contain_text("Kas võtad vastu organisatsiooni Õhuseire AS soovi")
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.PENDING
    lead.locator("main form button[type=submit]").last.click()
    expect(lead).to_have_url(f"{live_server.url}/et/projects/mine/")
    expect(lead.locator(".messages")).to_contain_text("Võta tagasi: eemalda partner")
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.ACCEPTED
    assert Participation.objects.filter(project=project, organisation__slug="air-sense").count() == 1
    assert any(message.to == [other_member.email] for message in mail.outbox)

    partner.goto(f"{live_server.url}/et/projects/{project.slug}/")
    expect(partner.locator("main")).to_contain_text("Õhuseire AS")
    partner.goto(live_server.url + "/et/notifications/")
    expect(partner.locator("main")).to_contain_text("Nutikad ootepaviljonid")
    lead.goto(f"{live_server.url}/et/projects/{project.slug}/")
    expect(lead.locator("main")).to_contain_text("Õhuseire AS")

    partner_row = Participation.objects.get(project=project, organisation__slug="air-sense")
    lead.locator(f"main a[href='/et/projects/{project.slug}/partners/{partner_row.pk}/role/']").click()
    lead.select_option("#id_role", "research")
    lead.locator("main form button[type=submit]").last.click()
    expect(lead).to_have_url(f"{live_server.url}/et/projects/{project.slug}/")
    assert Participation.objects.get(project=project, organisation__slug="air-sense").role == "research"
