"""axe-core on every page, as a visitor and as a member, in both languages, on a phone and a desktop.

The pages come from a crawl through the test client (tests/e2e/site_pages.py); each is then
opened in Chromium, checked by axe, and watched for Content-Security-Policy reports.
"""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from livinglab.models import Answer, FeedbackResponse
from tests.e2e.sessions import share_session
from tests.e2e.site_pages import reachable_pages
from tests.factories import TEST_PASSWORD, CallFactory, NewsFactory, ProjectFactory
from tests.livinglab.factories import CampaignFactory, ParticipationFactory, QuestionFactory, QuotaFactory
from tests.site.crawler import email_only_pages
from tests.support.factories import RequestMessageFactory, ServiceRequestFactory

VIEWPORTS = {
    "phone": {"width": 360, "height": 740},
    "desktop": {"width": 1280, "height": 800},
}
BLOCKING_IMPACTS = {"serious", "critical"}
# Pages the crawl must find, so that a broken crawl cannot pass by checking nothing.
EXPECTED_PAGES = {
    "visitor": {
        "/et/",
        "/en/",
        "/et/accounts/login/",
        "/en/accounts/signup/",
        "/et/accounts/password/reset/",
        "/et/members/",
        "/et/members/tartu-mobility/",
        "/en/join/",
        "/et/projects/",
        "/en/projects/smart-bus-stops/",
        "/et/calls/",
        "/en/calls/mobility-pilots/",
        "/et/calls/two-stage-pilots/",
        "/et/news/",
        "/en/news/cluster-meets/",
        "/et/living-lab/",
        "/en/living-lab/panel/join/",
    },
    "org_admin": {
        "/et/members/",
        "/en/members/tartu-mobility/",
        "/et/members/tartu-mobility/edit/",
        "/et/members/tartu-mobility/people/",
        "/et/join/",
        "/et/projects/new/",
        "/et/projects/mine/",
        "/et/notifications/",
        "/et/projects/smart-bus-stops/edit/",
        "/et/projects/smart-bus-stops/suggestions/",
        "/et/living-lab/",
        "/et/living-lab/campaigns/",
        "/en/living-lab/campaigns/new/",
        "/et/services/",
        "/en/services/new/",
    },
    "panellist": {
        "/et/living-lab/",
        "/et/living-lab/panel/",
        "/en/living-lab/panel/invitations/",
        "/et/living-lab/panel/withdraw/",
        "/et/living-lab/panel/delete/",
        "/et/living-lab/terms/",
    },
    "member": {
        "/et/",
        "/et/members/tartu-mobility/",
        "/en/me/",
        "/et/accounts/email/",
        "/et/accounts/reauthenticate/",
        "/et/accounts/2fa/totp/activate/",
        "/et/calls/mine/",
        "/en/digest/",
    },
}


def member_pages(client, member):
    """Every page a member reaches, including those behind allauth's password confirmation.

    allauth asks for the password again before any two-factor change, even right after
    signing in, so the crawl runs once before confirming it (finding the confirmation page)
    and once after (finding the two-factor set-up page).
    """
    client.force_login(member)
    pages = reachable_pages(client)
    response = client.post("/et/accounts/reauthenticate/", {"password": TEST_PASSWORD})
    assert response.status_code == 302, response.content.decode()
    return pages | reachable_pages(client)


def funding_pages():
    """Calls of every shape, and news, so the funding pages show what they can."""
    now = timezone.now()
    CallFactory(
        slug="two-stage-pilots",
        deadline=now + timedelta(days=5),
        second_deadline=now + timedelta(days=90),
        budget_eur=2_000_000,
        funding_rate=70,
        eligible_kinds=["company", "research"],
    )
    CallFactory(slug="angel-intake", rolling=True, ticket_min_eur=50_000, ticket_max_eur=500_000)
    CallFactory(slug="closed-call", deadline=now - timedelta(days=3))
    NewsFactory(slug="cluster-meets", is_featured=True)
    NewsFactory(slug="sensor-pilot")


def living_lab_pages(organisation, panellist):
    """Campaigns in the states whose pages differ, the panellist invited to one and taking part in another."""
    draft = CampaignFactory(organisation=organisation, draft=True, criteria={"age_band": ["60-74"]})
    QuestionFactory(campaign=draft, purpose="screener", kind="single", answers=[("Jah", True), ("Ei", False)])
    QuotaFactory(campaign=draft, attribute="district", value="", maximum_percent=50)
    recruiting = CampaignFactory(organisation=organisation, status="recruiting")
    QuestionFactory(campaign=recruiting, purpose="screener", kind="multiple", answers=[("Buss", True), ("Auto", False)])
    ParticipationFactory(campaign=recruiting, panellist=panellist)
    running = CampaignFactory(organisation=organisation, status="running")
    QuestionFactory(campaign=running)
    QuestionFactory(campaign=running, kind="single", answers=[("Jah", True), ("Ei", True)])
    QuestionFactory(campaign=running, kind="text")
    ParticipationFactory(campaign=running, panellist=panellist, status="accepted")
    finished = CampaignFactory(organisation=organisation, status="finished")
    scale = QuestionFactory(campaign=finished)
    for number in range(6):
        participation = ParticipationFactory(campaign=finished, status="accepted")
        response = FeedbackResponse.objects.create(
            campaign=finished, participation=participation, pseudonym=participation.pseudonym
        )
        Answer.objects.create(response=response, question=scale, scale=1 + number % 5)


def support_pages(organisation, asker):
    """A service request with a thread both sides wrote in, so its page shows what it can."""
    request = ServiceRequestFactory(
        organisation=organisation, requested_by=asker, service="internationalisation", target_market="Soome"
    )
    RequestMessageFactory(request=request, from_staff=True, body="Saadame kontaktid.")
    RequestMessageFactory(request=request, author=asker, body="Aitäh!")


def blocking_violations(results, url):
    return [
        f"{violation['id']} ({violation['impact']}) at {url}: {violation['help']}\n    {node['html']}"
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
        for node in violation["nodes"]
    ]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("persona", ["visitor", "member", "org_admin", "panellist"])
def test_no_page_has_serious_accessibility_violations_or_csp_reports(
    persona, viewport, request, client, live_server, new_context
):
    request.getfixturevalue("other_organisation")
    funding_pages()
    bus_stops = ProjectFactory(slug="smart-bus-stops", lead=request.getfixturevalue("organisation"))
    bus_stops.target_call = CallFactory(slug="mobility-pilots", title_en="Mobility pilots")
    bus_stops.save()
    living_lab_pages(request.getfixturevalue("organisation"), request.getfixturevalue("panellist").panellist)
    support_pages(request.getfixturevalue("organisation"), request.getfixturevalue("org_admin"))
    context = new_context(viewport=VIEWPORTS[viewport], locale="et-EE")
    signed_in_name = None
    if persona in ("member", "org_admin", "panellist"):
        member = request.getfixturevalue(persona)
        paths = member_pages(client, member)
        share_session(client, context, live_server)
        signed_in_name = member.get_short_name()
    else:
        unsubscribe_pages = email_only_pages(request.getfixturevalue("member"))
        paths = reachable_pages(client, extra_start=unsubscribe_pages)
        assert set(unsubscribe_pages) <= paths
    page = context.new_page()
    csp_reports = []
    page.on("console", lambda message: csp_reports.append(f"{page.url}: {message.text}"))
    axe = Axe()
    violations = []

    for path in sorted(paths):
        url = live_server.url + path
        response = page.goto(url)
        assert response.status == 200, url
        if signed_in_name:
            assert page.locator("nav.site-account").get_by_text(signed_in_name).count() == 1, url
        violations += blocking_violations(axe.run(page), url)

    csp_reports = [report for report in csp_reports if "Content Security Policy" in report]
    print("\n".join(violations + csp_reports))
    assert EXPECTED_PAGES[persona] <= paths
    assert violations == [], "axe found serious or critical violations:\n" + "\n".join(violations)
    assert csp_reports == [], "Content-Security-Policy violations:\n" + "\n".join(csp_reports)
