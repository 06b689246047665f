"""Staff manage projects in the Django admin: every page opens, the actions run the services,
and the lists run a fixed number of queries."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from messaging.models import Notification
from projects.models import JoinRequest, ProjectUpdate
from projects.services import ProjectError
from projects.services.admin_actions import reopen_partner_search
from tests.factories import (
    JoinRequestFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
    project_notification,
)

PROJECTS = "/admin/projects/project/"
JOIN_REQUESTS = "/admin/projects/joinrequest/"
UPDATES = "/admin/projects/projectupdate/"
NOTIFICATIONS = "/admin/messaging/notification/"

CHANGELISTS = [
    PROJECTS,
    PROJECTS + "?stage__exact=forming&visibility__exact=public&is_open_for_joining__exact=1",
    PROJECTS + "?q=bus",
    JOIN_REQUESTS,
    JOIN_REQUESTS + "?status__exact=pending&direction__exact=invitation&proposed_role__exact=research",
    JOIN_REQUESTS + "?q=sensors",
    UPDATES,
    NOTIFICATIONS,
    NOTIFICATIONS + "?kind__exact=projects.request_received&is_read__exact=0",
]


@pytest.fixture
def english_admin(client):
    # The admin is not under a language prefix: it follows the browser, here English.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def admin_client(client, staff, english_admin):
    client.force_login(staff)
    return client


def run_action(client, action, projects, **data):
    return client.post(
        PROJECTS, {"action": action, "_selected_action": [project.pk for project in projects], "index": 0, **data}
    )


def confirm_action(client, action, projects, **data):
    return client.post(
        PROJECTS, {"action": action, "_selected_action": [project.pk for project in projects], "post": "yes", **data}
    )


def messages_of(response):
    return [str(message) for message in response.wsgi_request._messages]


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


@pytest.fixture
def rows(organisation, org_admin):
    def make(count):
        for number in range(count):
            project = ProjectFactory(title=f"Smart bus stops {number}", lead=organisation)
            ParticipationFactory(project=project)
            request = JoinRequestFactory(project=project)
            ProjectUpdate.objects.create(project=project, organisation=organisation, author=org_admin, body="News")
            project_notification(recipient=org_admin, kind="request_received", project=project, join_request=request)

    return make


# --- Pages -------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", CHANGELISTS)
def test_staff_with_two_factor_open_every_list(admin_client, rows, path):
    rows(2)

    assert admin_client.get(path).status_code == 200


@pytest.mark.django_db
def test_staff_open_each_object_page(admin_client, rows):
    rows(1)
    project = ProjectUpdate.objects.get().project
    pages = [
        f"{PROJECTS}add/",
        f"{PROJECTS}{project.pk}/change/",
        f"{JOIN_REQUESTS}{JoinRequest.objects.get().pk}/change/",
        f"{UPDATES}{ProjectUpdate.objects.get().pk}/change/",
        f"{NOTIFICATIONS}{Notification.objects.get().pk}/change/",
    ]

    for page in pages:
        assert admin_client.get(page).status_code == 200, page


@pytest.mark.django_db
def test_project_list_shows_the_lead(admin_client, organisation):
    ProjectFactory(title="Smart bus stops", lead=organisation)

    html = admin_client.get(PROJECTS).content.decode()

    assert "Smart bus stops" in html
    assert "Tartu Mobility Ltd" in html  # the English admin names organisations in English


@pytest.mark.django_db
def test_project_page_lists_participants_inline(admin_client, organisation):
    project = ProjectFactory(lead=organisation)
    ParticipationFactory(project=project, organisation=OrganisationFactory(name_en="University of Tartu"))

    html = admin_client.get(f"{PROJECTS}{project.pk}/change/").content.decode()

    assert "participations-TOTAL_FORMS" in html
    assert "University of Tartu" in html


@pytest.mark.django_db
def test_join_requests_and_notifications_are_read_only(admin_client, rows):
    rows(1)

    assert "Save" not in admin_client.get(f"{JOIN_REQUESTS}{JoinRequest.objects.get().pk}/change/").content.decode()
    assert admin_client.get(f"{JOIN_REQUESTS}add/").status_code == 403
    assert admin_client.get(f"{NOTIFICATIONS}add/").status_code == 403


@pytest.mark.django_db
def test_people_without_staff_status_cannot_open_the_admin(client, org_admin):
    client.force_login(org_admin)

    response = client.get(PROJECTS)

    assert response.status_code == 302
    assert "/admin/login/" in response.url


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "queries"),
    [(PROJECTS, 8), (JOIN_REQUESTS, 8), (UPDATES, 6), (NOTIFICATIONS, 7)],
)
@pytest.mark.parametrize("count", [10, 100])
def test_lists_run_a_fixed_number_of_queries(admin_client, rows, django_assert_num_queries, path, queries, count):
    rows(count)

    with django_assert_num_queries(queries):
        response = admin_client.get(path)

    assert response.status_code == 200


# --- Actions -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_close_for_joining_closes_the_selected_projects(admin_client, organisation):
    projects = [ProjectFactory(lead=organisation), ProjectFactory(lead=organisation)]
    untouched = ProjectFactory(lead=organisation)

    response = run_action(admin_client, "close_for_joining", projects)

    assert response.status_code == 302
    assert [fresh(project).is_open_for_joining for project in projects] == [False, False]
    assert fresh(untouched).is_open_for_joining
    assert "Closed 2 projects for joining." in messages_of(response)


@pytest.mark.django_db
def test_reopen_asks_for_an_optional_end_date_first(admin_client, organisation):
    project = ProjectFactory(lead=organisation, is_open_for_joining=False)

    response = run_action(admin_client, "reopen_for_joining", [project])

    assert response.status_code == 200
    assert "These projects will take requests to join again:" in response.content.decode()
    assert not fresh(project).is_open_for_joining


@pytest.mark.django_db
def test_reopen_without_a_date_opens_with_no_end(admin_client, organisation):
    project = ProjectFactory(
        lead=organisation, is_open_for_joining=False, partner_search_ends_on=timezone.localdate() - timedelta(days=3)
    )

    response = confirm_action(admin_client, "reopen_for_joining", [project], until="")

    project = fresh(project)
    assert (project.is_open_for_joining, project.partner_search_ends_on) == (True, None)
    assert "Reopened 1 project for joining." in messages_of(response)


@pytest.mark.django_db
def test_reopen_with_a_date_extends_the_search_until_then(admin_client, organisation):
    project = ProjectFactory(lead=organisation, is_open_for_joining=False)
    until = timezone.localdate() + timedelta(days=30)

    confirm_action(admin_client, "reopen_for_joining", [project], until=until.isoformat())

    project = fresh(project)
    assert (project.is_open_for_joining, project.partner_search_ends_on) == (True, until)


@pytest.mark.django_db
def test_reopen_with_a_past_date_shows_the_form_again(admin_client, organisation):
    project = ProjectFactory(lead=organisation, is_open_for_joining=False)

    response = confirm_action(
        admin_client, "reopen_for_joining", [project], until=(timezone.localdate() - timedelta(days=1)).isoformat()
    )

    assert response.status_code == 200
    assert "The partner search cannot end in the past." in response.content.decode()
    assert not fresh(project).is_open_for_joining


@pytest.mark.django_db
def test_reopen_names_each_project_it_could_not_reopen(admin_client, organisation):
    completed = ProjectFactory(title="Finished study", lead=organisation, stage="completed", is_open_for_joining=False)
    closed = ProjectFactory(lead=organisation, is_open_for_joining=False)

    response = confirm_action(admin_client, "reopen_for_joining", [completed, closed], until="")

    assert not fresh(completed).is_open_for_joining
    assert fresh(closed).is_open_for_joining
    assert messages_of(response) == [
        "Finished study: A completed or cancelled project cannot look for partners.",
        "Reopened 1 project for joining.",
    ]


# --- The reopening service ---------------------------------------------------------------------


@pytest.mark.django_db
def test_reopen_partner_search_opens_with_no_end_date(organisation, staff):
    project = ProjectFactory(lead=organisation, is_open_for_joining=False, partner_search_ends_on="2020-01-01")

    reopen_partner_search(project, actor=staff)

    project = fresh(project)
    assert project.accepts_requests
    assert project.partner_search_ends_on is None


@pytest.mark.django_db
def test_reopen_partner_search_refuses_a_search_already_open_with_no_end(organisation, staff):
    project = ProjectFactory(lead=organisation)

    with translation.override("en"), pytest.raises(ProjectError, match="already open"):
        reopen_partner_search(project, actor=staff)


@pytest.mark.django_db
@pytest.mark.parametrize("stage", ["completed", "cancelled"])
def test_reopen_partner_search_refuses_a_closed_project(organisation, staff, stage):
    project = ProjectFactory(lead=organisation, stage=stage, is_open_for_joining=False)

    with translation.override("en"), pytest.raises(ProjectError, match="completed or cancelled"):
        reopen_partner_search(project, actor=staff)

    assert not fresh(project).is_open_for_joining
