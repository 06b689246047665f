"""The project list: who sees which projects, the filters, the order, pages, htmx, and its queries."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from members.models import FocusArea, MembershipStatus, Organisation, OrganisationKind
from projects.models import Participation, Project, SoughtKind
from tests.factories import CompetenceFactory, MembershipFactory, OrganisationFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/et/projects/"


def listed_slugs(response):
    """The projects on the page, in order, read from the cards' links."""
    return re.findall(r'<h3 lang="\w\w"><a href="/\w\w/projects/([\w-]+)/">', response.content.decode())


def days(count):
    return timezone.localdate() + timedelta(days=count)


@pytest.fixture
def mobility():
    return FocusArea.objects.get(slug="mobility")


@pytest.fixture
def tourism():
    return FocusArea.objects.get(slug="tourism")


def make_project(slug, **kwargs):
    focus_areas = kwargs.pop("focus_areas", [])
    competences = kwargs.pop("sought_competences", [])
    kinds = kwargs.pop("sought_kinds", [])
    project = ProjectFactory(slug=slug, **kwargs)
    project.focus_areas.set(focus_areas)
    project.sought_competences.set(competences)
    for kind in kinds:
        SoughtKind.objects.create(project=project, kind=kind)
    return project


def make_in_order(*slugs, **kwargs):
    """Projects created a minute apart, the first oldest: "newest first" lists them reversed."""
    projects = [make_project(slug, **kwargs) for slug in slugs]
    for age, project in enumerate(reversed(projects)):
        Project.objects.filter(pk=project.pk).update(created_at=timezone.now() - timedelta(minutes=age))
    return projects


# --- Who sees what -------------------------------------------------------------------------------


def test_visitors_see_public_projects_only(client):
    make_project("public-one")
    make_project("hidden-one", members_only=True)

    response = client.get(URL)

    assert response.status_code == 200
    assert listed_slugs(response) == ["public-one"]
    assert "hidden-one" not in response.content.decode()


@pytest.mark.parametrize("persona", ["member", "other_member", "staff"])
def test_cluster_members_and_staff_also_see_members_only_projects(persona, persona_client):
    make_in_order("public-one", "hidden-one")
    Project.objects.filter(slug="hidden-one").update(visibility="members")

    response = persona_client(persona).get(URL)

    assert listed_slugs(response) == ["hidden-one", "public-one"]


def test_signed_in_person_outside_the_cluster_sees_public_projects_only(client):
    make_project("public-one")
    make_project("hidden-one", members_only=True)
    client.force_login(UserFactory())

    assert listed_slugs(client.get(URL)) == ["public-one"]


def test_people_of_a_suspended_participant_still_see_their_members_only_project(client):
    suspended = OrganisationFactory(suspended=True)
    person = MembershipFactory(organisation=suspended).user
    make_project("theirs", members_only=True, lead=suspended)
    make_project("not-theirs", members_only=True)
    client.force_login(person)

    assert listed_slugs(client.get(URL)) == ["theirs"]


def test_card_shows_stage_lead_summary_and_what_the_project_looks_for(client, organisation, mobility):
    vision = CompetenceFactory(name_et="Masinnägemine", name_en="Computer vision", slug="computer-vision")
    make_project(
        "smart-bus-stops",
        title="Nutikad bussipeatused",
        summary="Peatused, mis ütlevad, kui täis on järgmine buss.",
        lead=organisation,
        stage="forming",
        partner_search_ends_on=days(10),
        focus_areas=[mobility],
        sought_competences=[vision],
        sought_kinds=[OrganisationKind.RESEARCH],
    )

    estonian = client.get(URL).content.decode()
    english = client.get("/en/projects/").content.decode()

    assert '<h3 lang="et"><a href="/et/projects/smart-bus-stops/">Nutikad bussipeatused</a></h3>' in estonian
    assert "Peatused, mis ütlevad, kui täis on järgmine buss." in estonian
    assert "Tartu Liikuvus OÜ" in estonian
    assert "Nutikas ja roheline liikuvus" in estonian
    assert "Masinnägemine" in estonian
    assert "Tartu Mobility Ltd" in english
    assert "Forming a consortium" in english
    assert "R&amp;D institute or university" in english
    assert "Computer vision" in english
    assert f"Looking for partners until {days(10).strftime('%d/%m/%Y')}" in english


def test_card_of_a_closed_partner_search_does_not_invite_partners(client):
    make_project("closed", is_open_for_joining=False)

    assert "Looking for partners" not in client.get("/en/projects/").content.decode()


def test_start_a_project_is_offered_to_signed_in_people_only(client, member):
    assert 'href="/et/projects/new/"' not in client.get(URL).content.decode()

    client.force_login(member)

    assert 'href="/et/projects/new/"' in client.get(URL).content.decode()


# --- Filters -------------------------------------------------------------------------------------


def test_filter_by_focus_areas_lists_projects_of_any_chosen_area_once(client, mobility, tourism):
    health = FocusArea.objects.get(slug="health-welfare")
    make_in_order("movers", "guides", "both", "carers")
    Project.objects.get(slug="movers").focus_areas.set([mobility])
    Project.objects.get(slug="guides").focus_areas.set([tourism])
    Project.objects.get(slug="both").focus_areas.set([mobility, tourism])
    Project.objects.get(slug="carers").focus_areas.set([health])

    assert listed_slugs(client.get(URL, {"focus_area": "mobility"})) == ["both", "movers"]
    assert listed_slugs(client.get(URL, {"focus_area": ["mobility", "tourism"]})) == ["both", "guides", "movers"]


def test_filter_by_stage(client):
    make_project("an-idea", stage="idea")
    make_project("running", stage="running")

    assert listed_slugs(client.get(URL, {"stage": "running"})) == ["running"]


def test_filter_by_kind_of_partner_sought(client):
    make_project("wants-research", sought_kinds=[OrganisationKind.RESEARCH, OrganisationKind.PUBLIC])
    make_project("wants-companies", sought_kinds=[OrganisationKind.COMPANY])

    assert listed_slugs(client.get(URL, {"seeks_kind": "research"})) == ["wants-research"]


def test_filter_by_competence_sought(client):
    vision = CompetenceFactory(slug="computer-vision")
    make_project("wants-vision", sought_competences=[vision, CompetenceFactory()])
    make_project("wants-other", sought_competences=[CompetenceFactory()])

    assert listed_slugs(client.get(URL, {"seeks_competence": "computer-vision"})) == ["wants-vision"]


def test_unapproved_competences_are_no_filter_choice(client):
    CompetenceFactory(slug="approved-one")
    CompetenceFactory(slug="proposed-one", is_approved=False)

    html = client.get(URL).content.decode()

    assert 'value="approved-one"' in html
    assert 'value="proposed-one"' not in html
    assert client.get(URL, {"seeks_competence": "proposed-one"}).context["form"].errors["seeks_competence"]


def test_open_filter_lists_only_projects_taking_partners_today(client):
    make_project("open-no-end", is_open_for_joining=True)
    make_project("open-until-today", is_open_for_joining=True, partner_search_ends_on=days(0))
    make_project("ended-yesterday", is_open_for_joining=True, partner_search_ends_on=days(-1))
    make_project("not-open", is_open_for_joining=False)
    make_project("completed", is_open_for_joining=True, stage="completed")

    assert sorted(listed_slugs(client.get(URL, {"open": "on"}))) == ["open-no-end", "open-until-today"]
    assert len(listed_slugs(client.get(URL))) == 5


def test_filter_by_kind_of_lead_organisation(client):
    make_project("city-led", lead=OrganisationFactory(kind=OrganisationKind.PUBLIC))
    company_led = make_project("company-led", lead=OrganisationFactory(kind=OrganisationKind.COMPANY))
    # A city as a mere partner does not make a project city-led.
    Participation.objects.create(
        project=company_led, organisation=OrganisationFactory(kind=OrganisationKind.PUBLIC), role="pilot_site"
    )

    assert listed_slugs(client.get(URL, {"lead_kind": "public"})) == ["city-led"]


@pytest.mark.parametrize("query", ["õhu", "ÕHU", "Õhu", "õHuKvAliTeEdI", "ÄRI", "äri"])
def test_text_search_matches_estonian_letters_in_any_case_in_title_and_summary(client, query):
    make_project("air", title="Õhukvaliteedi andurid", summary="Mõõdame linna õhku.")
    make_project("business", title="Linnaandmed", summary="ÄRIANALÜÜS linnadele.")
    make_project("unrelated", title="Muu projekt", summary="Teeme muud.")

    slugs = listed_slugs(client.get(URL, {"q": query}))

    assert slugs == (["business"] if query.lower() == "äri" else ["air"])


def test_text_search_needs_every_word(client):
    make_project("tartu-data", title="Tartu andmed", summary="Avatud andmed.")
    make_project("tallinn-data", title="Tallinna andmed", summary="Avatud andmed.")

    assert listed_slugs(client.get(URL, {"q": "ANDMED  tartu"})) == ["tartu-data"]


def test_filters_combine(client, mobility):
    make_project("match", stage="forming", focus_areas=[mobility], sought_kinds=["company"], title="Bussid")
    make_project("wrong-stage", stage="idea", focus_areas=[mobility], sought_kinds=["company"], title="Bussid")
    make_project("wrong-kind", stage="forming", focus_areas=[mobility], sought_kinds=["public"], title="Bussid")
    make_project("wrong-text", stage="forming", focus_areas=[mobility], sought_kinds=["company"], title="Rongid")

    response = client.get(URL, {"stage": "forming", "focus_area": "mobility", "seeks_kind": "company", "q": "buss"})

    assert listed_slugs(response) == ["match"]


# --- Order ---------------------------------------------------------------------------------------


def test_newest_first_by_default(client):
    make_in_order("oldest", "middle", "newest")

    assert listed_slugs(client.get(URL)) == ["newest", "middle", "oldest"]
    assert listed_slugs(client.get(URL, {"o": "nonsense"})) == ["newest", "middle", "oldest"]


def test_sorted_by_title_in_any_letter_case(client):
    make_project("c", title="Ceeder")
    make_project("a", title="aabits")
    make_project("b", title="Beeta")

    assert listed_slugs(client.get(URL, {"o": "title"})) == ["a", "b", "c"]


def test_partner_searches_ending_soonest_come_first_then_open_ended_then_the_rest(client):
    make_in_order("closed", "no-end", "in-a-month", "tomorrow", "ended", "completed")
    Project.objects.filter(slug="closed").update(is_open_for_joining=False, partner_search_ends_on=days(2))
    Project.objects.filter(slug="in-a-month").update(partner_search_ends_on=days(30))
    Project.objects.filter(slug="tomorrow").update(partner_search_ends_on=days(1))
    Project.objects.filter(slug="ended").update(partner_search_ends_on=days(-1))
    Project.objects.filter(slug="completed").update(stage="completed", partner_search_ends_on=days(3))

    slugs = listed_slugs(client.get(URL, {"o": "ending"}))

    assert slugs == ["tomorrow", "in-a-month", "no-end", "completed", "ended", "closed"]


# --- Count, pagination, htmx, bad input ----------------------------------------------------------


def make_projects(count, **kwargs):
    return make_in_order(*[f"project-{number:03}" for number in range(count)], **kwargs)


def test_result_count_and_pages_of_twenty(client):
    make_projects(25)

    first = client.get("/en/projects/")
    second = client.get("/en/projects/", {"page": 2})

    assert "25 projects" in first.content.decode()
    assert len(listed_slugs(first)) == 20
    assert listed_slugs(second) == [f"project-{number:03}" for number in range(4, -1, -1)]


def test_one_result_is_counted_in_the_singular(client):
    make_project("only")

    assert re.search(r"\b1 project\b(?!s)", client.get("/en/projects/").content.decode())


def test_page_links_keep_the_filters(client):
    make_projects(21, stage="running")

    html = client.get(URL, {"stage": "running", "q": "bus", "o": "title"}).content.decode()

    assert 'href="?stage=running&amp;q=bus&amp;o=title&amp;page=2"' in html
    assert 'rel="next"' in html


def test_page_past_the_end_shows_the_last_page(client):
    make_projects(21)

    response = client.get(URL, {"page": 999})

    assert response.status_code == 200
    assert listed_slugs(response) == ["project-000"]


def test_no_results_offers_the_whole_list(client):
    make_project("one", title="Bussid")

    html = client.get("/en/projects/", {"q": "nothing-like-this"}).content.decode()

    assert "No project matches these filters." in html
    assert '<a href="/en/projects/">Show all projects</a>' in html


def test_filter_form_is_a_get_form_that_htmx_enhances(client):
    html = client.get(URL).content.decode()

    assert '<form method="get" action="/et/projects/"' in html
    assert 'hx-get="/et/projects/" hx-target="#project-results" hx-push-url="true"' in html
    assert '<button type="submit">' in html
    assert re.search(r'<p id="project-count"[^>]*aria-live="polite"', html)
    assert html.count("<h1>") == 1


def test_htmx_request_gets_only_the_results_and_the_count(client):
    make_project("bus", title="Bussid")
    make_project("trains", title="Rongid")

    response = client.get(URL, {"q": "buss"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "HX-Request" in response["Vary"]
    assert "<html" not in html
    assert "<form" not in html
    assert listed_slugs(response) == ["bus"]
    assert '<span id="project-count" hx-swap-oob="innerHTML">' in html


def test_full_page_also_varies_on_htmx(client):
    assert "HX-Request" in client.get(URL)["Vary"]


def test_htmx_history_restore_gets_the_whole_page(client):
    response = client.get(URL, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})

    assert "<html" in response.content.decode()


def test_post_is_not_allowed(client):
    assert client.post(URL).status_code == 405


@pytest.mark.parametrize(
    "query",
    [
        "stage=nonsense&page=999&o=bad",
        "focus_area=nowhere&focus_area=mobility",
        "seeks_competence=%00&seeks_kind=xx&lead_kind=yy",
        "page=-1&page=abc&open=maybe",
        "q=" + "x" * 500,
        "q=" + "+".join(["a"] * 300),
        "o=&stage=&q=%E2%80%AE",
    ],
)
def test_junk_parameters_never_fail(client, query):
    make_project("one")

    assert client.get(f"{URL}?{query}").status_code == 200


def test_invalid_filter_is_explained_next_to_its_field_and_left_out(client):
    make_project("bus", title="Bussid")
    make_project("trains", title="Rongid")

    response = client.get(URL, {"stage": "nonsense", "q": "buss"})

    html = response.content.decode()
    assert 'id="id_stage_errors"' in html
    assert 'aria-invalid="true"' in html
    assert 'class="error-summary"' in html
    assert listed_slugs(response) == ["bus"]


# --- Queries -------------------------------------------------------------------------------------


def add_projects_in_bulk(count):
    """`count` public projects, each with a lead, 2 focus areas, 2 sought competences and a sought kind."""
    areas = list(FocusArea.objects.all()[:2])
    competences = [CompetenceFactory() for _ in range(2)]
    leads = Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"Juht {number}",
                name_et=f"Juht {number}",
                slug=f"lead-{number}",
                kind=OrganisationKind.COMPANY,
                membership_status=MembershipStatus.ACTIVE,
            )
            for number in range(count)
        ]
    )
    projects = Project.objects.bulk_create(
        [
            Project(
                title=f"Projekt {number}",
                slug=f"bulk-{number}",
                summary="Kokkuvõte.",
                # bulk_create skips save(), which fills the folded search column.
                search_text=f"projekt {number} kokkuvõte.",
                is_open_for_joining=True,
            )
            for number in range(count)
        ]
    )
    Participation.objects.bulk_create(
        [Participation(project=p, organisation=o, role="lead") for p, o in zip(projects, leads, strict=True)]
    )
    Project.focus_areas.through.objects.bulk_create(
        [Project.focus_areas.through(project=p, focusarea=a) for p in projects for a in areas]
    )
    Project.sought_competences.through.objects.bulk_create(
        [Project.sought_competences.through(project=p, competence=c) for p in projects for c in competences]
    )
    SoughtKind.objects.bulk_create([SoughtKind(project=p, kind="research") for p in projects])


# Visitor: count, page, then the page's focus areas, sought kinds, sought competences and
# leads, then the form's focus-area and competence choices.
VISITOR_QUERIES = 8
# A signed-in member adds the session, the user, "in the cluster?" (who sees members-only
# projects, and who may start one) and the header's unread notification count.
MEMBER_QUERIES = VISITOR_QUERIES + 4
# The chosen focus areas and competence are looked up once each to validate them.
FILTERED_QUERIES = VISITOR_QUERIES + 2


@pytest.mark.parametrize("count", [10, 200])
def test_list_runs_a_fixed_number_of_queries_for_visitors(count, assert_page_queries):
    add_projects_in_bulk(count)

    response = assert_page_queries(URL, VISITOR_QUERIES)

    assert len(listed_slugs(response)) == min(count, 20)
    assert response.content.decode().count("Juht ") == min(count, 20)


@pytest.mark.parametrize("count", [10, 200])
def test_list_runs_a_fixed_number_of_queries_for_members(count, client, member, assert_page_queries):
    add_projects_in_bulk(count)
    client.force_login(member)

    response = assert_page_queries(f"{URL}?o=ending&open=on", MEMBER_QUERIES)

    assert len(listed_slugs(response)) == min(count, 20)


@pytest.mark.parametrize("count", [10, 200])
def test_filtered_list_runs_a_fixed_number_of_queries(count, assert_page_queries):
    add_projects_in_bulk(count)
    competence = Project.sought_competences.through.objects.first().competence
    query = (
        f"focus_area=ict-governance&focus_area=mobility&seeks_competence={competence.slug}"
        "&seeks_kind=research&lead_kind=company&stage=idea&q=projekt&open=on&o=title"
    )

    response = assert_page_queries(f"{URL}?{query}", FILTERED_QUERIES)

    assert len(listed_slugs(response)) == min(count, 20)


@pytest.mark.django_db
def test_text_search_uses_the_folded_column_so_estonian_letters_match_on_any_database(client):
    ProjectFactory(title="ÕHUKVALITEEDI andurid", summary="Õues mõõdetud.", slug="ohk")

    project = Project.objects.get(slug="ohk")
    response = client.get("/et/projects/", {"q": "õhukvaliteedi ÕUES"})

    assert project.search_text == "õhukvaliteedi andurid õues mõõdetud."
    assert "ÕHUKVALITEEDI andurid" in response.content.decode()


def test_only_people_who_may_lead_are_offered_to_start_a_project(client, member, panellist):
    start = 'href="/et/projects/new/"'
    client.force_login(member)
    assert start in client.get(URL).content.decode()

    client.force_login(panellist)
    assert start not in client.get(URL).content.decode()
