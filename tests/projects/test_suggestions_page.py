"""The partner suggestions page: for the lead's admins and staff, ranked with reasons and an invite link."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from members.models import FocusArea
from projects.models import SoughtKind
from tests.factories import CompetenceFactory, MembershipFactory, OrganisationFactory, ProjectFactory, UserFactory


@pytest.fixture
def vision(db):
    return CompetenceFactory(slug="computer-vision", name_en="Computer vision", name_et="Masinnägemine")


@pytest.fixture
def project(organisation, vision):
    project = ProjectFactory(
        slug="smart-bus-stops", title="Nutikad bussipeatused", lead=organisation, pilot_city="Tartu"
    )
    project.sought_competences.set([vision])
    project.focus_areas.set([FocusArea.objects.get(slug="mobility")])
    SoughtKind.objects.create(project=project, kind="research")
    return project


@pytest.fixture
def university(vision):
    return OrganisationFactory(
        slug="ut-vision",
        name_et="Tartu Ülikool",
        name_en="University of Tartu",
        name="Tartu Ülikool",
        kind="research",
        city="Tartu",
        competences=[vision],
    )


def url(project, language="et"):
    return f"/{language}/projects/{project.slug}/suggestions/"


@pytest.mark.django_db
def test_the_url_is_the_one_the_project_pages_link_to(project):
    assert reverse("projects:partner_suggestions", kwargs={"slug": project.slug}) == url(project)


@pytest.mark.django_db
def test_lead_admin_sees_suggestions_with_profile_link_kind_city_reasons_and_invite(
    persona_client, project, university
):
    response = persona_client("org_admin").get(url(project, "en"))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="/en/members/ut-vision/">University of Tartu</a>' in html
    assert "R&amp;D institute or university · Tartu" in html
    assert "<li>matches: computer vision</li>" in html
    assert "<li>based in Tartu (the pilot city)</li>" in html
    assert "Fit: 10 points" in html
    assert f'href="/en/projects/{project.slug}/invite/?organisation=ut-vision"' in html


@pytest.mark.django_db
def test_suggestions_are_listed_best_first(persona_client, project, university, vision):
    OrganisationFactory(slug="weaker", name_et="Aaa Nõrgem", kind="company", city="Tallinn", competences=[vision])

    html = persona_client("org_admin").get(url(project)).content.decode()

    assert html.index("/et/members/ut-vision/") < html.index("/et/members/weaker/")


@pytest.mark.django_db
def test_page_explains_the_points_and_what_the_project_seeks(persona_client, project, university):
    html = persona_client("org_admin").get(url(project, "en")).content.decode()

    assert "3 for each competence the project seeks" in html
    assert "Computer vision" in html
    assert "R&amp;D institute or university" in html
    assert "Smart and green mobility" in html


@pytest.mark.django_db
def test_staff_see_the_suggestions(persona_client, project, university):
    response = persona_client("staff").get(url(project))

    assert response.status_code == 200
    assert "ut-vision" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["member", "other_member"])
def test_people_who_do_not_run_the_project_get_403(persona_client, project, persona):
    assert persona_client(persona).get(url(project)).status_code == 403


@pytest.mark.django_db
def test_visitor_is_sent_to_sign_in(persona_client, project):
    response = persona_client("visitor").get(url(project))

    assert response.status_code == 302
    assert response.url.startswith("/et/accounts/login/")


@pytest.mark.django_db
def test_a_members_only_project_is_not_found_by_someone_outside_the_cluster(client, organisation):
    project = ProjectFactory(lead=organisation, members_only=True)
    outsider = UserFactory()
    client.force_login(outsider)

    assert client.get(url(project)).status_code == 404


@pytest.mark.django_db
def test_unknown_project_is_not_found(persona_client, organisation):
    assert persona_client("org_admin").get("/et/projects/no-such-project/suggestions/").status_code == 404


@pytest.mark.django_db
def test_post_is_not_allowed(persona_client, project):
    assert persona_client("org_admin").post(url(project)).status_code == 405


@pytest.mark.django_db
def test_a_project_not_looking_for_partners_says_so_and_links_to_reopening(persona_client, project, university):
    project.is_open_for_joining = False
    project.save()

    html = persona_client("org_admin").get(url(project, "en")).content.decode()

    assert "This project is not looking for partners at the moment" in html
    assert f'href="/en/projects/{project.slug}/#project-search-title"' in html
    assert "ut-vision" not in html


@pytest.mark.django_db
def test_a_project_whose_search_ended_is_not_looking_either(persona_client, project, university):
    project.partner_search_ends_on = timezone.localdate() - timedelta(days=1)
    project.save()

    html = persona_client("org_admin").get(url(project, "en")).content.decode()

    assert "This project is not looking for partners at the moment" in html


@pytest.mark.django_db
def test_a_completed_project_offers_no_reopening(persona_client, project):
    project.stage = "completed"
    project.save()

    html = persona_client("org_admin").get(url(project, "en")).content.decode()

    assert "This project is not looking for partners at the moment" in html
    assert "#project-search-title" not in html


@pytest.mark.django_db
def test_no_match_shows_an_empty_state_with_a_link_to_edit_the_wishes(persona_client, project):
    html = persona_client("org_admin").get(url(project, "en")).content.decode()

    assert "No active member organisation matches what this project is looking for yet." in html
    assert f'href="/en/projects/{project.slug}/edit/"' in html


def make_organisations(count, *, vision):
    mobility = FocusArea.objects.get(slug="mobility")
    for number in range(count):
        OrganisationFactory(slug=f"fit-{number}", kind="research", competences=[vision], focus_areas=[mobility])


@pytest.mark.django_db
@pytest.mark.parametrize("count", [10, 200])
def test_page_runs_a_fixed_number_of_queries(persona_client, assert_page_queries, project, vision, count):
    make_organisations(count, vision=vision)
    persona_client("org_admin")

    # Session and user; whether the person is a cluster member (visible_to); the project with
    # its competences, focus areas and kinds; the lead-admin check; the candidates with their
    # matching competences and focus areas; the inbox's unread count.
    response = assert_page_queries(url(project), 12)

    assert response.content.decode().count("?organisation=fit-") == min(count, 20)


@pytest.mark.django_db
@pytest.mark.parametrize("count", [10, 200])
def test_page_for_staff_runs_a_fixed_number_of_queries(client, staff, assert_page_queries, project, vision, count):
    make_organisations(count, vision=vision)
    client.force_login(staff)

    # As above, without the cluster-member and lead-admin checks: staff may.
    assert_page_queries(url(project), 10)


@pytest.mark.django_db
def test_a_second_organisation_admin_of_the_lead_sees_the_page_too(client, project, organisation):
    second = MembershipFactory(organisation=organisation, admin=True).user
    client.force_login(second)

    assert client.get(url(project)).status_code == 200
