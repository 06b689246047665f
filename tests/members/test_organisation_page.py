import pytest
from django.utils import timezone

from members.models import ContactVisibility, FocusArea, MembershipStatus, Organisation, OrganisationKind, SizeBand
from tests.factories import (
    CompetenceFactory,
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

URL = "/et/members/tartu-mobility/"
HIDDEN_STATUSES = [MembershipStatus.SUSPENDED, MembershipStatus.APPLICANT, MembershipStatus.FORMER]


def set_status(organisation, status):
    Organisation.objects.filter(pk=organisation.pk).update(membership_status=status)


@pytest.fixture
def people(member, org_admin, organisation):
    """Two people of `organisation`: the member (the primary contact) and its admin."""
    organisation.memberships.filter(user=member).update(is_primary_contact=True, job_title="Andmeanalüütik")
    return [member, org_admin]


# --- What everyone sees --------------------------------------------------------------------------


def test_profile_shows_what_the_organisation_does(client):
    data = CompetenceFactory(name_et="Andmeanalüüs", name_en="Data analytics", slug="data-analytics")
    proposal = CompetenceFactory(name_et="Salajane oskus", slug="secret", is_approved=False)
    OrganisationFactory(
        slug="city-lab",
        name_et="Linnalabor OÜ",
        name_en="City Lab Ltd",
        kind=OrganisationKind.RESEARCH,
        city="Pärnu",
        country="FI",
        website="https://citylab.example/",
        founded_year=2015,
        size_band=SizeBand.SMALL,
        short_description_et="Katsetame lahendusi linnas.",
        description_et="Esimene lõik.\n\nTeine lõik.",
        focus_areas=[FocusArea.objects.get(slug="mobility")],
        competences=[data, proposal],
    )

    response = client.get("/et/members/city-lab/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Linnalabor OÜ</h1>" in html
    assert "Katsetame lahendusi linnas." in html
    assert "<p>Esimene lõik.</p>\n\n<p>Teine lõik.</p>" in html
    assert "Pärnu, Soome" in html
    assert 'href="https://citylab.example/"' in html
    assert "2015" in html
    assert "10–49" in html
    assert 'href="/et/members/?focus_area=mobility">Nutikas ja roheline liikuvus</a>' in html
    assert 'href="/et/members/?competence=data-analytics">Andmeanalüüs</a>' in html
    assert "Salajane oskus" not in html


def test_english_page_falls_back_to_the_estonian_text(client):
    OrganisationFactory(slug="only-estonian", name_et="Ainult Eesti OÜ", name_en="", description_et="Kirjeldus.")

    html = client.get("/en/members/only-estonian/").content.decode()

    assert "<h1>Ainult Eesti OÜ</h1>" in html
    assert "<p>Kirjeldus.</p>" in html


def test_description_is_shown_as_plain_text(client):
    OrganisationFactory(slug="sneaky", description_et='<script src="x.js"></script>Rida 1\nRida 2 & <b>paks</b>')

    html = client.get("/et/members/sneaky/").content.decode()

    assert '<script src="x.js">' not in html
    assert "<b>paks</b>" not in html
    assert "&lt;script src=&quot;x.js&quot;&gt;&lt;/script&gt;Rida 1<br>Rida 2 &amp; &lt;b&gt;paks&lt;/b&gt;" in html


def test_logo_is_shown_when_there_is_one(client):
    OrganisationFactory(slug="with-logo", logo="logos/with-logo.png")

    html = client.get("/et/members/with-logo/").content.decode()

    assert '<img class="org-header__logo" src="/media/logos/with-logo.png" alt=""' in html


def test_unknown_organisation_is_404(client, organisation):
    assert client.get("/et/members/no-such-organisation/").status_code == 404


# --- People --------------------------------------------------------------------------------------


def test_visitors_see_no_names_or_addresses_of_people(client, people):
    response = client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    for person in people:
        assert person.display_name not in html
        assert person.email not in html
    assert "Andmeanalüütik" not in html
    assert '/et/accounts/login/?next=/et/members/tartu-mobility/">' in html


@pytest.mark.parametrize("persona", ["member", "other_member", "staff"])
def test_cluster_members_and_staff_see_the_people(persona, persona_client, people):
    html = persona_client(persona).get("/en/members/tartu-mobility/").content.decode()

    for person in people:
        assert person.display_name in html
        assert f'<a href="mailto:{person.email}">' in html
    assert "Andmeanalüütik" in html
    # The primary contact comes first, marked as such.
    primary_contact, admin = html.index("Mari Member"), html.index("Olev Orgadmin")
    assert primary_contact < admin
    assert "Primary contact" in html[primary_contact:admin]
    assert "Primary contact" not in html[admin:]


def test_signed_in_person_outside_the_cluster_sees_no_people(client, people):
    client.force_login(UserFactory(display_name="Võõras"))

    html = client.get(URL).content.decode()

    for person in people:
        assert person.display_name not in html
        assert person.email not in html


def test_people_of_a_suspended_member_see_no_people_of_others(client, people, other_organisation, other_member):
    set_status(other_organisation, MembershipStatus.SUSPENDED)
    client.force_login(other_member)

    html = client.get(URL).content.decode()

    assert "Mari Member" not in html


def test_deactivated_people_are_not_listed(client, people, member, other_member):
    member.is_active = False
    member.save(update_fields=["is_active"])
    client.force_login(other_member)

    html = client.get(URL).content.decode()

    assert "Mari Member" not in html
    assert "Olev Orgadmin" in html


# --- Contact -------------------------------------------------------------------------------------


def test_members_only_contact_is_hidden_from_visitors(client, organisation):
    html = client.get(URL).content.decode()

    assert organisation.contact_email not in html


@pytest.mark.parametrize("persona", ["member", "other_member", "staff"])
def test_members_only_contact_is_shown_to_cluster_members(persona, persona_client, organisation):
    html = persona_client(persona).get(URL).content.decode()

    assert f'<a href="mailto:{organisation.contact_email}">' in html


def test_public_contact_is_shown_to_visitors(client, organisation):
    Organisation.objects.filter(pk=organisation.pk).update(contact_visibility=ContactVisibility.PUBLIC)

    html = client.get(URL).content.decode()

    assert f'<a href="mailto:{organisation.contact_email}">' in html


# --- Organisations that are not active members ---------------------------------------------------


@pytest.mark.parametrize("status", HIDDEN_STATUSES)
@pytest.mark.parametrize("persona", ["visitor", "other_member"])
def test_inactive_organisation_is_404_to_outsiders(status, persona, persona_client, organisation):
    client = persona_client(persona)
    set_status(organisation, status)

    assert client.get(URL).status_code == 404


@pytest.mark.parametrize("status", HIDDEN_STATUSES)
@pytest.mark.parametrize("persona", ["member", "org_admin", "staff"])
def test_inactive_organisation_is_shown_to_its_people_and_staff_with_its_status(
    status, persona, persona_client, organisation
):
    client = persona_client(persona)
    set_status(organisation, status)

    response = client.get("/en/members/tartu-mobility/")

    assert response.status_code == 200
    assert f"Membership status: {MembershipStatus(status).label}." in response.content.decode()


def test_active_organisation_has_no_status_note(client, organisation):
    assert "Membership status" not in client.get("/en/members/tartu-mobility/").content.decode()


# --- Links for those who may change it -----------------------------------------------------------


@pytest.mark.parametrize("persona", ["org_admin", "staff"])
def test_editors_get_links_to_edit_the_profile_and_its_people(persona, persona_client, organisation):
    html = persona_client(persona).get(URL).content.decode()

    assert 'href="/et/members/tartu-mobility/edit/"' in html
    assert 'href="/et/members/tartu-mobility/people/"' in html


def test_staff_get_a_link_to_the_administration(client, staff, organisation):
    client.force_login(staff)

    html = client.get(URL).content.decode()

    assert f'href="/admin/members/organisation/{organisation.pk}/change/"' in html


def test_organisation_admins_get_no_link_to_the_administration(client, org_admin):
    client.force_login(org_admin)

    assert "/admin/" not in client.get(URL).content.decode()


@pytest.mark.parametrize("persona", ["visitor", "member", "other_member"])
def test_others_get_no_edit_links(persona, persona_client, organisation):
    html = persona_client(persona).get(URL).content.decode()

    assert "/edit/" not in html
    assert "/people/" not in html
    assert "/admin/" not in html


def test_stale_profile_says_so(client, organisation):
    Organisation.objects.filter(pk=organisation.pk).update(profile_confirmed_at=timezone.now().replace(year=2020))

    html = client.get("/en/members/tartu-mobility/").content.decode()

    assert "not been confirmed as current for over a year" in html


# --- Queries -------------------------------------------------------------------------------------


def add_people(organisation, count):
    for number in range(count):
        MembershipFactory(organisation=organisation, user__display_name=f"Inimene {number}", user__verified_email=False)


def add_tags(organisation):
    organisation.focus_areas.set(FocusArea.objects.all()[:3])
    organisation.competences.set(CompetenceFactory.create_batch(4))


def add_projects(organisation, count):
    """`count` projects the organisation leads and `count` it takes part in."""
    for number in range(count):
        ProjectFactory(lead=organisation, title=f"Juhitav {number}")
        ParticipationFactory(organisation=organisation, project__title=f"Osaleb {number}")


# Organisation, its focus areas, its competences, and its projects.
VISITOR_QUERIES = 4
# Session, user, the people, three times "in the cluster?" (people, contact, which projects to
# list), twice the viewer's role (get_organisation_for, can_edit_organisation), and the
# header's unread notification count.
MEMBER_QUERIES = VISITOR_QUERIES + 9


@pytest.mark.parametrize("count", [5, 50])
def test_profile_runs_a_fixed_number_of_queries_for_visitors(count, organisation, assert_page_queries):
    add_people(organisation, count)
    add_tags(organisation)
    add_projects(organisation, count)

    response = assert_page_queries(URL, VISITOR_QUERIES)

    assert response.content.decode().count("Juhitav ") == count


@pytest.mark.parametrize("count", [5, 50])
def test_profile_runs_a_fixed_number_of_queries_for_members(
    count, client, organisation, other_member, assert_page_queries
):
    add_people(organisation, count)
    add_tags(organisation)
    add_projects(organisation, count)
    client.force_login(other_member)

    response = assert_page_queries(URL, MEMBER_QUERIES)

    assert response.content.decode().count("Inimene ") == count
    assert response.content.decode().count("Osaleb ") == count
