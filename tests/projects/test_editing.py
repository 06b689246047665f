"""Starting and editing a project, closing or extending its partner search, and posting updates."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from members.models import FocusArea, MembershipStatus, Organisation
from projects.models import Participation, Project, ProjectUpdate, SoughtKind
from tests.factories import CompetenceFactory, MembershipFactory, OrganisationFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

CREATE_URL = "/en/projects/new/"
EDIT_URL = "/en/projects/smart-bus-stops/edit/"
SEARCH_URL = "/en/projects/smart-bus-stops/partner-search/"
UPDATE_URL = "/en/projects/smart-bus-stops/updates/new/"


def days(count):
    return timezone.localdate() + timedelta(days=count)


@pytest.fixture
def mobility():
    return FocusArea.objects.get(slug="mobility")


@pytest.fixture
def project(organisation, mobility):
    project = ProjectFactory(
        slug="smart-bus-stops", title="Smart bus stops", lead=organisation, partner_search_ends_on=days(20)
    )
    project.focus_areas.set([mobility])
    SoughtKind.objects.create(project=project, kind="research")
    return project


def form_data(**changes):
    """A complete, valid POST of the project form."""
    data = {
        "title": "Nutikad tänavavalgustid",
        "summary": "Valgus, mis süttib siis, kui keegi tuleb.",
        "description": "Me katsetame **andureid**.",
        "focus_areas": [FocusArea.objects.get(slug="mobility").pk],
        "stage": "forming",
        "visibility": "public",
        "starts_on": "",
        "ends_on": "",
        "budget_eur": "",
        "sought_kinds": [],
        "sought_competences": [],
        "pilot_city": "",
        "pilot_site": "",
        "is_open_for_joining": "on",
        "partner_search_ends_on": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def errors_of(response, field):
    return response.context["form"].errors.get(field, [])


# --- Starting a project --------------------------------------------------------------------------


def test_visitor_is_sent_to_sign_in(client):
    response = client.get(CREATE_URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_person_without_a_member_organisation_is_told_how_to_get_one(client):
    client.force_login(UserFactory())

    response = client.get(CREATE_URL)

    assert response.status_code == 403
    html = response.content.decode()
    assert "does not belong to an active member organisation" in html
    assert 'href="/en/join/"' in html
    assert "<form" not in html.split("<main", 1)[1]


def test_people_of_a_suspended_organisation_cannot_start_projects(client, organisation, member):
    Organisation.objects.filter(pk=organisation.pk).update(membership_status=MembershipStatus.SUSPENDED)
    client.force_login(member)

    assert client.get(CREATE_URL).status_code == 403
    assert client.post(CREATE_URL, form_data(lead_organisation=organisation.pk)).status_code == 403
    assert not Project.objects.exists()


def test_form_explains_markdown_and_offers_the_persons_organisations_only(client, member, organisation):
    OrganisationFactory(slug="someone-else")
    client.force_login(member)

    response = client.get(CREATE_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Markdown" in html
    assert list(response.context["form"].fields["lead_organisation"].queryset) == [organisation]


@pytest.mark.parametrize("persona", ["member", "org_admin"])
def test_member_starts_a_project_led_by_their_organisation(persona, persona_client, organisation):
    vision = CompetenceFactory(slug="computer-vision")
    data = form_data(
        lead_organisation=organisation.pk,
        sought_kinds=["research", "public"],
        sought_competences=[vision.pk],
        starts_on="2027-01-01",
        ends_on="2027-12-31",
        budget_eur="120000",
        pilot_city="Tartu",
        needs_test_users="on",
        partner_search_ends_on=days(30).isoformat(),
    )

    response = persona_client(persona).post(CREATE_URL, data)

    project = Project.objects.get()
    assert response.status_code == 302
    assert response["Location"] == project.get_absolute_url()
    assert project.title == "Nutikad tänavavalgustid"
    assert project.participations.get(role="lead").organisation == organisation
    assert list(project.focus_areas.values_list("slug", flat=True)) == ["mobility"]
    assert sorted(project.sought_kinds.values_list("kind", flat=True)) == ["public", "research"]
    assert list(project.sought_competences.all()) == [vision]
    assert project.budget_eur == 120000
    assert project.needs_test_users is True
    assert project.is_open_for_joining is True
    assert project.partner_search_ends_on == days(30)


def test_staff_start_a_project_for_any_active_member_organisation(client, staff, organisation, other_organisation):
    suspended = OrganisationFactory(slug="suspended-org", suspended=True)
    client.force_login(staff)

    choices = client.get(CREATE_URL).context["form"].fields["lead_organisation"].queryset
    refused = client.post(CREATE_URL, form_data(lead_organisation=suspended.pk))
    response = client.post(CREATE_URL, form_data(lead_organisation=other_organisation.pk))

    assert set(choices) == {organisation, other_organisation}
    assert errors_of(refused, "lead_organisation")
    assert response.status_code == 302
    assert Project.objects.get().participations.get().organisation == other_organisation


def test_new_project_page_follows(client, member, organisation):
    client.force_login(member)

    response = client.post(CREATE_URL, form_data(lead_organisation=organisation.pk), follow=True)

    html = response.content.decode()
    assert '<h1 lang="en">Nutikad tänavavalgustid</h1>' in html
    assert "was created" in html
    assert "<strong>andureid</strong>" in html


def test_lead_must_be_an_organisation_the_person_acts_for(client, member, other_organisation):
    client.force_login(member)

    response = client.post(CREATE_URL, form_data(lead_organisation=other_organisation.pk))

    assert response.status_code == 200
    assert errors_of(response, "lead_organisation")
    assert not Project.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "This field is required."),
        ({"summary": ""}, "summary", "This field is required."),
        ({"focus_areas": []}, "focus_areas", "This field is required."),
        ({"starts_on": "2027-05-01", "ends_on": "2027-04-30"}, "ends_on", "The project cannot end before it starts."),
        ({"budget_eur": "-1"}, "budget_eur", "greater than or equal to 0"),
        ({"budget_eur": "12.5"}, "budget_eur", "no more than 0 decimal places"),
        ({"starts_on": "31.02.2027"}, "starts_on", "Enter a valid date."),
        ({"partner_search_ends_on": "2020-01-01"}, "partner_search_ends_on", "cannot end in the past"),
        ({"stage": "completed"}, "is_open_for_joining", "cannot be open for joining"),
        ({"sought_kinds": ["spaceship"]}, "sought_kinds", "Select a valid choice."),
    ],
)
def test_bad_input_is_explained_next_to_the_field_and_kept(changes, field, message, client, member, organisation):
    client.force_login(member)

    response = client.post(CREATE_URL, form_data(lead_organisation=organisation.pk, **changes))

    assert response.status_code == 200
    assert any(message in error for error in errors_of(response, field))
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert f'id="id_{field}_errors"' in html
    assert "Valgus, mis süttib siis, kui keegi tuleb." in html or field == "summary"
    assert not Project.objects.exists()


def test_past_partner_search_end_is_fine_when_the_project_is_not_open(client, member, organisation):
    client.force_login(member)

    response = client.post(
        CREATE_URL,
        form_data(lead_organisation=organisation.pk, is_open_for_joining=None, partner_search_ends_on="2020-01-01"),
    )

    assert response.status_code == 302
    assert Project.objects.get().is_open_for_joining is False


def test_unapproved_competences_cannot_be_sought(client, member, organisation):
    proposal = CompetenceFactory(slug="proposal", is_approved=False)
    client.force_login(member)

    response = client.post(CREATE_URL, form_data(lead_organisation=organisation.pk, sought_competences=[proposal.pk]))

    assert errors_of(response, "sought_competences")


def test_a_title_like_a_reserved_address_gets_another_one(client, member, organisation):
    client.force_login(member)

    client.post(CREATE_URL, form_data(lead_organisation=organisation.pk, title="New"))

    assert Project.objects.get().slug not in {"new", "mine", "notifications", "requests"}


# --- Editing -------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["org_admin", "staff"])
def test_lead_admins_and_staff_edit_the_project(persona, persona_client, project):
    tourism = FocusArea.objects.get(slug="tourism")
    client = persona_client(persona)
    data = form_data(
        title="Smart bus stops 2",
        focus_areas=[tourism.pk],
        sought_kinds=["company"],
        stage="running",
        visibility="members",
        budget_eur="5000",
    )

    response = client.post(EDIT_URL, data)

    project.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == "/en/projects/smart-bus-stops/"
    assert project.title == "Smart bus stops 2"
    assert project.slug == "smart-bus-stops"
    assert list(project.focus_areas.all()) == [tourism]
    assert list(project.sought_kinds.values_list("kind", flat=True)) == ["company"]
    assert project.stage == "running"
    assert project.visibility == "members"


def test_edit_form_shows_the_project_as_saved(client, org_admin, project):
    client.force_login(org_admin)

    response = client.get(EDIT_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Smart bus stops"' in html
    assert re.search(r'<input type="checkbox" name="sought_kinds" value="research" [^>]*checked>', html)
    assert not re.search(r'<input type="checkbox" name="sought_kinds" value="company" [^>]*checked>', html)
    assert "lead_organisation" not in response.context["form"].fields


def test_rejected_edit_keeps_the_input_but_the_heading_shows_the_saved_title(client, org_admin, project):
    client.force_login(org_admin)

    response = client.post(EDIT_URL, form_data(title="Renamed", budget_eur="-5"))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Renamed"' in html
    assert "<h1>Edit “Smart bus stops”</h1>" in html
    project.refresh_from_db()
    assert project.title == "Smart bus stops"


def test_competence_no_longer_approved_stays_choosable_on_a_project_that_seeks_it(client, org_admin, project):
    withdrawn = CompetenceFactory(slug="withdrawn", is_approved=False)
    project.sought_competences.set([withdrawn])
    client.force_login(org_admin)

    response = client.post(EDIT_URL, form_data(sought_competences=[withdrawn.pk]))

    assert response.status_code == 302
    assert list(project.sought_competences.all()) == [withdrawn]


@pytest.mark.parametrize("persona", ["member", "other_member"])
def test_others_may_not_edit(persona, persona_client, project):
    client = persona_client(persona)

    assert client.get(EDIT_URL).status_code == 403
    assert client.post(EDIT_URL, form_data(title="Hijacked")).status_code == 403
    project.refresh_from_db()
    assert project.title == "Smart bus stops"


def test_partner_admin_may_not_edit(client, project):
    admin = MembershipFactory(organisation=OrganisationFactory(), admin=True).user
    Participation.objects.create(project=project, organisation=admin.memberships.get().organisation)
    client.force_login(admin)

    assert client.get(EDIT_URL).status_code == 403


def test_visitor_editing_is_sent_to_sign_in(client, project):
    assert client.get(EDIT_URL).status_code == 302
    assert client.post(EDIT_URL, form_data()).status_code == 302


def test_members_only_project_is_404_to_outsiders_everywhere(client, project):
    Project.objects.filter(pk=project.pk).update(visibility="members")
    client.force_login(UserFactory())

    for url in [EDIT_URL, UPDATE_URL]:
        assert client.get(url).status_code == 404
    assert client.post(SEARCH_URL, {"action": "close"}).status_code == 404


def test_unknown_project_edit_is_404(client, org_admin):
    client.force_login(org_admin)

    assert client.get("/en/projects/nothing-here/edit/").status_code == 404


# --- Partner search ------------------------------------------------------------------------------


def test_lead_admin_closes_the_partner_search(client, org_admin, project):
    client.force_login(org_admin)

    response = client.post(SEARCH_URL, {"action": "close"}, follow=True)

    project.refresh_from_db()
    assert project.is_open_for_joining is False
    assert "The partner search is closed." in response.content.decode()
    assert response.redirect_chain == [("/en/projects/smart-bus-stops/", 302)]


def test_lead_admin_extends_the_partner_search(client, org_admin, project):
    client.force_login(org_admin)
    until = days(60)

    response = client.post(SEARCH_URL, {"action": "extend", "until": until.isoformat()})

    project.refresh_from_db()
    assert response.status_code == 302
    assert project.partner_search_ends_on == until
    assert project.is_open_for_joining is True


def test_extending_a_closed_search_opens_it_again(client, org_admin, project):
    Project.objects.filter(pk=project.pk).update(is_open_for_joining=False)
    client.force_login(org_admin)

    client.post(SEARCH_URL, {"action": "extend", "until": days(5).isoformat()})

    project.refresh_from_db()
    assert project.is_open_for_joining is True
    assert project.partner_search_ends_on == days(5)


@pytest.mark.parametrize(
    ("until", "message"),
    [
        ("", "Choose the day the partner search ends."),
        ("2020-01-01", "Choose today or a later day."),
        ("soon", "Enter a valid date."),
    ],
)
def test_bad_extension_date_is_explained_on_the_project_page(until, message, client, org_admin, project):
    client.force_login(org_admin)

    response = client.post(SEARCH_URL, {"action": "extend", "until": until})

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'id="id_until_errors"' in html
    assert '<h1 lang="et">Smart bus stops</h1>' in html
    project.refresh_from_db()
    assert project.partner_search_ends_on == days(20)


def test_extending_a_completed_project_is_refused_with_the_services_message(client, org_admin, project):
    Project.objects.filter(pk=project.pk).update(stage="completed", is_open_for_joining=False)
    client.force_login(org_admin)

    response = client.post(SEARCH_URL, {"action": "extend", "until": days(5).isoformat()})

    assert response.status_code == 200
    assert "does not look for partners" in response.content.decode()
    project.refresh_from_db()
    assert project.is_open_for_joining is False


def test_unknown_partner_search_action_is_a_bad_request(client, org_admin, project):
    client.force_login(org_admin)

    assert client.post(SEARCH_URL, {"action": "explode"}).status_code == 400


def test_partner_search_takes_posts_only(client, org_admin, project):
    client.force_login(org_admin)

    assert client.get(SEARCH_URL).status_code == 405


@pytest.mark.parametrize("persona", ["member", "other_member"])
def test_others_may_not_change_the_partner_search(persona, persona_client, project):
    response = persona_client(persona).post(SEARCH_URL, {"action": "close"})

    assert response.status_code == 403
    project.refresh_from_db()
    assert project.is_open_for_joining is True


# --- Updates -------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["member", "org_admin"])
def test_people_of_participants_post_updates(persona, persona_client, project, organisation):
    client = persona_client(persona)

    assert client.get(UPDATE_URL).status_code == 200
    response = client.post(UPDATE_URL, {"body": "Paigaldasime **kolm** andurit."})

    update = ProjectUpdate.objects.get()
    assert response.status_code == 302
    assert response["Location"] == "/en/projects/smart-bus-stops/#project-updates"
    assert update.body == "Paigaldasime **kolm** andurit."
    assert update.organisation == organisation


def test_posted_update_shows_on_the_project_page(client, member, project):
    client.force_login(member)

    response = client.post(UPDATE_URL, {"body": "Paigaldasime **kolm** andurit."}, follow=True)

    html = response.content.decode()
    assert "Your update was posted." in html
    assert "Paigaldasime <strong>kolm</strong> andurit." in html


def test_empty_update_is_refused_next_to_the_field(client, member, project):
    client.force_login(member)

    response = client.post(UPDATE_URL, {"body": "   "})

    assert response.status_code == 200
    assert errors_of(response, "body")
    assert 'id="id_body_errors"' in response.content.decode()
    assert not ProjectUpdate.objects.exists()


def test_update_form_explains_markdown(client, member, project):
    client.force_login(member)

    assert "Markdown" in client.get(UPDATE_URL).content.decode()


def test_people_outside_the_project_may_not_post_updates(client, other_member, project):
    client.force_login(other_member)

    assert client.get(UPDATE_URL).status_code == 403
    assert client.post(UPDATE_URL, {"body": "Spam"}).status_code == 403
    assert not ProjectUpdate.objects.exists()


def test_visitor_posting_an_update_is_sent_to_sign_in(client, project):
    assert client.post(UPDATE_URL, {"body": "Spam"}).status_code == 302
    assert not ProjectUpdate.objects.exists()
