"""The project page: what it shows to whom, the actions each person gets, and its queries."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from members.models import FocusArea, MembershipStatus, Organisation, OrganisationKind
from projects.models import JoinRequest, Participation, Project, ProjectUpdate, SoughtKind
from tests.factories import (
    CompetenceFactory,
    JoinRequestFactory,
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

URL = "/et/projects/smart-bus-stops/"
EN_URL = "/en/projects/smart-bus-stops/"


def days(count):
    return timezone.localdate() + timedelta(days=count)


@pytest.fixture
def project(organisation):
    """`organisation` (tartu-mobility) leads smart-bus-stops, a public project looking for partners."""
    return ProjectFactory(
        slug="smart-bus-stops",
        title="Nutikad bussipeatused",
        summary="Peatused, mis ütlevad, kui täis on järgmine buss.",
        description="# Eesmärk\n\nMe katsetame **andureid** Tartus.\n\n<script>alert(1)</script>",
        lead=organisation,
        partner_search_ends_on=days(20),
    )


@pytest.fixture
def partner(project):
    """A partner organisation with an admin and a contact person."""
    organisation = OrganisationFactory(
        name_et="Linnalabor OÜ", name_en="City Lab Ltd", slug="city-lab", kind=OrganisationKind.RESEARCH
    )
    admin = MembershipFactory(organisation=organisation, admin=True, user__display_name="Piret Partner").user
    participation = Participation.objects.create(project=project, organisation=organisation, role="research")
    participation.contact_people.add(admin)
    return participation


def html_of(response):
    assert response.status_code == 200
    return response.content.decode()


# --- What the page shows -------------------------------------------------------------------------


def test_page_shows_the_project(client, project, partner):
    vision = CompetenceFactory(name_et="Masinnägemine", name_en="Computer vision", slug="computer-vision")
    project.focus_areas.set([FocusArea.objects.get(slug="mobility")])
    project.sought_competences.set([vision])
    SoughtKind.objects.create(project=project, kind=OrganisationKind.PUBLIC)
    Project.objects.filter(pk=project.pk).update(
        stage="running",
        starts_on=date(2026, 1, 1),
        ends_on=date(2027, 6, 30),
        budget_eur=250000,
        pilot_city="Tartu",
        pilot_site="Riia tänava peatused",
        needs_test_users=True,
        partner_search_ends_on=date(2099, 3, 31),
    )

    html = html_of(client.get(EN_URL))

    assert html.count("<h1") == 1
    assert '<h1 lang="et">Nutikad bussipeatused</h1>' in html
    assert "Running" in html
    assert 'Lead organisation: <a href="/en/members/tartu-mobility/">Tartu Mobility Ltd</a>' in html
    assert "Peatused, mis ütlevad, kui täis on järgmine buss." in html
    assert '<a href="/en/projects/?focus_area=mobility">Smart and green mobility</a>' in html
    assert '<a href="/en/projects/?seeks_kind=public">City or public authority</a>' in html
    assert '<a href="/en/projects/?seeks_competence=computer-vision">Computer vision</a>' in html
    assert "Riia tänava peatused" in html
    assert "The project is looking for test users." in html
    assert "Open for joining until 31/03/2099." in html
    assert "01/01/2026" in html and "30/06/2027" in html
    assert "250,000 €" in html
    assert '<a href="/en/members/city-lab/">City Lab Ltd</a>' in html
    assert "Research partner" in html


def test_description_is_rendered_markdown_without_scripts(client, project):
    html = html_of(client.get(URL))

    assert re.search(r"<h[2-4]>Eesmärk</h[2-4]>", html)
    assert "<strong>andureid</strong>" in html
    assert "<script>alert(1)</script>" not in html


def test_estonian_page_formats_budget_and_dates_the_estonian_way(client, project):
    Project.objects.filter(pk=project.pk).update(budget_eur=250000, partner_search_ends_on=date(2099, 3, 31))

    html = html_of(client.get(URL))

    assert "250\xa0000 €" in html
    assert "31.03.2099" in html


def test_closed_partner_search_says_so(client, project):
    Project.objects.filter(pk=project.pk).update(is_open_for_joining=False)

    html = html_of(client.get(EN_URL))

    assert "Not looking for partners at the moment." in html


def test_partner_search_past_its_end_says_it_ended(client, project):
    Project.objects.filter(pk=project.pk).update(partner_search_ends_on=date(2020, 5, 1))

    assert "The partner search ended on 01/05/2020." in html_of(client.get(EN_URL))


def test_inactive_participant_is_named_without_a_link_to_its_hidden_profile(client, project, partner):
    Organisation.objects.filter(pk=partner.organisation_id).update(membership_status=MembershipStatus.SUSPENDED)

    html = html_of(client.get(URL))

    assert "Linnalabor OÜ" in html
    assert 'href="/et/members/city-lab/"' not in html


def test_unknown_project_is_404(client, project):
    assert client.get("/et/projects/no-such-project/").status_code == 404


# --- People --------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["member", "other_member", "staff"])
def test_cluster_members_see_the_contact_people(persona, persona_client, partner):
    html = html_of(persona_client(persona).get(URL))

    assert "Piret Partner" in html


def test_visitors_see_no_names_of_people(client, project, partner, org_admin):
    ProjectUpdate.objects.create(
        project=project, author=org_admin, organisation=project.participations.first().organisation, body="Uudis."
    )

    html = html_of(client.get(URL))

    assert "Piret Partner" not in html
    assert "Olev Orgadmin" not in html
    assert partner.contact_people.first().email not in html
    assert "Uudis." in html


def test_signed_in_person_outside_the_cluster_sees_no_names(client, partner):
    client.force_login(UserFactory())

    assert "Piret Partner" not in html_of(client.get(URL))


def test_deactivated_contact_person_is_not_named(client, partner, other_member):
    partner.contact_people.update(is_active=False)
    client.force_login(other_member)

    assert "Piret Partner" not in html_of(client.get(URL))


# --- Members-only projects -----------------------------------------------------------------------


@pytest.fixture
def members_only(project):
    Project.objects.filter(pk=project.pk).update(visibility="members")
    return project


def test_members_only_project_is_404_to_visitors(client, members_only):
    assert client.get(URL).status_code == 404


def test_members_only_project_is_404_to_people_outside_the_cluster(client, members_only):
    client.force_login(UserFactory())

    assert client.get(URL).status_code == 404


def test_members_only_project_is_404_to_people_of_a_suspended_outsider(
    client, members_only, other_organisation, other_member
):
    Organisation.objects.filter(pk=other_organisation.pk).update(membership_status=MembershipStatus.SUSPENDED)
    client.force_login(other_member)

    assert client.get(URL).status_code == 404


@pytest.mark.parametrize("persona", ["member", "org_admin", "other_member", "staff"])
def test_members_only_project_is_shown_to_cluster_members(persona, persona_client, members_only):
    html = html_of(persona_client(persona).get(EN_URL))

    assert "Members only" in html


def test_members_only_project_is_shown_to_people_of_a_suspended_participant(client, members_only, partner):
    Organisation.objects.filter(pk=partner.organisation_id).update(membership_status=MembershipStatus.SUSPENDED)
    client.force_login(partner.contact_people.first())

    assert client.get(URL).status_code == 200


# --- Actions by permission -----------------------------------------------------------------------


LEAD_LINKS = [
    'href="/et/projects/smart-bus-stops/edit/"',
    'href="/et/projects/smart-bus-stops/suggestions/"',
    'href="/et/projects/smart-bus-stops/invite/"',
    'href="/et/projects/smart-bus-stops/lead/"',
    'action="/et/projects/smart-bus-stops/partner-search/"',
]
JOIN_LINK = 'href="/et/projects/smart-bus-stops/join/"'
UPDATE_LINK = 'href="/et/projects/smart-bus-stops/updates/new/"'


@pytest.mark.parametrize("persona", ["org_admin", "staff"])
def test_lead_admins_and_staff_get_the_managing_actions(persona, persona_client, project):
    html = html_of(persona_client(persona).get(URL))

    for link in LEAD_LINKS:
        assert link in html
    assert JOIN_LINK not in html
    assert "/leave/" not in html


def test_lead_admin_of_a_completed_project_edits_it_but_does_not_look_for_partners(client, project, org_admin):
    Project.objects.filter(pk=project.pk).update(stage="completed", is_open_for_joining=False)
    client.force_login(org_admin)

    html = html_of(client.get(URL))

    assert LEAD_LINKS[0] in html
    assert "/suggestions/" not in html
    assert "/invite/" not in html
    assert "/partner-search/" not in html


def test_lead_admin_sees_close_and_extend_while_the_search_is_open(client, project, org_admin):
    client.force_login(org_admin)

    html = html_of(client.get(EN_URL))

    assert '<button type="submit" name="action" value="close"' in html
    assert "Extend the partner search" in html
    assert f'value="{days(20).isoformat()}"' in html


def test_lead_admin_may_reopen_a_closed_search(client, project, org_admin):
    Project.objects.filter(pk=project.pk).update(is_open_for_joining=False)
    client.force_login(org_admin)

    html = html_of(client.get(EN_URL))

    assert 'value="close"' not in html
    assert "Open the partner search" in html


def test_lead_member_posts_updates_but_does_not_manage(client, project, member):
    client.force_login(member)

    html = html_of(client.get(URL))

    assert UPDATE_LINK in html
    for link in LEAD_LINKS:
        assert link not in html
    assert JOIN_LINK not in html


def test_person_of_another_member_organisation_may_ask_to_join_an_open_project(client, project, other_member):
    client.force_login(other_member)

    html = html_of(client.get(URL))

    assert JOIN_LINK in html
    assert UPDATE_LINK not in html
    for link in LEAD_LINKS:
        assert link not in html


@pytest.mark.parametrize(
    "change",
    [
        {"is_open_for_joining": False},
        {"partner_search_ends_on": date(2020, 1, 1)},
        {"stage": "cancelled"},
    ],
)
def test_no_ask_to_join_when_the_project_takes_no_requests(change, client, project, other_member):
    Project.objects.filter(pk=project.pk).update(**change)
    client.force_login(other_member)

    assert JOIN_LINK not in html_of(client.get(URL))


def test_people_of_a_suspended_organisation_cannot_ask_to_join(client, project, other_organisation, other_member):
    Organisation.objects.filter(pk=other_organisation.pk).update(membership_status=MembershipStatus.SUSPENDED)
    client.force_login(other_member)

    assert JOIN_LINK not in html_of(client.get(URL))


def test_visitor_is_invited_to_sign_in_to_ask_to_join(client, project):
    html = html_of(client.get(URL))

    assert 'href="/et/accounts/login/?next=/et/projects/smart-bus-stops/join/"' in html
    assert JOIN_LINK not in html
    assert UPDATE_LINK not in html


def test_participant_admin_may_leave_and_post_updates(client, partner):
    client.force_login(partner.contact_people.first())

    html = html_of(client.get(URL))

    assert f'href="/et/projects/smart-bus-stops/participants/{partner.pk}/leave/"' in html
    assert UPDATE_LINK in html
    assert JOIN_LINK not in html


def test_person_in_two_organisations_may_ask_for_the_one_outside(client, project, member):
    MembershipFactory(user=member, organisation=OrganisationFactory())
    client.force_login(member)

    html = html_of(client.get(URL))

    assert JOIN_LINK in html
    assert UPDATE_LINK in html


def test_pending_request_is_mentioned_to_the_requesting_organisation(client, project, other_organisation, other_member):
    JoinRequestFactory(project=project, organisation=other_organisation, created_at=timezone.now())
    client.force_login(other_member)

    html = html_of(client.get(EN_URL))

    assert "Air Sense Ltd asked to join on" in html
    assert "waiting for the lead" in html
    assert "/projects/smart-bus-stops/join/" not in html


def test_pending_invitation_points_to_the_dashboard(client, project, other_organisation, other_member):
    JoinRequestFactory(project=project, organisation=other_organisation, direction=JoinRequest.Direction.INVITATION)
    client.force_login(other_member)

    html = html_of(client.get(EN_URL))

    assert "Air Sense Ltd is invited to join this project." in html
    assert 'href="/en/projects/mine/"' in html
    assert "/projects/smart-bus-stops/join/" not in html


# --- Updates -------------------------------------------------------------------------------------


def test_updates_are_listed_newest_first_as_markdown(client, project, org_admin, member):
    lead = project.participations.get().organisation
    old = ProjectUpdate.objects.create(project=project, author=member, organisation=lead, body="Vana *uudis*.")
    ProjectUpdate.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=3))
    ProjectUpdate.objects.create(project=project, author=org_admin, organisation=lead, body="Uus **uudis**.")
    client.force_login(member)

    html = html_of(client.get(URL))

    assert html.index("Uus <strong>uudis</strong>.") < html.index("Vana <em>uudis</em>.")
    assert "Olev Orgadmin, Tartu Liikuvus OÜ" in html


def test_project_without_updates_says_so(client, project):
    assert "No updates yet." in html_of(client.get(EN_URL))


# --- Queries -------------------------------------------------------------------------------------


def add_participants(project, count):
    for number in range(count):
        organisation = OrganisationFactory(name_et=f"Osaline {number}")
        contact = MembershipFactory(organisation=organisation, user__verified_email=False).user
        ParticipationFactory(project=project, organisation=organisation).contact_people.add(contact)


def add_updates(project, count, author):
    lead = project.participations.get(role="lead").organisation
    ProjectUpdate.objects.bulk_create(
        [ProjectUpdate(project=project, author=author, organisation=lead, body=f"Uudis {n}") for n in range(count)]
    )


def prepare(project, count, org_admin):
    project.focus_areas.set(FocusArea.objects.all()[:2])
    project.sought_competences.set(CompetenceFactory.create_batch(2))
    SoughtKind.objects.create(project=project, kind="research")
    add_updates(project, 20, org_admin)
    add_participants(project, count)


# Project, then its focus areas, sought kinds, sought competences, lead, participants, their
# contact people, and the updates.
VISITOR_QUERIES = 8
# Session, user, "in the cluster?" twice (visible projects, people's names), lead admin?,
# participant?, the organisations the person acts for (all, and as admin), their pending
# requests, and the header's unread notification count.
MEMBER_QUERIES = VISITOR_QUERIES + 10


@pytest.mark.parametrize("count", [3, 30])
def test_page_runs_a_fixed_number_of_queries_for_visitors(count, project, org_admin, assert_page_queries):
    prepare(project, count, org_admin)

    response = assert_page_queries(URL, VISITOR_QUERIES)

    assert response.content.decode().count("Osaline ") == count
    assert response.content.decode().count("Uudis ") == 20


@pytest.mark.parametrize("persona", ["other_member", "org_admin"])
@pytest.mark.parametrize("count", [3, 30])
def test_page_runs_a_fixed_number_of_queries_for_members(
    count, persona, project, org_admin, other_member, client, assert_page_queries
):
    prepare(project, count, org_admin)
    client.force_login(other_member if persona == "other_member" else org_admin)

    response = assert_page_queries(URL, MEMBER_QUERIES)

    # The lead's admin also gets "Change role" and "Remove" per partner, each naming it for screen readers.
    per_partner = 3 if persona == "org_admin" else 1
    assert response.content.decode().count("Osaline ") == count * per_partner


# --- On organisation profiles --------------------------------------------------------------------

PROFILE_URL = "/en/members/tartu-mobility/"


def test_profile_lists_the_projects_the_organisation_leads_and_joins(client, project, organisation):
    joined = ProjectFactory(slug="air-quality", title="Air quality sensors", stage="running")
    Participation.objects.create(project=joined, organisation=organisation, role="pilot_site")
    ProjectFactory(slug="someone-elses", title="Not ours")

    html = html_of(client.get(PROFILE_URL))

    leads, joins = html.index("<h3>Projects it leads</h3>"), html.index("<h3>Projects it takes part in</h3>")
    assert leads < html.index('<a href="/en/projects/smart-bus-stops/" lang="et">Nutikad bussipeatused</a>') < joins
    assert joins < html.index('<a href="/en/projects/air-quality/" lang="et">Air quality sensors</a>')
    assert "Pilot site · Running" in html
    assert "Not ours" not in html


def test_profile_hides_members_only_projects_from_visitors(client, members_only):
    html = html_of(client.get(PROFILE_URL))

    assert "Nutikad bussipeatused" not in html
    assert "No projects in the portal yet." in html


def test_profile_shows_members_only_projects_to_cluster_members(client, members_only, other_member):
    client.force_login(other_member)

    assert "Nutikad bussipeatused" in html_of(client.get(PROFILE_URL))
