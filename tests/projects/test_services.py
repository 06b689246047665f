"""Projects' life: creating and editing, the partner search, leaving, handing over the lead, updates."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation

from members.models import FocusArea, MembershipStatus
from messaging.models import Notification
from projects import services, tasks
from projects.models import NotificationKind, Participation, Project, ProjectUpdate, SoughtKind
from projects.services import ProjectError
from tests.factories import (
    CompetenceFactory,
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture(autouse=True)
def _messages_in_english():
    # The refusals are matched by their English wording; the portal's default is Estonian.
    with translation.override("en"):
        yield


@pytest.fixture
def project(organisation):
    return ProjectFactory(lead=organisation, slug="smart-bus-stops", title="Smart bus stops")


@pytest.fixture
def other_admin(other_organisation):
    return MembershipFactory(organisation=other_organisation, admin=True, user__display_name="Anu Admin").user


@pytest.fixture
def partner(project, other_organisation):
    return ParticipationFactory(project=project, organisation=other_organisation)


def project_data(**overrides):
    return {
        "title": "Smart bus stops",
        "summary": "Bus stops that tell how full the next bus is.",
        "description": "We pilot **sensors** in Tartu.",
        "stage": "forming",
        "visibility": "public",
        "starts_on": date(2027, 1, 1),
        "ends_on": date(2028, 6, 30),
        "budget_eur": 250000,
        "pilot_city": "Tartu",
        "pilot_site": "Riia street bus stops",
        "needs_test_users": True,
        "is_open_for_joining": True,
        "partner_search_ends_on": TODAY() + timedelta(days=30),
        **overrides,
    }


def create(actor, organisation, **overrides):
    return services.create_project(actor=actor, lead_organisation=organisation, data=project_data(**overrides))


def kinds(project):
    return sorted(SoughtKind.objects.filter(project=project).values_list("kind", flat=True))


# --- Creating ---------------------------------------------------------------------------------


def test_member_creates_a_project_their_organisation_leads_with_them_as_contact(organisation, member):
    areas = list(FocusArea.objects.all()[:2])
    competence = CompetenceFactory(name_en="Computer vision")

    project = services.create_project(
        actor=member,
        lead_organisation=organisation,
        data=project_data(),
        focus_areas=areas,
        sought_competences=[competence],
        sought_kinds=["research", "public"],
    )

    project.refresh_from_db()
    assert (project.slug, project.title, project.created_by, project.budget_eur) == (
        "smart-bus-stops",
        "Smart bus stops",
        member,
        250000,
    )
    lead = Participation.objects.get(project=project)
    assert (lead.organisation, lead.role) == (organisation, "lead")
    assert list(lead.contact_people.all()) == [member]
    assert list(project.focus_areas.all()) == areas
    assert list(project.sought_competences.all()) == [competence]
    assert kinds(project) == ["public", "research"]


def test_slugs_are_unique_with_a_number(organisation, member):
    first = create(member, organisation)
    second = create(member, organisation)
    third = create(member, organisation)

    assert [first.slug, second.slug, third.slug] == ["smart-bus-stops", "smart-bus-stops-2", "smart-bus-stops-3"]


@pytest.mark.parametrize("title", ["New", "Mine", "notifications", "Requests"])
def test_slug_is_never_a_word_the_project_urls_use(organisation, member, title):
    project = create(member, organisation, title=title)

    assert project.slug == f"{title.lower()}-2"


def test_slug_of_an_estonian_title_is_plain_ascii(organisation, member):
    assert create(member, organisation, title="Õhuseire ülikoolilinnakus").slug == "ohuseire-ulikoolilinnakus"


def test_title_without_letters_gets_a_generic_slug(organisation, member):
    assert create(member, organisation, title="!!!").slug == "project"


def test_form_fields_that_are_not_project_fields_are_ignored(organisation, member):
    project = create(member, organisation, lead_organisation=organisation.pk, slug="chosen", created_by=None)

    assert (project.slug, project.created_by) == ("smart-bus-stops", member)


def test_person_of_another_organisation_cannot_create_a_project_for_it(organisation, other_member):
    with pytest.raises(ProjectError, match="only for an active member organisation you belong to"):
        create(other_member, organisation)

    assert not Project.objects.exists()


def test_suspended_organisation_cannot_start_a_project(organisation, org_admin):
    organisation.membership_status = MembershipStatus.SUSPENDED
    organisation.save()

    with pytest.raises(ProjectError, match="only for an active member organisation you belong to"):
        create(org_admin, organisation)


def test_staff_may_create_a_project_for_any_organisation_without_becoming_its_contact(organisation, staff):
    project = create(staff, organisation)

    lead = Participation.objects.get(project=project)
    assert lead.organisation == organisation
    assert list(lead.contact_people.all()) == []


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": "  "}, "Give the project a title."),
        ({"summary": ""}, "Write a short summary"),
        ({"starts_on": date(2027, 2, 1), "ends_on": date(2027, 1, 1)}, "cannot end before it starts"),
        ({"budget_eur": -1}, "budget cannot be negative"),
        ({"partner_search_ends_on": date(2020, 1, 1)}, "partner search cannot end in the past"),
        ({"stage": "someday"}, "someday"),
        ({"title": "x" * 201}, "200"),
    ],
)
def test_broken_rules_refuse_the_project(organisation, member, overrides, message):
    with pytest.raises(ProjectError, match=message):
        create(member, organisation, **overrides)

    assert not Project.objects.exists()
    assert not Participation.objects.exists()


def test_unknown_partner_kind_is_refused(organisation, member):
    with pytest.raises(ProjectError, match="kinds of partner"):
        services.create_project(actor=member, lead_organisation=organisation, data=project_data(), sought_kinds=["x"])

    assert not Project.objects.exists()


def test_completed_project_is_never_open_for_joining(organisation, member):
    assert create(member, organisation, stage="completed").is_open_for_joining is False


# --- Editing ----------------------------------------------------------------------------------


def test_lead_admin_edits_the_project_and_its_slug_stays(project, org_admin):
    SoughtKind.objects.create(project=project, kind="company")

    services.update_project(
        project,
        actor=org_admin,
        data={"title": "Smarter bus stops", "summary": "New summary", "stage": "running"},
        sought_kinds=["research"],
    )

    project.refresh_from_db()
    assert (project.title, project.summary, project.stage, project.slug) == (
        "Smarter bus stops",
        "New summary",
        "running",
        "smart-bus-stops",
    )
    assert kinds(project) == ["research"]


def test_lists_left_out_of_an_edit_stay_as_they_were(project, org_admin):
    area = FocusArea.objects.first()
    project.focus_areas.set([area])
    SoughtKind.objects.create(project=project, kind="company")

    services.update_project(project, actor=org_admin, data={"summary": "Shorter."})

    assert list(project.focus_areas.all()) == [area]
    assert kinds(project) == ["company"]


def test_staff_may_edit_any_project(project, staff):
    services.update_project(project, actor=staff, data={"summary": "Edited by staff."})

    project.refresh_from_db()
    assert project.summary == "Edited by staff."


@pytest.mark.parametrize("persona", ["member", "other_member", "other_admin"])
def test_only_lead_admins_edit(project, partner, persona, request):
    with pytest.raises(ProjectError, match="Only the lead organisation's admins can change"):
        services.update_project(project, actor=request.getfixturevalue(persona), data={"title": "Hijacked"})

    project.refresh_from_db()
    assert project.title == "Smart bus stops"


def test_edit_keeps_an_expired_partner_search_date_it_does_not_change(project, org_admin):
    Project.objects.filter(pk=project.pk).update(
        is_open_for_joining=False, partner_search_ends_on=TODAY() - timedelta(days=3)
    )
    project.refresh_from_db()

    services.update_project(project, actor=org_admin, data={"summary": "Still running."})

    with pytest.raises(ProjectError, match="cannot end in the past"):
        services.update_project(project, actor=org_admin, data={"is_open_for_joining": True})


# --- The partner search -----------------------------------------------------------------------


def test_lead_admin_closes_the_partner_search_early(project, org_admin):
    services.close_partner_search(project, actor=org_admin)

    project.refresh_from_db()
    assert project.is_open_for_joining is False
    assert not project.accepts_requests


@pytest.mark.parametrize("persona", ["member", "other_admin"])
def test_only_lead_admins_close_or_extend_the_partner_search(project, partner, persona, request):
    actor = request.getfixturevalue(persona)

    with pytest.raises(ProjectError, match="Only the lead organisation's admins"):
        services.close_partner_search(project, actor=actor)
    with pytest.raises(ProjectError, match="Only the lead organisation's admins"):
        services.extend_partner_search(project, actor=actor, until=TODAY() + timedelta(days=10))

    project.refresh_from_db()
    assert (project.is_open_for_joining, project.partner_search_ends_on) == (True, None)


def test_extending_reopens_a_closed_partner_search(project, org_admin):
    services.close_partner_search(project, actor=org_admin)
    until = TODAY() + timedelta(days=14)

    services.extend_partner_search(project, actor=org_admin, until=until)

    project.refresh_from_db()
    assert (project.is_open_for_joining, project.partner_search_ends_on) == (True, until)
    assert project.accepts_requests


def test_partner_search_may_be_extended_to_today(project, org_admin):
    services.extend_partner_search(project, actor=org_admin, until=TODAY())

    project.refresh_from_db()
    assert project.accepts_requests


def test_partner_search_cannot_be_extended_into_the_past(project, org_admin):
    with pytest.raises(ProjectError, match="cannot end in the past"):
        services.extend_partner_search(project, actor=org_admin, until=TODAY() - timedelta(days=1))


@pytest.mark.parametrize("stage", ["completed", "cancelled"])
def test_partner_search_of_a_finished_project_cannot_be_extended(project, org_admin, stage):
    project.stage = stage
    project.is_open_for_joining = False
    project.save()

    with pytest.raises(ProjectError, match="does not look for partners"):
        services.extend_partner_search(project, actor=org_admin, until=TODAY() + timedelta(days=5))

    project.refresh_from_db()
    assert project.is_open_for_joining is False


def test_daily_close_shuts_searches_past_their_end_date_only(organisation):
    today = date(2027, 3, 10)
    ended = ProjectFactory(lead=organisation, partner_search_ends_on=date(2027, 3, 9))
    last_day = ProjectFactory(lead=organisation, partner_search_ends_on=today)
    no_end = ProjectFactory(lead=organisation, partner_search_ends_on=None)
    closed = ProjectFactory(lead=organisation, partner_search_ends_on=date(2027, 1, 1), is_open_for_joining=False)

    assert services.close_expired_partner_searches(today=today) == 1
    assert services.close_expired_partner_searches(today=today) == 0

    states = dict(Project.objects.values_list("pk", "is_open_for_joining"))
    assert states == {ended.pk: False, last_day.pk: True, no_end.pk: True, closed.pk: False}


def test_daily_task_closes_expired_searches(project):
    Project.objects.filter(pk=project.pk).update(partner_search_ends_on=TODAY() - timedelta(days=1))

    assert tasks.close_expired_partner_searches.apply().get() == 1
    assert tasks.close_expired_partner_searches.apply().get() == 0
    project.refresh_from_db()
    assert project.is_open_for_joining is False


# --- Leaving ----------------------------------------------------------------------------------


def test_participants_admin_takes_it_out_and_lead_admins_are_notified(
    project, partner, org_admin, other_admin, mail_after_commit
):
    with mail_after_commit():
        services.leave_project(partner, actor=other_admin)

    assert not Participation.objects.filter(pk=partner.pk).exists()
    notification = Notification.objects.get()
    assert (notification.kind, notification.recipient, notification.target, notification.params) == (
        "projects.participant_left",
        org_admin,
        partner.project,
        {"organisation": partner.organisation_id},
    )
    assert [message.to for message in mail.outbox] == [[org_admin.email]]


@pytest.mark.parametrize("persona", ["other_member", "org_admin", "member"])
def test_only_the_participants_admins_take_it_out(project, partner, persona, request):
    with pytest.raises(ProjectError, match="Only the organisation's admins"):
        services.leave_project(partner, actor=request.getfixturevalue(persona))

    assert Participation.objects.filter(pk=partner.pk).exists()


def test_staff_may_take_a_participant_out(project, partner, staff):
    services.leave_project(partner, actor=staff)

    assert not Participation.objects.filter(pk=partner.pk).exists()


def test_lead_cannot_leave(project, org_admin):
    lead = Participation.objects.get(project=project)

    with pytest.raises(ProjectError, match="hand the lead over to another participant first"):
        services.leave_project(lead, actor=org_admin)

    assert Participation.objects.filter(pk=lead.pk, role="lead").exists()


def test_leaving_twice_is_refused_and_notifies_once(project, partner, org_admin, other_admin):
    services.leave_project(partner, actor=other_admin)

    with pytest.raises(ProjectError, match="no longer takes part"):
        services.leave_project(partner, actor=other_admin)

    assert Notification.objects.count() == 1


# --- Handing over the lead --------------------------------------------------------------------


def test_lead_admin_hands_over_the_lead_and_both_sides_are_told(
    project, organisation, partner, org_admin, other_admin, mail_after_commit
):
    second_lead_admin = MembershipFactory(organisation=organisation, admin=True).user

    with mail_after_commit():
        new_lead = services.hand_over_lead(project, actor=org_admin, to_organisation=partner.organisation)

    roles = dict(Participation.objects.filter(project=project).values_list("organisation_id", "role"))
    assert roles == {organisation.pk: "partner", partner.organisation_id: "lead"}
    assert new_lead.pk == partner.pk
    notified = sorted(
        Notification.objects.filter(kind="projects.lead_changed").values_list("recipient__email", flat=True)
    )
    assert notified == sorted([second_lead_admin.email, other_admin.email])
    assert {params["organisation"] for params in Notification.objects.values_list("params", flat=True)} == {
        partner.organisation_id
    }
    assert sorted(message.to[0] for message in mail.outbox) == notified


def test_new_lead_admins_manage_the_project_and_the_old_ones_no_longer(project, partner, org_admin, other_admin):
    services.hand_over_lead(project, actor=org_admin, to_organisation=partner.organisation)

    services.update_project(project, actor=other_admin, data={"summary": "Our project now."})
    with pytest.raises(ProjectError):
        services.update_project(project, actor=org_admin, data={"summary": "Still ours?"})


def test_old_lead_may_leave_after_handing_over(project, organisation, partner, org_admin):
    services.hand_over_lead(project, actor=org_admin, to_organisation=partner.organisation)

    services.leave_project(Participation.objects.get(project=project, organisation=organisation), actor=org_admin)

    assert list(Participation.objects.filter(project=project).values_list("role", flat=True)) == ["lead"]


def test_lead_cannot_go_to_an_organisation_outside_the_project(project, org_admin, other_organisation):
    with pytest.raises(ProjectError, match="must take part in the project before it can lead it"):
        services.hand_over_lead(project, actor=org_admin, to_organisation=other_organisation)


def test_lead_cannot_be_handed_to_itself(project, organisation, org_admin):
    with pytest.raises(ProjectError, match="already leads this project"):
        services.hand_over_lead(project, actor=org_admin, to_organisation=organisation)


def test_lead_cannot_go_to_a_suspended_participant(project, partner, org_admin):
    partner.organisation.membership_status = MembershipStatus.SUSPENDED
    partner.organisation.save()

    with pytest.raises(ProjectError, match="not an active member"):
        services.hand_over_lead(project, actor=org_admin, to_organisation=partner.organisation)

    assert Participation.objects.get(pk=partner.pk).role == "partner"


@pytest.mark.parametrize("persona", ["member", "other_admin"])
def test_only_lead_admins_hand_over_the_lead(project, partner, persona, request):
    with pytest.raises(ProjectError, match="Only the lead organisation's admins can hand over"):
        services.hand_over_lead(project, actor=request.getfixturevalue(persona), to_organisation=partner.organisation)

    assert Participation.objects.get(pk=partner.pk).role == "partner"


def test_staff_may_hand_over_the_lead(project, partner, staff):
    services.hand_over_lead(project, actor=staff, to_organisation=partner.organisation)

    assert Participation.objects.get(project=project, role="lead").organisation == partner.organisation


# --- Updates ----------------------------------------------------------------------------------


def test_participants_person_posts_an_update_and_the_others_are_notified(
    project, organisation, partner, member, org_admin, other_member, mail_after_commit
):
    outsider = MembershipFactory(organisation=OrganisationFactory()).user

    with mail_after_commit():
        update = services.post_update(project, actor=other_member, body="  Sensors **installed**.  ")

    assert (update.body, update.author, update.organisation) == (
        "Sensors **installed**.",
        other_member,
        partner.organisation,
    )
    notified = sorted(
        Notification.objects.filter(kind="projects.update_posted").values_list("recipient__email", flat=True)
    )
    assert notified == sorted([member.email, org_admin.email])
    assert outsider.email not in [message.to[0] for message in mail.outbox]
    html = mail.outbox[0].alternatives[0][0]
    assert "<strong>installed</strong>" in html


def test_update_is_signed_with_the_lead_when_the_author_is_its_person(project, organisation, member):
    assert services.post_update(project, actor=member, body="Kick-off done.").organisation == organisation


def test_staff_may_post_without_an_organisation(project, staff, member):
    update = services.post_update(project, actor=staff, body="The cluster will fund the pilot.")

    assert (update.author, update.organisation) == (staff, None)
    assert Notification.objects.filter(kind=f"projects.{NotificationKind.UPDATE_POSTED}", recipient=member).exists()


def test_outsider_cannot_post_an_update(project, other_member):
    with pytest.raises(ProjectError, match="Only the people of the project's participants"):
        services.post_update(project, actor=other_member, body="Spam")

    assert not ProjectUpdate.objects.exists()


@pytest.mark.parametrize(("body", "message"), [("   ", "Write the update first."), ("x" * 10001, "at most 10000")])
def test_update_needs_text_within_the_limit(project, member, body, message):
    with pytest.raises(ProjectError, match=message):
        services.post_update(project, actor=member, body=body)

    assert not ProjectUpdate.objects.exists()


def test_update_of_exactly_the_limit_is_taken(project, member):
    assert len(services.post_update(project, actor=member, body="x" * 10000).body) == 10000


def test_admin_of_a_replaced_lead_cannot_hand_over_again(project, partner, org_admin):
    third = ParticipationFactory(project=project, organisation=OrganisationFactory())
    services.hand_over_lead(project, actor=org_admin, to_organisation=partner.organisation)

    with pytest.raises(ProjectError, match="Only the lead organisation's admins can hand over"):
        services.hand_over_lead(project, actor=org_admin, to_organisation=third.organisation)

    assert Participation.objects.get(project=project, role="lead").organisation == partner.organisation
