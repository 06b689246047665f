"""A project names the funding call it targets: the form's choices, saving it, and the project's page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from members.models import FocusArea
from projects.models import Project
from tests.factories import CallFactory, ProjectFactory

pytestmark = pytest.mark.django_db

CREATE_URL = "/en/projects/new/"
EDIT_URL = "/en/projects/smart-bus-stops/edit/"


def in_days(count):
    return timezone.now() + timedelta(days=count)


def form_data(**changes):
    return {
        "title": "Smart street lights",
        "summary": "Lights that dim when nobody is around.",
        "focus_areas": [FocusArea.objects.get(slug="mobility").pk],
        "stage": "forming",
        "visibility": "public",
        "is_open_for_joining": "on",
        **changes,
    }


@pytest.fixture
def project(organisation):
    project = ProjectFactory(slug="smart-bus-stops", lead=organisation)
    project.focus_areas.set([FocusArea.objects.get(slug="mobility")])
    return project


def choice_slugs(response):
    return [call.slug for call in response.context["form"].fields["target_call"].queryset]


def test_form_offers_published_calls_not_closed_nearest_deadline_first(client, member):
    CallFactory(slug="later", deadline=in_days(60))
    CallFactory(slug="sooner", deadline=in_days(5))
    CallFactory(slug="rolling", rolling=True)
    CallFactory(slug="draft", draft=True)
    CallFactory(slug="closed", opens_at=in_days(-60), deadline=in_days(-1))
    client.force_login(member)

    response = client.get(CREATE_URL)

    assert choice_slugs(response) == ["sooner", "later", "rolling"]
    html = response.content.decode()
    assert "Funding call targeted" in html
    assert "(rolling intake)" in html


def test_member_starts_a_project_targeting_a_call(client, member, organisation):
    call = CallFactory()
    client.force_login(member)

    response = client.post(CREATE_URL, form_data(lead_organisation=organisation.pk, target_call=call.pk))

    assert response.status_code == 302
    assert Project.objects.get(title="Smart street lights").target_call == call


def test_lead_changes_and_clears_the_target_call(client, org_admin, project):
    call = CallFactory()
    client.force_login(org_admin)

    client.post(EDIT_URL, form_data(target_call=call.pk))
    assert Project.objects.get(pk=project.pk).target_call == call

    client.post(EDIT_URL, form_data(target_call=""))
    assert Project.objects.get(pk=project.pk).target_call is None


def test_a_closed_call_already_targeted_stays_a_choice(client, org_admin, project):
    closed = CallFactory(opens_at=in_days(-60), deadline=in_days(-1))
    Project.objects.filter(pk=project.pk).update(target_call=closed)
    client.force_login(org_admin)

    response = client.get(EDIT_URL)

    assert closed.slug in choice_slugs(response)
    assert "(closed)" in response.content.decode()
    assert client.post(EDIT_URL, form_data(target_call=closed.pk)).status_code == 302


@pytest.mark.parametrize("choice", ["draft", "closed", "junk"])
def test_a_draft_closed_or_junk_call_is_refused_next_to_the_field(client, org_admin, project, choice):
    calls = {
        "draft": lambda: CallFactory(draft=True).pk,
        "closed": lambda: CallFactory(opens_at=in_days(-60), deadline=in_days(-1)).pk,
        "junk": lambda: "not-a-number",
    }
    client.force_login(org_admin)

    response = client.post(EDIT_URL, form_data(target_call=calls[choice]()))

    assert response.status_code == 200
    assert response.context["form"].errors["target_call"]
    assert Project.objects.get(pk=project.pk).target_call is None


def test_project_page_links_to_its_target_call(client, project):
    call = CallFactory(title_en="Smart mobility pilots")
    Project.objects.filter(pk=project.pk).update(target_call=call)

    html = client.get("/en/projects/smart-bus-stops/").content.decode()

    assert f'<a href="/en/calls/{call.slug}/" lang="en">Smart mobility pilots</a>' in html


def test_project_page_does_not_link_to_a_draft_call(client, project):
    call = CallFactory(draft=True)
    Project.objects.filter(pk=project.pk).update(target_call=call)

    assert f"/en/calls/{call.slug}/" not in client.get("/en/projects/smart-bus-stops/").content.decode()
