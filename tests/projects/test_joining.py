"""Join requests and invitations: who may send and answer them, and that each is answered once."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone, translation

from members.models import MembershipStatus
from messaging.models import Notification, OutboxEmail
from projects import services
from projects.models import JoinRequest, NotificationKind, Participation
from projects.services import ProjectError
from tests.factories import (
    JoinRequestFactory,
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


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


def ask(project, actor, organisation, **overrides):
    return services.request_to_join(
        project,
        actor=actor,
        organisation=organisation,
        proposed_role=overrides.pop("proposed_role", "partner"),
        message=overrides.pop("message", "We build air-quality sensors."),
    )


def invite(project, actor, organisation, **overrides):
    return services.invite_organisation(
        project,
        actor=actor,
        organisation=organisation,
        proposed_role=overrides.pop("proposed_role", "research"),
        message=overrides.pop("message", "Your sensors would fit."),
    )


def notifications(kind, join_request=None):
    rows = Notification.objects.filter(kind=f"projects.{kind}")
    if join_request is not None:
        rows = rows.filter(params__join_request=join_request.pk)
    return sorted(rows.values_list("recipient__email", flat=True))


# --- Asking to join ---------------------------------------------------------------------------


def test_member_asks_on_behalf_of_their_organisation_and_lead_admins_are_notified(
    project, org_admin, member, other_organisation, other_member, mail_after_commit
):
    second_lead_admin = MembershipFactory(organisation=project.participations.get().organisation, admin=True).user

    with mail_after_commit():
        join_request = ask(project, other_member, other_organisation, proposed_role="pilot_site")

    assert (join_request.status, join_request.direction, join_request.proposed_role) == (
        "pending",
        "request",
        "pilot_site",
    )
    assert (join_request.created_by, join_request.message) == (other_member, "We build air-quality sensors.")
    assert notifications("request_received", join_request) == sorted([org_admin.email, second_lead_admin.email])
    assert sorted(address for message in mail.outbox for address in message.to) == sorted(
        [org_admin.email, second_lead_admin.email]
    )
    assert member.email not in [address for message in mail.outbox for address in message.to]


def test_admin_of_the_organisation_may_ask_too(project, other_organisation, other_admin):
    assert ask(project, other_admin, other_organisation).status == "pending"


def test_person_of_another_organisation_cannot_ask_on_its_behalf(project, other_organisation, member):
    with pytest.raises(ProjectError, match="only on behalf of an organisation you belong to"):
        ask(project, member, other_organisation)

    assert not JoinRequest.objects.exists()


def test_staff_outside_the_organisation_cannot_ask_on_its_behalf(project, other_organisation, staff):
    with pytest.raises(ProjectError, match="only on behalf of an organisation you belong to"):
        ask(project, staff, other_organisation)


@pytest.mark.parametrize("status", [MembershipStatus.SUSPENDED, MembershipStatus.FORMER, MembershipStatus.APPLICANT])
def test_organisation_that_is_not_an_active_member_cannot_ask(project, other_organisation, other_member, status):
    other_organisation.membership_status = status
    other_organisation.save()

    with pytest.raises(ProjectError, match="is not an active member of the cluster"):
        ask(project, other_member, other_organisation)

    assert not JoinRequest.objects.exists()
    assert not Notification.objects.exists()


def test_project_not_open_for_joining_refuses_requests(project, other_organisation, other_member):
    project.is_open_for_joining = False
    project.save()

    with pytest.raises(ProjectError, match="not looking for partners at the moment"):
        ask(project, other_member, other_organisation)


def test_project_whose_partner_search_ended_refuses_requests(project, other_organisation, other_member):
    project.partner_search_ends_on = timezone.localdate() - timedelta(days=1)
    project.save()

    with pytest.raises(ProjectError, match="not looking for partners at the moment"):
        ask(project, other_member, other_organisation)


def test_request_on_the_last_day_of_the_partner_search_is_taken(project, other_organisation, other_member):
    project.partner_search_ends_on = timezone.localdate()
    project.save()

    assert ask(project, other_member, other_organisation).status == "pending"


@pytest.mark.parametrize("stage", ["completed", "cancelled"])
def test_completed_or_cancelled_project_refuses_requests(project, other_organisation, other_member, stage):
    project.stage = stage
    project.save()

    with pytest.raises(ProjectError, match="completed or cancelled"):
        ask(project, other_member, other_organisation)


def test_participant_cannot_ask_again(project, other_organisation, other_member):
    ParticipationFactory(project=project, organisation=other_organisation)

    with pytest.raises(ProjectError, match="already takes part in this project"):
        ask(project, other_member, other_organisation)


def test_lead_organisation_cannot_ask_to_join_its_own_project(project, organisation, member):
    with pytest.raises(ProjectError, match="already takes part in this project"):
        ask(project, member, organisation)


def test_second_pending_request_from_the_same_organisation_is_refused(
    project, org_admin, other_organisation, other_member, other_admin
):
    ask(project, other_member, other_organisation)

    with pytest.raises(ProjectError, match="has already asked to join this project"):
        ask(project, other_admin, other_organisation)

    assert JoinRequest.objects.count() == 1
    assert Notification.objects.count() == 1


def test_request_while_an_invitation_is_pending_is_refused(project, org_admin, other_organisation, other_member):
    invite(project, org_admin, other_organisation)

    with pytest.raises(ProjectError, match="has already been invited to this project"):
        ask(project, other_member, other_organisation)


def test_database_constraint_catches_a_duplicate_that_slipped_past_the_check(
    project, other_organisation, other_member, monkeypatch
):
    JoinRequestFactory(project=project, organisation=other_organisation)
    # Two requests sent at the same moment: neither sees the other when it checks.
    monkeypatch.setattr(JoinRequest.objects, "pending", lambda: JoinRequest.objects.none())

    with pytest.raises(ProjectError, match="has already asked to join this project"):
        ask(project, other_member, other_organisation)

    assert JoinRequest.objects.count() == 1


def test_request_after_a_declined_one_is_taken(project, other_organisation, other_member):
    JoinRequestFactory(project=project, organisation=other_organisation, status="declined")

    assert ask(project, other_member, other_organisation).status == "pending"


def test_lead_role_cannot_be_proposed(project, other_organisation, other_member):
    with pytest.raises(ProjectError, match="Choose the role"):
        ask(project, other_member, other_organisation, proposed_role="lead")


# --- Inviting ---------------------------------------------------------------------------------


def test_lead_admin_invites_and_the_invited_organisations_admins_are_notified(
    project, org_admin, other_organisation, other_admin, other_member, mail_after_commit
):
    with mail_after_commit():
        invitation = invite(project, org_admin, other_organisation)

    assert (invitation.direction, invitation.status, invitation.created_by) == ("invitation", "pending", org_admin)
    assert notifications("invitation_received", invitation) == [other_admin.email]
    assert [message.to for message in mail.outbox] == [[other_admin.email]]


def test_staff_may_invite(project, staff, other_organisation):
    assert invite(project, staff, other_organisation).status == "pending"


@pytest.mark.parametrize("persona", ["member", "other_member", "other_admin"])
def test_only_lead_admins_invite(project, other_organisation, persona, request):
    third = OrganisationFactory()

    with pytest.raises(ProjectError, match="Only the lead organisation's admins can invite"):
        invite(project, request.getfixturevalue(persona), third)

    assert not JoinRequest.objects.exists()


def test_suspended_organisation_cannot_be_invited(project, org_admin):
    suspended = OrganisationFactory(suspended=True)

    with pytest.raises(ProjectError, match="is not an active member of the cluster"):
        invite(project, org_admin, suspended)

    assert not JoinRequest.objects.exists()


def test_participant_cannot_be_invited(project, org_admin, other_organisation):
    ParticipationFactory(project=project, organisation=other_organisation)

    with pytest.raises(ProjectError, match="already takes part in this project"):
        invite(project, org_admin, other_organisation)


def test_organisation_with_a_pending_request_cannot_be_invited(project, org_admin, other_organisation, other_member):
    ask(project, other_member, other_organisation)

    with pytest.raises(ProjectError, match="has already asked to join this project"):
        invite(project, org_admin, other_organisation)


def test_completed_project_cannot_invite(project, org_admin, other_organisation):
    project.stage = "completed"
    project.save()

    with pytest.raises(ProjectError, match="completed or cancelled"):
        invite(project, org_admin, other_organisation)


def test_lead_may_invite_while_its_partner_search_is_closed(project, org_admin, other_organisation):
    project.is_open_for_joining = False
    project.save()

    assert invite(project, org_admin, other_organisation).status == "pending"


# --- Answering a request ----------------------------------------------------------------------


def test_lead_admin_accepts_request_and_the_requester_becomes_a_contact_in_the_proposed_role(
    project, org_admin, other_organisation, other_member, other_admin, mail_after_commit
):
    join_request = ask(project, other_member, other_organisation, proposed_role="research")

    with mail_after_commit():
        participation = services.accept_join_request(join_request, actor=org_admin, note="Welcome!")

    assert (participation.organisation, participation.role) == (other_organisation, "research")
    assert list(participation.contact_people.all()) == [other_member]
    join_request.refresh_from_db()
    assert (join_request.status, join_request.decided_by, join_request.decision_note) == (
        "accepted",
        org_admin,
        "Welcome!",
    )
    assert join_request.decided_at is not None
    assert notifications("request_decided", join_request) == sorted([other_member.email, other_admin.email])
    assert sorted(address for message in mail.outbox for address in message.to) == sorted(
        [other_member.email, other_admin.email]
    )


def test_staff_may_answer_a_request(project, staff, other_organisation, other_member):
    join_request = ask(project, other_member, other_organisation)

    assert services.accept_join_request(join_request, actor=staff).organisation == other_organisation


@pytest.mark.parametrize("persona", ["member", "other_member", "other_admin"])
def test_only_lead_admins_answer_a_request(project, other_organisation, other_member, persona, request):
    join_request = ask(project, other_member, other_organisation)
    actor = request.getfixturevalue(persona)

    for answer in (services.accept_join_request, services.decline_join_request):
        with pytest.raises(ProjectError, match="Only the lead organisation's admins can answer"):
            answer(join_request, actor=actor)

    join_request.refresh_from_db()
    assert join_request.status == "pending"
    assert Participation.objects.filter(project=project).count() == 1


def test_second_accept_changes_nothing(project, org_admin, other_organisation, other_member):
    join_request = ask(project, other_member, other_organisation)
    services.accept_join_request(join_request, actor=org_admin)

    with pytest.raises(ProjectError, match="This request has already been answered."):
        services.accept_join_request(join_request, actor=org_admin)

    assert Participation.objects.filter(project=project, organisation=other_organisation).count() == 1
    assert notifications("request_decided") == [other_member.email]


def test_decline_after_accept_changes_nothing(project, org_admin, other_organisation, other_member):
    join_request = ask(project, other_member, other_organisation)
    services.accept_join_request(join_request, actor=org_admin)

    with pytest.raises(ProjectError, match="This request has already been answered."):
        services.decline_join_request(join_request, actor=org_admin, note="Oops")

    join_request.refresh_from_db()
    assert (join_request.status, join_request.decision_note) == ("accepted", "")


def test_declined_request_adds_nobody_and_tells_the_requester(
    project, org_admin, other_organisation, other_member, mail_after_commit
):
    join_request = ask(project, other_member, other_organisation)

    with mail_after_commit():
        services.decline_join_request(join_request, actor=org_admin, note="We have a sensor partner already.")

    join_request.refresh_from_db()
    assert (join_request.status, join_request.decision_note) == ("declined", "We have a sensor partner already.")
    assert not Participation.objects.filter(organisation=other_organisation).exists()
    assert notifications("request_decided", join_request) == [other_member.email]
    assert "We have a sensor partner already." in mail.outbox[0].body


def test_accepting_a_request_to_a_project_since_completed_is_refused(
    project, org_admin, other_organisation, other_member
):
    join_request = ask(project, other_member, other_organisation)
    project.stage = "completed"
    project.save()

    with pytest.raises(ProjectError, match="completed or cancelled"):
        services.accept_join_request(join_request, actor=org_admin)

    join_request.refresh_from_db()
    assert join_request.status == "pending"
    assert not Participation.objects.filter(organisation=other_organisation).exists()


def test_accepting_a_request_from_an_organisation_since_suspended_is_refused(
    project, org_admin, other_organisation, other_member
):
    join_request = ask(project, other_member, other_organisation)
    other_organisation.membership_status = MembershipStatus.SUSPENDED
    other_organisation.save()

    with pytest.raises(ProjectError, match="is not an active member"):
        services.accept_join_request(join_request, actor=org_admin)

    assert not Participation.objects.filter(organisation=other_organisation).exists()


def test_request_can_be_accepted_after_the_partner_search_closed(project, org_admin, other_organisation, other_member):
    join_request = ask(project, other_member, other_organisation)
    services.close_partner_search(project, actor=org_admin)

    assert services.accept_join_request(join_request, actor=org_admin).role == "partner"


def test_nobody_is_notified_of_their_own_decision(project, organisation, other_organisation, mail_after_commit):
    # A person who is an admin on both sides answers their own organisation's request.
    both = MembershipFactory(organisation=organisation, admin=True).user
    MembershipFactory(organisation=other_organisation, admin=True, user=both)
    join_request = ask(project, both, other_organisation)

    with mail_after_commit():
        services.accept_join_request(join_request, actor=both)

    assert not Notification.objects.filter(recipient=both).exists()
    assert mail.outbox == []


# --- Answering an invitation ------------------------------------------------------------------


def test_invited_admin_accepts_and_becomes_the_contact_and_lead_admins_are_notified(
    project, org_admin, other_organisation, other_admin, mail_after_commit
):
    invitation = invite(project, org_admin, other_organisation, proposed_role="pilot_site")

    with mail_after_commit():
        participation = services.accept_join_request(invitation, actor=other_admin)

    assert (participation.organisation, participation.role) == (other_organisation, "pilot_site")
    assert list(participation.contact_people.all()) == [other_admin]
    assert notifications("invitation_decided", invitation) == [org_admin.email]
    assert [message.to for message in mail.outbox] == [[org_admin.email]]


def test_invited_admin_declines(project, org_admin, other_organisation, other_admin):
    invitation = invite(project, org_admin, other_organisation)

    services.decline_join_request(invitation, actor=other_admin, note="Not this year.")

    invitation.refresh_from_db()
    assert invitation.status == "declined"
    assert notifications("invitation_decided", invitation) == [org_admin.email]


@pytest.mark.parametrize("persona", ["org_admin", "member", "other_member"])
def test_only_the_invited_organisations_admins_answer_an_invitation(
    project, org_admin, other_organisation, persona, request
):
    invitation = invite(project, org_admin, other_organisation)

    with pytest.raises(ProjectError, match="Only the invited organisation's admins can answer"):
        services.accept_join_request(invitation, actor=request.getfixturevalue(persona))

    invitation.refresh_from_db()
    assert invitation.status == "pending"


def test_staff_may_answer_an_invitation(project, org_admin, staff, other_organisation):
    invitation = invite(project, org_admin, other_organisation)

    participation = services.accept_join_request(invitation, actor=staff)

    assert participation.organisation == other_organisation
    assert list(participation.contact_people.all()) == []


def test_invitation_accepted_after_the_organisation_was_suspended_is_refused(
    project, org_admin, other_organisation, other_admin
):
    invitation = invite(project, org_admin, other_organisation)
    other_organisation.membership_status = MembershipStatus.SUSPENDED
    other_organisation.save()

    with pytest.raises(ProjectError, match="is not an active member"):
        services.accept_join_request(invitation, actor=other_admin)


# --- Withdrawing ------------------------------------------------------------------------------


def test_requesting_organisations_people_withdraw_their_request(project, other_organisation, other_member, other_admin):
    join_request = ask(project, other_member, other_organisation)

    services.withdraw_join_request(join_request, actor=other_admin)

    join_request.refresh_from_db()
    assert (join_request.status, join_request.decided_by) == ("withdrawn", other_admin)


def test_lead_cannot_withdraw_a_request_sent_to_it(project, org_admin, other_organisation, other_member):
    join_request = ask(project, other_member, other_organisation)

    with pytest.raises(ProjectError, match="Only the side that sent it"):
        services.withdraw_join_request(join_request, actor=org_admin)


def test_lead_admin_withdraws_an_invitation_but_its_member_cannot(
    project, org_admin, member, other_organisation, other_admin
):
    invitation = invite(project, org_admin, other_organisation)

    for outsider in (member, other_admin):
        with pytest.raises(ProjectError, match="Only the side that sent it"):
            services.withdraw_join_request(invitation, actor=outsider)
    services.withdraw_join_request(invitation, actor=org_admin)

    invitation.refresh_from_db()
    assert invitation.status == "withdrawn"


def test_answered_request_cannot_be_withdrawn(project, org_admin, other_organisation, other_member):
    join_request = ask(project, other_member, other_organisation)
    services.decline_join_request(join_request, actor=org_admin)

    with pytest.raises(ProjectError, match="This request has already been answered."):
        services.withdraw_join_request(join_request, actor=other_member)


def test_withdrawn_request_cannot_be_accepted_and_a_new_one_can_be_sent(
    project, org_admin, other_organisation, other_member
):
    join_request = ask(project, other_member, other_organisation)
    services.withdraw_join_request(join_request, actor=other_member)

    with pytest.raises(ProjectError, match="This request has already been answered."):
        services.accept_join_request(join_request, actor=org_admin)
    assert ask(project, other_member, other_organisation).status == "pending"


# --- Two people answering at once -------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_admins_accepting_at_once_give_one_participant_and_one_notification_each():
    lead = OrganisationFactory()
    first_admin = MembershipFactory(organisation=lead, admin=True).user
    second_admin = MembershipFactory(organisation=lead, admin=True).user
    project = ProjectFactory(lead=lead)
    applicant = OrganisationFactory()
    requester = MembershipFactory(organisation=applicant).user
    applicant_admin = MembershipFactory(organisation=applicant, admin=True).user
    join_request = JoinRequestFactory(project=project, organisation=applicant, created_by=requester)

    start = threading.Barrier(2)
    outcomes = []

    def answer(actor):
        # Each thread has its own active language.
        translation.activate("en")
        try:
            start.wait(timeout=10)
            services.accept_join_request(JoinRequest.objects.get(pk=join_request.pk), actor=actor)
            outcomes.append("accepted")
        except ProjectError as error:
            outcomes.append(str(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=answer, args=(actor,)) for actor in (first_admin, second_admin)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["This request has already been answered.", "accepted"]
    assert Participation.objects.filter(project=project, organisation=applicant).count() == 1
    for person in (requester, applicant_admin):
        assert (
            Notification.objects.filter(recipient=person, kind=f"projects.{NotificationKind.REQUEST_DECIDED}").count()
            == 1
        )
    assert Notification.objects.filter(kind=f"projects.{NotificationKind.REQUEST_DECIDED}").count() == 2
    e_mails = OutboxEmail.objects.filter(kind="projects.request_decided")
    assert sorted(e_mails.values_list("to", flat=True)) == sorted([requester.email, applicant_admin.email])


def test_overlong_message_or_note_is_refused(project, org_admin, other_organisation, other_member):
    with pytest.raises(ProjectError, match="at most 3000 characters"):
        ask(project, other_member, other_organisation, message="x" * 3001)
    join_request = ask(project, other_member, other_organisation, message="  Hello  ")

    with pytest.raises(ProjectError, match="at most 2000 characters"):
        services.decline_join_request(join_request, actor=org_admin, note="x" * 2001)

    join_request.refresh_from_db()
    assert (join_request.message, join_request.status) == ("Hello", "pending")
