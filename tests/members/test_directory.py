import re
from datetime import timedelta

import pytest
from django.utils import timezone

from members.models import Competence, FocusArea, MembershipStatus, Organisation, OrganisationKind
from members.services import refresh_profile_staleness
from members.tasks import remind_profile_confirmation
from tests.factories import CompetenceFactory, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

URL = "/et/members/"


def listed_slugs(response):
    """The organisations on the page, in order, read from the cards' profile links."""
    return re.findall(r'<h3><a href="/\w\w/members/([\w-]+)/">', response.content.decode())


def a_year_and_a_day_ago():
    return timezone.now() - timedelta(days=366)


@pytest.fixture
def mobility():
    return FocusArea.objects.get(slug="mobility")


@pytest.fixture
def tourism():
    return FocusArea.objects.get(slug="tourism")


# --- Who is listed -----------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["visitor", "member", "staff"])
def test_only_active_members_are_listed(persona, persona_client, organisation):
    OrganisationFactory(slug="suspended-org", suspended=True)
    OrganisationFactory(slug="applicant-org", applicant=True)
    OrganisationFactory(slug="former-org", membership_status=MembershipStatus.FORMER)

    response = persona_client(persona).get(URL)

    assert response.status_code == 200
    assert listed_slugs(response) == ["tartu-mobility"]
    for slug in ["suspended-org", "applicant-org", "former-org"]:
        assert slug not in response.content.decode()


def test_suspending_an_organisation_takes_it_off_the_directory(client, organisation):
    assert listed_slugs(client.get(URL)) == ["tartu-mobility"]

    Organisation.objects.filter(pk=organisation.pk).update(membership_status=MembershipStatus.SUSPENDED)

    assert listed_slugs(client.get(URL)) == []


def test_visitors_see_no_names_or_addresses_of_people(client, member, org_admin, organisation):
    html = client.get(URL).content.decode()

    for person in [member, org_admin]:
        assert person.display_name not in html
        assert person.email not in html


def test_card_shows_the_profile_in_the_pages_language(client, mobility):
    data = CompetenceFactory(name_et="Andmeanalüüs", name_en="Data analytics", slug="data-analytics")
    proposal = CompetenceFactory(name_et="Salajane oskus", name_en="Secret skill", slug="secret", is_approved=False)
    OrganisationFactory(
        name_et="Linnalabor OÜ",
        name_en="City Lab Ltd",
        short_description_et="Katsetame lahendusi linnas.",
        short_description_en="We test solutions in the city.",
        city="Pärnu",
        country="FI",
        kind=OrganisationKind.RESEARCH,
        focus_areas=[mobility],
        competences=[data, proposal],
    )

    estonian = client.get("/et/members/").content.decode()
    english = client.get("/en/members/").content.decode()

    assert all(
        text in estonian for text in ["Linnalabor OÜ", "Katsetame lahendusi linnas.", "Pärnu, Soome", "Andmeanalüüs"]
    )
    assert "Nutikas ja roheline liikuvus" in estonian
    assert all(
        text in english
        for text in ["City Lab Ltd", "We test solutions in the city.", "Pärnu, Finland", "Data analytics"]
    )
    assert "Smart and green mobility" in english
    assert "R&amp;D institute or university" in english
    assert "Secret skill" not in english
    assert "Salajane oskus" not in estonian


def test_logo_is_decorative_next_to_the_name(client):
    OrganisationFactory(logo="logos/lab.png")

    html = client.get(URL).content.decode()

    assert re.search(r'<img class="directory-card__logo" src="/media/logos/lab.png" alt=""', html)


# --- Filters -------------------------------------------------------------------------------------


def test_filter_by_kind(client):
    OrganisationFactory(slug="a-company", kind=OrganisationKind.COMPANY)
    OrganisationFactory(slug="a-city", kind=OrganisationKind.PUBLIC)

    assert listed_slugs(client.get(URL, {"kind": "public"})) == ["a-city"]


def test_filter_by_focus_areas_lists_members_of_any_chosen_area_once(client, mobility, tourism):
    both = FocusArea.objects.get(slug="health-welfare")
    OrganisationFactory(name_et="A", slug="movers", focus_areas=[mobility])
    OrganisationFactory(name_et="B", slug="guides", focus_areas=[tourism])
    OrganisationFactory(name_et="C", slug="both", focus_areas=[mobility, tourism])
    OrganisationFactory(name_et="D", slug="carers", focus_areas=[both])

    assert listed_slugs(client.get(URL, {"focus_area": "mobility"})) == ["movers", "both"]
    assert listed_slugs(client.get(URL, {"focus_area": ["mobility", "tourism"]})) == ["movers", "guides", "both"]


def test_filter_by_competence(client):
    apps = CompetenceFactory(slug="mobile-apps")
    OrganisationFactory(slug="app-makers", competences=[apps, CompetenceFactory()])
    OrganisationFactory(slug="others", competences=[CompetenceFactory()])

    assert listed_slugs(client.get(URL, {"competence": "mobile-apps"})) == ["app-makers"]


def test_unapproved_competences_are_no_filter_choice(client):
    CompetenceFactory(slug="approved-one")
    CompetenceFactory(slug="proposed-one", is_approved=False)

    html = client.get(URL).content.decode()

    assert 'value="approved-one"' in html
    assert 'value="proposed-one"' not in html
    assert client.get(URL, {"competence": "proposed-one"}).context["form"].errors["competence"]


def test_filter_by_country_offers_the_countries_of_members(client):
    OrganisationFactory(slug="in-estonia", country="EE")
    OrganisationFactory(slug="in-finland", country="FI")

    response = client.get("/en/members/", {"country": "FI"})

    assert listed_slugs(response) == ["in-finland"]
    assert '<option value="FI" selected>Finland</option>' in response.content.decode()
    assert 'value="SE"' not in response.content.decode()


def test_city_filter_is_one_choice_for_every_spelling_and_matches_them_all(client):
    OrganisationFactory(name_et="A", slug="proper", city="Pärnu")
    OrganisationFactory(name_et="B", slug="shouting", city="PÄRNU")
    OrganisationFactory(name_et="C", slug="elsewhere", city="Tartu")

    response = client.get(URL, {"city": "pärnu"})

    assert listed_slugs(response) == ["proper", "shouting"]
    assert re.findall(r'<option value="pärnu"[^>]*>([^<]+)</option>', response.content.decode()) == ["Pärnu"]


@pytest.mark.parametrize("query", ["õhu", "ÕHU", "Õhu", "õHuSeIrE", "ÄRI", "äri"])
def test_text_search_matches_estonian_letters_in_any_case(client, query):
    OrganisationFactory(slug="air", name_et="Õhuseire AS", short_description_et="Mõõdame õhku.")
    OrganisationFactory(slug="business", name_et="Väike firma", description_et="ÄRIANALÜÜS kõigile.")
    OrganisationFactory(slug="unrelated", name_et="Teine OÜ", short_description_et="Teeme muud.")

    slugs = listed_slugs(client.get(URL, {"q": query}))

    expected = ["business"] if query.lower() == "äri" else ["air"]
    assert slugs == expected


def test_text_search_needs_every_word(client):
    OrganisationFactory(name_et="Tartu Andmed", slug="tartu-data", city="Tartu")
    OrganisationFactory(name_et="Tallinna Andmed", slug="tallinn-data", city="Tallinn")

    assert listed_slugs(client.get(URL, {"q": "andmed  TARTU"})) == ["tartu-data"]


def test_filters_combine(client, mobility):
    OrganisationFactory(name_et="A", slug="match", kind=OrganisationKind.PUBLIC, focus_areas=[mobility], city="Tartu")
    OrganisationFactory(name_et="B", slug="wrong-kind", kind=OrganisationKind.COMPANY, focus_areas=[mobility])
    OrganisationFactory(
        name_et="C", slug="wrong-city", kind=OrganisationKind.PUBLIC, focus_areas=[mobility], city="Narva"
    )

    response = client.get(URL, {"kind": "public", "focus_area": "mobility", "city": "tartu", "q": "a"})

    assert listed_slugs(response) == ["match"]


# --- Order ---------------------------------------------------------------------------------------


def test_sorted_by_name_in_the_pages_language_with_stale_profiles_last(client):
    OrganisationFactory(slug="stale-a", name_et="Aabits", name_en="Zebra", profile_confirmed_at=a_year_and_a_day_ago())
    OrganisationFactory(slug="fresh-b", name_et="beeta", name_en="Beta")
    OrganisationFactory(slug="fresh-c", name_et="Ceeder", name_en="")

    assert listed_slugs(client.get("/et/members/")) == ["fresh-b", "fresh-c", "stale-a"]
    # English falls back to the Estonian name where there is no English one.
    assert listed_slugs(client.get("/en/members/")) == ["fresh-b", "fresh-c", "stale-a"]


def test_a_never_confirmed_profile_goes_last_from_the_daily_refresh_after_its_first_year(client):
    old = OrganisationFactory(slug="old", name_et="Aaa", profile_confirmed_at=None)
    Organisation.objects.filter(pk=old.pk).update(created_at=a_year_and_a_day_ago())
    OrganisationFactory(slug="new", name_et="Bbb", profile_confirmed_at=None)

    remind_profile_confirmation.run()  # the daily task stores the staleness first

    assert listed_slugs(client.get(URL)) == ["new", "old"]


def test_saving_stores_whether_the_profile_is_stale():
    stale = OrganisationFactory(profile_confirmed_at=a_year_and_a_day_ago())
    fresh = OrganisationFactory()

    assert stale.profile_stale and not fresh.profile_stale
    stale.profile_confirmed_at = timezone.now()
    stale.save(update_fields=["profile_confirmed_at"])
    assert Organisation.objects.get(pk=stale.pk).profile_stale is False


def test_the_daily_refresh_stores_staleness_both_ways():
    crossed = OrganisationFactory()
    confirmed = OrganisationFactory(profile_confirmed_at=a_year_and_a_day_ago())
    Organisation.objects.filter(pk=crossed.pk).update(profile_confirmed_at=a_year_and_a_day_ago())
    Organisation.objects.filter(pk=confirmed.pk).update(profile_confirmed_at=timezone.now())

    assert refresh_profile_staleness() == 2
    assert Organisation.objects.get(pk=crossed.pk).profile_stale is True
    assert Organisation.objects.get(pk=confirmed.pk).profile_stale is False
    assert refresh_profile_staleness() == 0


@pytest.mark.parametrize("language", ["et", "en"])
def test_the_default_order_is_read_from_its_index_without_sorting(language):
    from django.db import connection
    from django.utils import translation

    OrganisationFactory.create_batch(3)
    with translation.override(language):
        sql, params = Organisation.objects.for_directory()[:20].query.sql_with_params()
    with connection.cursor() as cursor:
        # A few rows, whatever statistics earlier tests left: else a scan and a sort are cheaper.
        # With both off, the planner still sorts when no index gives the order.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert f"members_org_directory_{language}" in plan
    assert "Sort" not in plan


def test_newest_members_first_keeps_stale_profiles_last(client):
    today = timezone.localdate()
    OrganisationFactory(slug="newest-but-stale", member_since=today, profile_confirmed_at=a_year_and_a_day_ago())
    OrganisationFactory(slug="older", member_since=today - timedelta(days=400))
    OrganisationFactory(slug="newer", member_since=today - timedelta(days=10))

    assert listed_slugs(client.get(URL, {"o": "newest"})) == ["newer", "older", "newest-but-stale"]


def test_recently_updated_first(client):
    first = OrganisationFactory(slug="updated-long-ago")
    OrganisationFactory(slug="updated-now")
    Organisation.objects.filter(pk=first.pk).update(updated_at=timezone.now() - timedelta(days=30))

    assert listed_slugs(client.get(URL, {"o": "updated"})) == ["updated-now", "updated-long-ago"]


# --- Count, pagination, htmx, bad input ----------------------------------------------------------


def make_members(count, **kwargs):
    return [
        OrganisationFactory(name_et=f"Liige {number:03}", slug=f"member-{number:03}", **kwargs)
        for number in range(count)
    ]


def test_result_count_and_pages_of_twenty(client):
    make_members(25)

    first = client.get("/en/members/")
    second = client.get("/en/members/", {"page": 2})

    assert "25 organisations" in first.content.decode()
    assert len(listed_slugs(first)) == 20
    assert listed_slugs(second) == [f"member-{number:03}" for number in range(20, 25)]


def test_one_result_is_counted_in_the_singular(client, organisation):
    assert re.search(r"\b1 organisation\b(?!s)", client.get("/en/members/").content.decode())


def test_page_links_keep_the_filters(client):
    make_members(21, kind=OrganisationKind.PUBLIC)

    html = client.get(URL, {"kind": "public", "q": "liige", "o": "newest"}).content.decode()

    assert 'href="?kind=public&amp;q=liige&amp;o=newest&amp;page=2"' in html
    assert 'rel="next"' in html


def test_page_past_the_end_shows_the_last_page(client):
    make_members(21)

    response = client.get(URL, {"page": 999})

    assert response.status_code == 200
    assert listed_slugs(response) == ["member-020"]


def test_filter_form_is_a_get_form_that_htmx_enhances(client):
    html = client.get(URL).content.decode()

    assert '<form method="get" action="/et/members/"' in html
    assert 'hx-get="/et/members/" hx-target="#directory-results" hx-push-url="true"' in html
    assert '<button type="submit">' in html
    assert re.search(r'<p id="directory-count"[^>]*aria-live="polite"', html)


def test_htmx_request_gets_only_the_results_and_the_count(client, organisation):
    response = client.get(URL, {"q": "tartu"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "HX-Request" in response["Vary"]
    assert "<html" not in html
    assert "<form" not in html
    assert listed_slugs(response) == ["tartu-mobility"]
    assert '<span id="directory-count" hx-swap-oob="innerHTML">' in html


def test_full_page_also_varies_on_htmx(client):
    assert "HX-Request" in client.get(URL)["Vary"]


def test_htmx_history_restore_gets_the_whole_page(client):
    response = client.get(URL, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})

    assert "<html" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "kind=nonsense&page=999&o=bad",
        "focus_area=nowhere&focus_area=mobility",
        "competence=%00&country=XX&city=atlantis",
        "page=-1&page=abc",
        "q=" + "x" * 500,
        "o=&kind=&q=%E2%80%AE",
    ],
)
def test_junk_parameters_never_fail(client, organisation, query):
    response = client.get(f"{URL}?{query}")

    assert response.status_code == 200


def test_invalid_filter_is_explained_next_to_its_field_and_left_out(client, organisation):
    response = client.get(URL, {"kind": "nonsense", "q": "tartu"})

    html = response.content.decode()
    assert 'id="id_kind_errors"' in html
    assert 'aria-invalid="true"' in html
    assert 'class="error-summary"' in html
    assert listed_slugs(response) == ["tartu-mobility"]


# --- Queries -------------------------------------------------------------------------------------


def add_members_in_bulk(count):
    """`count` active members, each in 2 focus areas with 3 competences (bulk: the test stays fast)."""
    areas = list(FocusArea.objects.all()[:2])
    competences = [CompetenceFactory() for _ in range(3)]
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"Liige {number}",
                name_et=f"Liige {number}",
                slug=f"bulk-{number}",
                kind=OrganisationKind.COMPANY,
                city=f"Linn {number % 7}",
                search_text=f"liige {number} linn {number % 7}",
                membership_status=MembershipStatus.ACTIVE,
                profile_confirmed_at=timezone.now(),
            )
            for number in range(count)
        ]
    )
    Organisation.focus_areas.through.objects.bulk_create(
        [Organisation.focus_areas.through(organisation=o, focusarea=a) for o in organisations for a in areas]
    )
    Organisation.competences.through.objects.bulk_create(
        [Organisation.competences.through(organisation=o, competence=c) for o in organisations for c in competences]
    )


# Visitor: places, count, page, focus areas, competences, then the form's focus-area and
# competence choices. A signed-in member adds the session and the user.
VISITOR_QUERIES = 7
MEMBER_QUERIES = VISITOR_QUERIES + 3  # session, user, unread notifications
# Chosen focus areas and competence are looked up once each to validate them.
FILTERED_QUERIES = VISITOR_QUERIES + 2


@pytest.mark.parametrize("count", [10, 200])
def test_directory_runs_a_fixed_number_of_queries_for_visitors(count, assert_page_queries):
    add_members_in_bulk(count)

    response = assert_page_queries(URL, VISITOR_QUERIES)

    assert len(listed_slugs(response)) == min(count, 20)


@pytest.mark.parametrize("count", [10, 200])
def test_directory_runs_a_fixed_number_of_queries_for_members(count, client, member, assert_page_queries):
    add_members_in_bulk(count)
    client.force_login(member)

    assert_page_queries(f"{URL}?page=2&o=newest", MEMBER_QUERIES)


@pytest.mark.parametrize("count", [10, 200])
def test_filtered_directory_runs_a_fixed_number_of_queries(count, assert_page_queries):
    add_members_in_bulk(count)
    competence = Competence.objects.first()
    query = f"focus_area=ict-governance&focus_area=tourism&competence={competence.slug}&q=liige&city=linn+1"

    response = assert_page_queries(f"{URL}?{query}", FILTERED_QUERIES)

    assert response.context["page_obj"].paginator.count == len(range(1, count, 7))


@pytest.mark.parametrize("count", [10, 200])
def test_htmx_results_run_a_fixed_number_of_queries(count, client, django_assert_num_queries):
    add_members_in_bulk(count)

    # The form is not rendered, so its choices are not read.
    with django_assert_num_queries(VISITOR_QUERIES - 2):
        client.get(URL, headers={"HX-Request": "true"})


def test_an_organisation_with_several_people_is_listed_once(client, organisation):
    MembershipFactory.create_batch(3, organisation=organisation)

    response = client.get("/en/members/")

    assert listed_slugs(response) == ["tartu-mobility"]
    assert re.search(r"\b1 organisation\b(?!s)", response.content.decode())
