"""Partner recommendations rank by sought competences matched, then a transparent sum of points, and say why.

The hand-built sets below write the expected order out; the points are in
projects/recommendations.py (competence 3, focus area 2, kind 4, pilot city 3, stale −1).
"""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from members.models import FocusArea
from projects.models import JoinRequest, Project, SoughtKind
from projects.recommendations import projects_fitting, suggest_partners
from tests.factories import (
    CompetenceFactory,
    JoinRequestFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
)


@pytest.fixture
def vision(db):
    return CompetenceFactory(slug="computer-vision", name_en="Computer vision", name_et="Masinnägemine")


@pytest.fixture
def apps(db):
    return CompetenceFactory(slug="mobile-apps", name_en="Mobile apps", name_et="Mobiilirakendused")


@pytest.fixture
def heating(db):
    return CompetenceFactory(slug="district-heating", name_en="District heating", name_et="Kaugküte")


@pytest.fixture
def mobility(db):
    return FocusArea.objects.get(slug="mobility")


@pytest.fixture
def energy(db):
    return FocusArea.objects.get(slug="energy-environment")


@pytest.fixture
def project(organisation, vision, apps, mobility):
    """Seeks computer vision and mobile apps, an R&D or public partner, mobility, a pilot in Tartu."""
    project = ProjectFactory(slug="smart-bus-stops", lead=organisation, pilot_city="Tartu")
    project.sought_competences.set([vision, apps])
    project.focus_areas.set([mobility])
    SoughtKind.objects.bulk_create(
        [SoughtKind(project=project, kind="research"), SoughtKind(project=project, kind="public")]
    )
    return project


def org(slug, *, kind="company", city="Tallinn", competences=(), focus_areas=(), name=None, **fields):
    return OrganisationFactory(
        slug=slug,
        kind=kind,
        city=city,
        competences=list(competences),
        focus_areas=list(focus_areas),
        name_et=name or slug,
        name=name or slug,
        **fields,
    )


def stale():
    return timezone.now() - timedelta(days=400)


def slugs(suggestions):
    return [suggestion.organisation.slug for suggestion in suggestions]


@pytest.fixture
def candidates(vision, apps, mobility, energy):
    # Made out of order on purpose: the ranking, not the insertion order, decides.
    org("beta-mobility", name="Beeta Liikuvus", focus_areas=[mobility])
    org("alpha-mobility", name="Alfa Liikuvus", focus_areas=[mobility])
    org("app-studio", city=" TARTU ", competences=[apps])
    org("pixel-apps", city="Pärnu", competences=[vision, apps], focus_areas=[energy])
    org("tallinn-uni", kind="research", competences=[vision])
    org("vision-lab", competences=[vision, apps], focus_areas=[mobility])
    org("tartu-city", kind="public", city="Tartu", focus_areas=[mobility])
    org("stale-vision", kind="research", city="Tartu", competences=[vision], profile_confirmed_at=stale())
    org("ut-vision", kind="research", city="Tartu", competences=[vision, apps], focus_areas=[mobility])
    # Scores nothing: a company elsewhere, with no competence or focus area sought.
    org("bakery", focus_areas=[energy])
    # Scores −1 (a stale profile and nothing sought): ranked last in the database, then dropped.
    org("stale-bakery", profile_confirmed_at=stale())
    # Mentions Tartu, so the database lets it through; the city is not Tartu, so it scores 0.
    org("tartu-fan", short_description_et="Tartu sõbrad.", short_description_en="Friends of Tartu.")


EXPECTED_ORDER = [
    # Two sought competences match: first, by points.
    "ut-vision",  # 3 + 3 competences, 2 mobility, 4 R&D, 3 Tartu = 15
    "vision-lab",  # 3 + 3 competences, 2 mobility = 8
    "pixel-apps",  # 3 + 3 competences = 6
    # One sought competence matches.
    "stale-vision",  # 3 computer vision, 4 R&D, 3 Tartu, −1 stale = 9
    "tallinn-uni",  # 3 computer vision, 4 R&D = 7
    "app-studio",  # 3 mobile apps, 3 Tartu (whatever its case and spaces) = 6
    # No sought competence: last, however many other points.
    "tartu-city",  # 2 mobility, 4 public, 3 Tartu = 9
    "alpha-mobility",  # 2 mobility, and "Alfa" before "Beeta"
    "beta-mobility",  # 2 mobility
]


@pytest.mark.django_db
def test_suggestions_come_in_the_order_of_their_points(project, candidates):
    assert slugs(suggest_partners(project)) == EXPECTED_ORDER


@pytest.mark.django_db
def test_one_sought_competence_outranks_kind_city_and_every_focus_area(project, vision, mobility):
    org("tartu-city", kind="public", city="Tartu", focus_areas=[mobility])
    org("vision-shop", competences=[vision])

    suggestions = suggest_partners(project)

    assert slugs(suggestions) == ["vision-shop", "tartu-city"]
    assert suggestions[0].score < suggestions[1].score


@pytest.mark.django_db
def test_each_suggestion_carries_its_score(project, candidates):
    scores = {suggestion.organisation.slug: suggestion.score for suggestion in suggest_partners(project)}

    assert scores == {
        "ut-vision": 15,
        "stale-vision": 9,
        "tartu-city": 9,
        "vision-lab": 8,
        "tallinn-uni": 7,
        "pixel-apps": 6,
        "app-studio": 6,
        "alpha-mobility": 2,
        "beta-mobility": 2,
    }


@pytest.mark.django_db
def test_limit_keeps_the_best(project, candidates):
    assert slugs(suggest_partners(project, limit=3)) == EXPECTED_ORDER[:3]


@pytest.mark.django_db
def test_reasons_say_why_in_english(project, candidates):
    with translation.override("en"):
        reasons = {suggestion.organisation.slug: suggestion.reasons for suggestion in suggest_partners(project)}

    assert reasons["ut-vision"] == [
        "matches: computer vision, mobile apps",
        "focus area: smart and green mobility",
        "R&D institute or university",
        "based in Tartu (the pilot city)",
    ]
    assert reasons["stale-vision"] == [
        "matches: computer vision",
        "R&D institute or university",
        "based in Tartu (the pilot city)",
        "profile not confirmed as current for over a year",
    ]
    assert reasons["tartu-city"] == [
        "focus area: smart and green mobility",
        "city or public authority",
        "based in Tartu (the pilot city)",
    ]
    assert reasons["app-studio"] == ["matches: mobile apps", "based in TARTU (the pilot city)"]


@pytest.mark.django_db
def test_reasons_name_competences_and_focus_areas_in_the_viewers_language(project, candidates):
    with translation.override("et"):
        reasons = {suggestion.organisation.slug: suggestion.reasons for suggestion in suggest_partners(project)}

    assert "masinnägemine, mobiilirakendused" in reasons["ut-vision"][0]
    assert "nutikas ja roheline liikuvus" in reasons["ut-vision"][1]


@pytest.mark.django_db
def test_several_focus_areas_are_named_in_the_plural(project, vision, mobility, energy):
    project.focus_areas.add(energy)
    org("two-areas", focus_areas=[mobility, energy])

    with translation.override("en"):
        (suggestion,) = suggest_partners(project)

    assert suggestion.reasons == ["focus areas: smart and green mobility, energy and environment"]


@pytest.mark.django_db
def test_participants_asked_invited_and_inactive_organisations_are_left_out(project, vision):
    def uni(slug, **fields):
        return org(slug, kind="research", city="Tartu", competences=[vision], **fields)

    ParticipationFactory(project=project, organisation=uni("partner-uni"))
    JoinRequestFactory(project=project, organisation=uni("asking-uni"), direction="request")
    JoinRequestFactory(project=project, organisation=uni("invited-uni"), direction="invitation")
    uni("suspended-uni", suspended=True)
    uni("applicant-uni", applicant=True)
    uni("former-uni", membership_status="former")
    uni("welcome-uni")

    assert slugs(suggest_partners(project)) == ["welcome-uni"]


@pytest.mark.django_db
def test_a_recent_decline_either_way_leaves_the_organisation_out_for_90_days(project, vision):
    def declined(slug, *, direction, days_ago):
        JoinRequestFactory(
            project=project,
            organisation=org(slug, kind="research", competences=[vision]),
            direction=direction,
            status=JoinRequest.Status.DECLINED,
            decided_at=timezone.now() - timedelta(days=days_ago),
        )

    declined("declined-our-invitation", direction="invitation", days_ago=10)
    declined("we-declined-them", direction="request", days_ago=89)
    declined("declined-long-ago", direction="invitation", days_ago=91)
    JoinRequestFactory(
        project=project,
        organisation=org("withdrew", kind="research", competences=[vision]),
        status=JoinRequest.Status.WITHDRAWN,
    )

    assert slugs(suggest_partners(project)) == ["declined-long-ago", "withdrew"]


@pytest.mark.django_db
def test_a_request_to_another_project_does_not_leave_the_organisation_out(project, vision):
    asking = org("asking-elsewhere", kind="research", competences=[vision])
    JoinRequestFactory(organisation=asking, project__lead=org("other-lead"))

    assert slugs(suggest_partners(project)) == ["asking-elsewhere"]


@pytest.mark.django_db
def test_a_project_that_seeks_nothing_gets_no_suggestions_and_asks_nothing(
    organisation, vision, django_assert_num_queries
):
    project = ProjectFactory(lead=organisation)
    org("anyone", kind="research", competences=[vision])
    project = Project.objects.prefetch_related("sought_competences", "focus_areas", "sought_kinds").get(pk=project.pk)

    with django_assert_num_queries(0):
        assert suggest_partners(project) == []


@pytest.mark.django_db
def test_the_pilot_city_alone_finds_organisations_there_with_estonian_letters_in_any_case(organisation):
    project = ProjectFactory(lead=organisation, pilot_city="Pärnu")
    org("in-parnu", city="PÄRNU")
    org("in-tartu", city="Tartu")

    with translation.override("en"):
        suggestions = suggest_partners(project)

    assert slugs(suggestions) == ["in-parnu"]
    assert suggestions[0].reasons == ["based in PÄRNU (the pilot city)"]


def make_candidates(count, *, vision, mobility):
    for number in range(count):
        org(f"candidate-{number}", kind="research", competences=[vision], focus_areas=[mobility])


@pytest.mark.django_db
@pytest.mark.parametrize("count", [10, 200])
def test_suggesting_runs_six_queries_at_any_size(project, vision, mobility, count, django_assert_num_queries):
    make_candidates(count, vision=vision, mobility=mobility)
    project = Project.objects.get(pk=project.pk)

    # The project's competences, focus areas and kinds; the candidates; their matching
    # competences and focus areas.
    with django_assert_num_queries(6):
        suggestions = suggest_partners(project, limit=count)
        assert len(suggestions) == count
        assert all(suggestion.reasons for suggestion in suggestions)


# --- Projects that fit an organisation ----------------------------------------------------------


@pytest.fixture
def ut_vision(vision, apps, mobility):
    return org("ut-vision", kind="research", city="Tartu", competences=[vision, apps], focus_areas=[mobility])


def project_seeking(slug, *, title=None, competences=(), kinds=(), focus_areas=(), **fields):
    project = ProjectFactory(slug=slug, title=title or slug, **fields)
    project.sought_competences.set(list(competences))
    project.focus_areas.set(list(focus_areas))
    SoughtKind.objects.bulk_create([SoughtKind(project=project, kind=kind) for kind in kinds])
    return project


@pytest.fixture
def open_projects(vision, apps, mobility, energy):
    project_seeking("beta", title="Beeta", focus_areas=[mobility])
    project_seeking("alpha", title="Alfa", focus_areas=[mobility])
    project_seeking("tartu-pilot", pilot_city="TARTU")
    project_seeking("members-vision", competences=[vision], visibility="members")
    project_seeking("city-app", competences=[apps], focus_areas=[mobility])
    project_seeking("kind-and-city", kinds=["research"], pilot_city="Tartu")
    project_seeking("vision-pilot", competences=[vision], kinds=["research"])
    project_seeking(
        "bus-stops",
        competences=[vision, apps],
        kinds=["research", "public"],
        focus_areas=[mobility],
        pilot_city="Tartu",
    )
    # Seeks what the organisation does not have: scores nothing.
    project_seeking("heating", kinds=["company"], focus_areas=[energy], pilot_city="Narva")


FITTING_ORDER = [
    "bus-stops",  # 3 + 3 competences, 2 mobility, 4 R&D, 3 Tartu = 15
    "vision-pilot",  # 3 computer vision, 4 R&D = 7, one competence match
    "city-app",  # 3 mobile apps, 2 mobility = 5, one competence match
    "members-vision",  # 3 computer vision = 3, one competence match (members-only is fine)
    "kind-and-city",  # 4 R&D, 3 Tartu = 7, no competence match
    "tartu-pilot",  # 3 Tartu = 3
    "alpha",  # 2 mobility, "Alfa" before "Beeta"
    "beta",  # 2 mobility
]


def fitting_slugs(fits):
    return [project.slug for project, _reasons in fits]


@pytest.mark.django_db
def test_fitting_projects_come_in_the_order_of_their_points(ut_vision, open_projects):
    assert fitting_slugs(projects_fitting([ut_vision], limit=20)) == FITTING_ORDER


@pytest.mark.django_db
def test_five_fitting_projects_by_default(ut_vision, open_projects):
    assert fitting_slugs(projects_fitting([ut_vision])) == FITTING_ORDER[:5]


@pytest.mark.django_db
def test_fitting_reasons_speak_to_the_organisation(ut_vision, open_projects):
    with translation.override("en"):
        reasons = dict(projects_fitting([ut_vision], limit=20))

    by_slug = {project.slug: text for project, text in reasons.items()}
    assert by_slug["bus-stops"] == [
        "needs your competences: computer vision, mobile apps",
        "focus area: smart and green mobility",
        "looking for partners of your kind: R&D institute or university",
        "pilot in Tartu, where you are based",
    ]
    assert by_slug["tartu-pilot"] == ["pilot in TARTU, where you are based"]


@pytest.mark.django_db
def test_fitting_projects_exclude_closed_joined_and_asked_projects(ut_vision, vision):
    def seeking_vision(slug, **fields):
        return project_seeking(slug, competences=[vision], **fields)

    seeking_vision("closed", is_open_for_joining=False)
    seeking_vision("completed", stage="completed")
    seeking_vision("cancelled", stage="cancelled")
    seeking_vision("search-ended", partner_search_ends_on=timezone.localdate() - timedelta(days=1))
    ParticipationFactory(project=seeking_vision("joined"), organisation=ut_vision)
    JoinRequestFactory(project=seeking_vision("asked"), organisation=ut_vision)
    JoinRequestFactory(project=seeking_vision("invited"), organisation=ut_vision, direction="invitation")
    JoinRequestFactory(
        project=seeking_vision("declined"),
        organisation=ut_vision,
        status=JoinRequest.Status.DECLINED,
        decided_at=timezone.now() - timedelta(days=5),
    )
    seeking_vision("search-ends-today", partner_search_ends_on=timezone.localdate())

    assert fitting_slugs(projects_fitting([ut_vision])) == ["search-ends-today"]


@pytest.mark.django_db
def test_inactive_organisations_get_no_fitting_projects(vision, open_projects):
    suspended = org("suspended-vision", kind="research", competences=[vision], suspended=True)
    applicant = org("applicant-vision", kind="research", competences=[vision], applicant=True)

    assert projects_fitting([suspended, applicant]) == []
    assert projects_fitting([]) == []


@pytest.mark.django_db
def test_fitting_counts_what_any_of_a_persons_organisations_offers(vision, apps, mobility):
    seeing = org("seeing", competences=[vision])
    building = org("building", kind="research", competences=[apps])
    project_seeking("both", competences=[vision, apps], kinds=["research"])

    with translation.override("en"):
        ((project, reasons),) = projects_fitting([seeing, building])

    assert project.slug == "both"
    assert reasons == [
        "needs your competences: computer vision, mobile apps",
        "looking for partners of your kind: R&D institute or university",
    ]


@pytest.mark.django_db
def test_fitting_projects_come_with_their_lead(ut_vision, vision, organisation):
    project_seeking("led", competences=[vision], lead=organisation)

    ((project, _reasons),) = projects_fitting([ut_vision])

    assert project.lead_participations[0].organisation == organisation


@pytest.mark.django_db
@pytest.mark.parametrize("count", [10, 200])
def test_fitting_runs_six_queries_at_any_size(ut_vision, vision, mobility, count, django_assert_num_queries):
    for number in range(count):
        project_seeking(f"project-{number}", competences=[vision], focus_areas=[mobility], kinds=["research"])

    # What the organisation offers (competences and focus areas in one query); the projects,
    # scored, ranked and cut in the database; their focus areas, sought kinds, sought
    # competences and leads.
    with django_assert_num_queries(6):
        fits = projects_fitting([ut_vision], limit=count)
        assert len(fits) == count
        assert all(project.lead_participations[0].organisation.name for project, _reasons in fits)
