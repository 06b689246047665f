"""The "my projects" dashboard: my organisations' projects, what waits for my answer, what we sent."""

import pytest

from tests.factories import (
    CompetenceFactory,
    JoinRequestFactory,
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db

DASHBOARD_URL = "/en/projects/mine/"


@pytest.fixture
def project(organisation):
    return ProjectFactory(slug="smart-bus-stops", title="Smart bus stops", lead=organisation)


def page(response):
    return response.content.decode()


def section(html, heading_id):
    """The HTML of one dashboard section, found by its heading's id."""
    start = html.index(f'aria-labelledby="{heading_id}"')
    end = html.find("</section>", start)
    return html[start:end]


def test_visitor_is_sent_to_sign_in(client):
    response = client.get(DASHBOARD_URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_lead_admin_sees_a_request_to_answer_with_accept_and_decline(
    client, project, org_admin, other_organisation, other_member
):
    join_request = JoinRequestFactory(
        project=project, organisation=other_organisation, created_by=other_member, proposed_role="research"
    )
    client.force_login(org_admin)

    html = page(client.get(DASHBOARD_URL))

    waiting = section(html, "waiting-heading")
    assert html.count("<h1") == 1
    assert "Air Sense Ltd asks to join as Research partner:" in waiting
    assert "Smart bus stops" in waiting
    assert "Sent by Tiit Teine" in waiting
    assert "We can help with the sensors." in waiting
    assert f'href="/en/projects/requests/{join_request.pk}/accept/"' in waiting
    assert f'href="/en/projects/requests/{join_request.pk}/decline/"' in waiting


def test_invited_organisations_admin_sees_the_invitation_to_answer(client, project, org_admin):
    invited = OrganisationFactory(name_en="Bus Data Ltd")
    admin = MembershipFactory(organisation=invited, admin=True).user
    invitation = JoinRequestFactory(project=project, organisation=invited, direction="invitation", created_by=org_admin)
    client.force_login(admin)

    waiting = section(page(client.get(DASHBOARD_URL)), "waiting-heading")

    assert "Tartu Mobility Ltd invites Bus Data Ltd to join as Partner:" in waiting
    assert f'href="/en/projects/requests/{invitation.pk}/accept/"' in waiting


def test_plain_member_has_nothing_to_answer_but_sees_the_projects(client, project, member, other_organisation):
    JoinRequestFactory(project=project, organisation=other_organisation)
    client.force_login(member)

    html = page(client.get(DASHBOARD_URL))

    assert "Nothing is waiting for your answer." in section(html, "waiting-heading")
    assert "/accept/" not in html
    projects = section(html, "projects-heading")
    assert "Smart bus stops" in projects
    assert "Tartu Mobility Ltd: Lead" in projects
    assert "Invite an organisation" not in projects


def test_answered_requests_wait_no_more(client, project, org_admin, other_organisation):
    JoinRequestFactory(project=project, organisation=other_organisation, status="declined")
    client.force_login(org_admin)

    assert "Nothing is waiting for your answer." in page(client.get(DASHBOARD_URL))


def test_projects_show_role_stage_and_whether_open_with_the_admins_actions(
    client, project, organisation, org_admin, other_organisation
):
    joined = ProjectFactory(title="Green roofs", slug="green-roofs", stage="running", is_open_for_joining=False)
    participation = ParticipationFactory(project=joined, organisation=organisation, role="pilot_site")
    ProjectFactory(title="Not ours", lead=other_organisation)
    client.force_login(org_admin)

    projects = section(page(client.get(DASHBOARD_URL)), "projects-heading")

    assert "Smart bus stops" in projects
    assert "Forming a consortium" in projects
    assert "Open for joining" in projects
    assert "Green roofs" in projects
    assert "Tartu Mobility Ltd: Pilot site" in projects
    assert "Running" in projects
    assert "Not looking for partners" in projects
    assert "Not ours" not in projects
    assert 'href="/en/projects/smart-bus-stops/invite/"' in projects
    assert 'href="/en/projects/smart-bus-stops/lead/"' in projects
    assert f'href="/en/projects/green-roofs/participants/{participation.pk}/leave/"' in projects


def test_our_requests_and_invitations_show_their_state_and_withdraw_while_pending(
    client, project, organisation, member, other_organisation
):
    elsewhere = ProjectFactory(title="Air quality map", lead=other_organisation)
    pending = JoinRequestFactory(project=elsewhere, organisation=organisation, created_by=member)
    declined = JoinRequestFactory(
        project=ProjectFactory(title="Parking sensors"),
        organisation=organisation,
        status="declined",
        decision_note="We are full.",
    )
    invitation = JoinRequestFactory(project=project, organisation=other_organisation, direction="invitation")
    client.force_login(member)

    sent = section(page(client.get(DASHBOARD_URL)), "sent-heading")

    assert "Tartu Mobility Ltd asked to join as Partner:" in sent
    assert "Air quality map" in sent
    assert "Waiting for an answer" in sent
    assert f'action="/en/projects/requests/{pending.pk}/withdraw/"' in sent
    assert "Parking sensors" in sent
    assert "Declined" in sent
    assert "We are full." in sent
    assert f"/requests/{declined.pk}/withdraw/" not in sent
    # The lead's invitation shows to its plain member, who may not take it back.
    assert "Air Sense Ltd was invited as Partner:" in sent
    assert f"/requests/{invitation.pk}/withdraw/" not in sent


def test_lead_admin_may_withdraw_an_invitation_from_the_dashboard(client, project, org_admin, other_organisation):
    invitation = JoinRequestFactory(project=project, organisation=other_organisation, direction="invitation")
    client.force_login(org_admin)

    sent = section(page(client.get(DASHBOARD_URL)), "sent-heading")

    assert f'action="/en/projects/requests/{invitation.pk}/withdraw/"' in sent


def test_person_without_an_organisation_is_told_why_the_page_is_empty(client, staff):
    client.force_login(staff)

    html = page(client.get(DASHBOARD_URL))

    assert "You do not act for any member organisation yet." in html
    assert "Your organisations take part in no project yet." in html


def test_open_projects_that_fit_the_organisation_are_suggested_with_the_reason(client, organisation, member):
    vision = CompetenceFactory(name_en="Computer vision", name="Computer vision", slug="computer-vision")
    organisation.competences.add(vision)
    fitting = ProjectFactory(title="Counting passengers", lead=OrganisationFactory())
    fitting.sought_competences.add(vision)
    client.force_login(member)

    html = page(client.get(DASHBOARD_URL))

    fits = section(html, "fits-heading")
    assert "Counting passengers" in fits
    assert "needs your competences: computer vision" in fits


def build(size, organisation, org_admin, other_organisation):
    """`size` projects of the organisation, requests to answer, and requests and invitations sent."""
    competences = [CompetenceFactory(), CompetenceFactory()]
    organisation.competences.set(competences)
    for index in range(size):
        project = ProjectFactory(lead=organisation if index % 2 else OrganisationFactory())
        if index % 2 == 0:
            ParticipationFactory(project=project, organisation=organisation)
        JoinRequestFactory(project=project, organisation=OrganisationFactory(), created_by=org_admin)
        elsewhere = ProjectFactory(lead=other_organisation)
        elsewhere.sought_competences.set(competences)
        JoinRequestFactory(project=elsewhere, organisation=organisation, created_by=org_admin)
        JoinRequestFactory(project=project, organisation=OrganisationFactory(), direction="invitation")
        JoinRequestFactory(project=ProjectFactory(), organisation=organisation, status="declined")
        invited_to = ProjectFactory(lead=OrganisationFactory())
        JoinRequestFactory(project=invited_to, organisation=organisation, direction="invitation")
        ProjectFactory().sought_competences.set(competences)


@pytest.mark.parametrize("size", [3, 30])
def test_dashboard_runs_the_same_queries_whatever_the_number_of_projects_and_requests(
    client, organisation, org_admin, other_organisation, assert_page_queries, size
):
    MembershipFactory(user=org_admin, organisation=other_organisation)
    build(size, organisation, org_admin, other_organisation)
    client.force_login(org_admin)

    # session, user, memberships with their organisations; fitting projects (what our
    # organisations offer, projects, their focus areas, sought kinds, sought competences,
    # leads); the unread count; waiting requests; our projects and our participations in
    # them; sent requests; the leads of all the projects those three lists show.
    response = assert_page_queries(DASHBOARD_URL, 15)

    html = page(response)
    # Requests to the projects we lead (every second one) and the invitations to us.
    assert html.count('/accept/"') == size // 2 + size
    assert html.count('/withdraw/"') == size + size // 2  # our requests, invitations from projects we lead
    assert html.count('class="fits-item"') == min(size, 5)
