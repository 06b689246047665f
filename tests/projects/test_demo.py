"""seed_demo adds projects in every stage, with partners, requests, invitations and updates."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation

from members.models import Organisation, Role, User
from messaging.models import Notification, OutboxEmail
from projects import demo
from projects.models import (
    JoinRequest,
    NotificationKind,
    ParticipantRole,
    Participation,
    Project,
    ProjectUpdate,
    SoughtKind,
    Stage,
    Visibility,
)
from projects.recommendations import suggest_partners


def seed(*args):
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def counts():
    return {
        model.__name__: model.objects.count()
        for model in [
            Project,
            Participation,
            Participation.contact_people.through,
            JoinRequest,
            ProjectUpdate,
            SoughtKind,
            Project.focus_areas.through,
            Project.sought_competences.through,
        ]
    }


@pytest.mark.django_db
def test_demo_has_a_dozen_projects_in_every_stage_and_both_visibilities():
    output = seed()

    assert Project.objects.count() == len(demo.PROJECTS) == 12
    assert set(Project.objects.values_list("stage", flat=True)) == set(Stage.values)
    assert set(Project.objects.values_list("visibility", flat=True)) == set(Visibility.values)
    assert "Projects: 12 projects" in output


@pytest.mark.django_db
def test_every_demo_project_has_exactly_one_lead_and_a_markdown_description():
    seed()

    for project in Project.objects.all():
        assert project.participations.filter(role=ParticipantRole.LEAD).count() == 1, project.slug
        assert project.description, project.slug
    assert Project.objects.filter(description__contains="**").count() >= 6


@pytest.mark.django_db
def test_demo_has_partners_pending_and_decided_requests_and_invitations_and_updates():
    seed()

    assert Participation.objects.exclude(role=ParticipantRole.LEAD).count() >= 10
    pairs = set(JoinRequest.objects.values_list("direction", "status"))
    assert (JoinRequest.Direction.REQUEST, JoinRequest.Status.PENDING) in pairs
    assert (JoinRequest.Direction.INVITATION, JoinRequest.Status.PENDING) in pairs
    assert (JoinRequest.Direction.REQUEST, JoinRequest.Status.DECLINED) in pairs
    assert (JoinRequest.Direction.INVITATION, JoinRequest.Status.DECLINED) in pairs
    assert (JoinRequest.Direction.REQUEST, JoinRequest.Status.ACCEPTED) in pairs
    assert JoinRequest.objects.filter(status=JoinRequest.Status.WITHDRAWN).exists()
    assert not JoinRequest.objects.exclude(status=JoinRequest.Status.PENDING).filter(decided_at__isnull=True).exists()
    assert ProjectUpdate.objects.count() >= 10


@pytest.mark.django_db
def test_everyone_with_a_request_or_invitation_to_answer_finds_it_in_the_inbox_too():
    seed()

    for person in User.objects.filter(memberships__role=Role.ADMIN).distinct():
        waiting = set(JoinRequest.objects.waiting_for(person).values_list("pk", flat=True))
        in_inbox = {
            params["join_request"]
            for params in Notification.objects.filter(recipient=person).values_list("params", flat=True)
            if params.get("join_request") in waiting
        }
        assert in_inbox == waiting, person.email
    assert Notification.objects.filter(kind=f"projects.{NotificationKind.REQUEST_RECEIVED}").exists()
    assert Notification.objects.filter(kind=f"projects.{NotificationKind.INVITATION_RECEIVED}").exists()


@pytest.mark.django_db
def test_seeding_twice_adds_no_second_inbox_row():
    seed()
    count = Notification.objects.count()

    seed()

    assert Notification.objects.count() == count


@pytest.mark.django_db
def test_accepted_requests_match_participants():
    seed()

    for request in JoinRequest.objects.filter(status=JoinRequest.Status.ACCEPTED):
        assert Participation.objects.filter(project=request.project, organisation=request.organisation).exists()


@pytest.mark.django_db
def test_maris_company_leads_a_forming_project_looking_for_computer_vision_research():
    seed()
    project = Project.objects.led_by(Organisation.objects.get(slug="tartu-mobility")).get(stage=Stage.FORMING)

    assert project.accepts_requests
    assert "research" in project.sought_kinds.values_list("kind", flat=True)
    assert "computer-vision" in project.sought_competences.values_list("slug", flat=True)
    suggestions = suggest_partners(project)
    assert suggestions
    # A sought competence ranks first (see the bus-shelter test below); a research partner is still suggested.
    assert "research" in {suggestion.organisation.kind for suggestion in suggestions}


@pytest.mark.django_db
def test_the_bus_shelter_projects_top_suggestion_has_a_sought_competence_and_says_which():
    seed()
    project = Project.objects.get(slug="nutikad-bussiootepaviljonid")
    sought = set(project.sought_competences.all())

    with translation.override("en"):
        top = suggest_partners(project)[0]

    matching = sought & set(top.organisation.competences.all())
    assert matching
    assert top.reasons[0].startswith("matches: ")
    for competence in matching:
        assert competence.name_en.lower() in top.reasons[0].lower()


@pytest.mark.django_db
def test_seeding_projects_sends_no_email():
    seed()
    before = OutboxEmail.objects.count()

    demo.seed_projects()

    assert OutboxEmail.objects.count() == before


@pytest.mark.django_db
def test_second_run_changes_no_count_and_no_project():
    seed()
    first = counts()
    updated = set(Project.objects.values_list("slug", "updated_at", "partner_search_ends_on"))

    seed()

    assert counts() == first
    assert set(Project.objects.values_list("slug", "updated_at", "partner_search_ends_on")) == updated


@pytest.mark.django_db
def test_second_run_puts_back_a_changed_project_and_keeps_answered_requests():
    seed()
    project = Project.objects.get(slug="nutikad-bussiootepaviljonid")
    Project.objects.filter(pk=project.pk).update(title="Muudetud", is_open_for_joining=False)
    JoinRequest.objects.filter(project=project, status=JoinRequest.Status.PENDING).update(
        status=JoinRequest.Status.WITHDRAWN
    )
    requests = JoinRequest.objects.count()

    seed()

    project.refresh_from_db()
    assert (project.title, project.is_open_for_joining) == ("Nutikad bussiootepaviljonid", True)
    assert JoinRequest.objects.count() == requests


@pytest.mark.django_db
def test_scale_two_adds_twelve_generated_projects_once():
    seed()
    before = Project.objects.count()

    seed("--scale", "2")
    after_first = counts()
    seed("--scale", "2")

    assert after_first["Project"] == before + 12
    assert counts() == after_first
    generated = Project.objects.filter(slug__startswith=demo.GENERATED_SLUG_PREFIX)
    assert generated.count() == 12
    for project in generated:
        assert project.participations.filter(role=ParticipantRole.LEAD).count() == 1
    assert set(generated.values_list("stage", flat=True)) == set(Stage.values)
