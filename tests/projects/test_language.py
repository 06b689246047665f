"""A project's texts are marked with the language they are written in, on pages of either language."""

import re

import pytest
from django.utils import translation

from members.models import FocusArea
from projects.forms import ProjectForm
from projects.models import Project
from tests.factories import CallFactory, ProjectFactory

pytestmark = pytest.mark.django_db

TITLE = "Cross-border air quality data hub"
SUMMARY = "One open interface for air quality sensors in Helsinki, Tallinn and Tartu."


@pytest.fixture
def english_project(organisation):
    return ProjectFactory(
        slug="smart-bus-stops",
        title=TITLE,
        summary=SUMMARY,
        description="We are looking for a **city** that publishes the data.",
        language="en",
        lead=organisation,
    )


def form_data(**changes):
    data = {
        "title": "Smart street lights",
        "summary": "Light that comes on when someone comes.",
        "description": "",
        "language": "en",
        "focus_areas": [FocusArea.objects.get(slug="mobility").pk],
        "stage": "forming",
        "visibility": "public",
        "partner_search_ends_on": "",
    }
    data.update(changes)
    return data


def elements_in(html, language):
    """The text inside every element marked lang=`language` (tags removed)."""
    pattern = re.compile(rf'<(\w+)[^>]*\blang="{language}"[^>]*>(.*?)</\1>', re.DOTALL)
    return " ".join(re.sub(r"<[^>]+>", "", match.group(2)) for match in pattern.finditer(html))


def test_estonian_project_list_marks_an_english_cards_title_and_summary(client, english_project):
    html = client.get("/et/projects/").content.decode()

    marked = elements_in(html, "en")
    assert TITLE in marked
    assert SUMMARY in marked


def test_estonian_project_page_marks_the_english_title_summary_and_description(client, english_project):
    html = client.get("/et/projects/smart-bus-stops/").content.decode()

    marked = elements_in(html, "en")
    assert f'<h1 lang="en">{TITLE}</h1>' in html
    assert SUMMARY in marked
    assert "We are looking for a city that publishes the data." in marked


def test_estonian_project_is_marked_estonian_on_english_pages(client, organisation):
    ProjectFactory(slug="smart-bus-stops", title="Nutikad bussiootepaviljonid", lead=organisation)

    html = client.get("/en/projects/smart-bus-stops/").content.decode()

    assert '<h1 lang="et">Nutikad bussiootepaviljonid</h1>' in html


def test_form_saves_the_chosen_language(client, member, organisation):
    client.force_login(member)

    response = client.post("/et/projects/new/", form_data(lead_organisation=organisation.pk, language="en"))

    assert response.status_code == 302
    assert Project.objects.get(title="Smart street lights").language == "en"


def test_edit_changes_the_language(client, org_admin, english_project):
    english_project.focus_areas.set([FocusArea.objects.get(slug="mobility")])
    client.force_login(org_admin)

    response = client.post("/en/projects/smart-bus-stops/edit/", form_data(title=TITLE, language="et"))

    assert response.status_code == 302
    english_project.refresh_from_db()
    assert english_project.language == "et"


def test_new_project_defaults_to_the_language_of_the_page(member):
    with translation.override("en"):
        english_form = ProjectForm(user=member)
    with translation.override("et"):
        estonian_form = ProjectForm(user=member)

    assert english_form["language"].value() == "en"
    assert estonian_form["language"].value() == "et"


def test_new_project_started_on_english_pages_without_a_language_is_english(client, member, organisation):
    client.force_login(member)

    client.post("/en/projects/new/", form_data(lead_organisation=organisation.pk, language=""))

    assert Project.objects.get(title="Smart street lights").language == "en"


def test_an_edit_without_a_language_keeps_the_saved_one(client, org_admin, english_project):
    english_project.focus_areas.set([FocusArea.objects.get(slug="mobility")])
    client.force_login(org_admin)

    client.post("/et/projects/smart-bus-stops/edit/", form_data(title=TITLE, language=""))

    english_project.refresh_from_db()
    assert english_project.language == "en"


IN_ENGLISH = '<span class="text-language" lang="et">inglise keeles</span>'
IN_ESTONIAN = '<span class="text-language" lang="en">in Estonian</span>'


def test_english_project_list_and_page_label_an_estonian_project(client, organisation):
    ProjectFactory(slug="smart-bus-stops", title="Nutikad bussiootepaviljonid", lead=organisation)

    assert client.get("/en/projects/").content.decode().count(IN_ESTONIAN) == 1
    assert client.get("/en/projects/smart-bus-stops/").content.decode().count(IN_ESTONIAN) == 1


def test_estonian_project_list_and_page_label_an_english_project(client, english_project):
    assert client.get("/et/projects/").content.decode().count(IN_ENGLISH) == 1
    assert client.get("/et/projects/smart-bus-stops/").content.decode().count(IN_ENGLISH) == 1


def test_a_project_in_the_pages_language_is_not_labelled(client, english_project):
    for path in ["/en/projects/", "/en/projects/smart-bus-stops/"]:
        assert "text-language" not in client.get(path).content.decode(), path
    ProjectFactory(slug="nutikad-tanavad", title="Nutikad tänavad")

    assert "text-language" not in client.get("/et/projects/nutikad-tanavad/").content.decode()


def test_a_call_page_labels_its_projects_in_the_other_language(client, english_project):
    call = CallFactory(slug="smart-buses")
    english_project.target_call = call
    english_project.save()

    assert client.get("/et/calls/smart-buses/").content.decode().count(IN_ENGLISH) == 1
