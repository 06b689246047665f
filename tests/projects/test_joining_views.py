"""Joining pages: asking to join, inviting, answering, withdrawing, leaving, handing over the lead.

The personas act on `smart-bus-stops`, a project led by `organisation` (tartu-mobility).
The rules themselves are the services' (tests/projects/test_services*.py); here: who may
open and post each page, that a refusal is shown to the person, and that input is kept.
"""

import pytest
from django.core import mail

from members.models import MembershipStatus
from messaging.models import Notification
from projects import services
from projects.models import JoinRequest, ParticipantRole, Participation
from tests.factories import (
    JoinRequestFactory,
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db

JOIN_URL = "/en/projects/smart-bus-stops/join/"
INVITE_URL = "/en/projects/smart-bus-stops/invite/"
HANDOVER_URL = "/en/projects/smart-bus-stops/lead/"
DASHBOARD_URL = "/en/projects/mine/"


@pytest.fixture
def project(organisation):
    return ProjectFactory(slug="smart-bus-stops", title="Smart bus stops", lead=organisation)


@pytest.fixture
def request_from_other(project, other_organisation, other_member):
    return JoinRequestFactory(project=project, organisation=other_organisation, created_by=other_member)


@pytest.fixture
def other_admin(other_organisation):
    return MembershipFactory(organisation=other_organisation, admin=True, user__display_name="Anu Admin").user


def url(join_request, action):
    return f"/en/projects/requests/{join_request.pk}/{action}/"


def state(project):
    participations = Participation.objects.filter(project=project).order_by("pk")
    requests = JoinRequest.objects.filter(project=project).order_by("pk")
    return (
        list(participations.values_list("organisation_id", "role")),
        list(requests.values_list("organisation_id", "direction", "status", "decision_note")),
    )


def page(response):
    return response.content.decode()


# --- Asking to join ---------------------------------------------------------------------------


def test_member_of_one_organisation_asks_on_its_behalf_without_choosing(client, project, other_member):
    client.force_login(other_member)

    response = client.get(JOIN_URL)

    html = page(response)
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "You ask on behalf of <strong>Air Sense Ltd</strong>." in html
    assert '<input type="hidden" name="organisation" value="air-sense"' in html
    assert 'name="proposed_role"' in html


def test_plain_member_sends_a_request_and_lands_on_the_dashboard(client, project, other_member, other_organisation):
    client.force_login(other_member)

    response = client.post(
        JOIN_URL, {"organisation": "air-sense", "proposed_role": "research", "message": "We measure air."}, follow=True
    )

    assert response.redirect_chain == [(DASHBOARD_URL, 302)]
    join_request = JoinRequest.objects.get(project=project)
    assert (join_request.organisation, join_request.direction, join_request.status) == (
        other_organisation,
        "request",
        "pending",
    )
    assert (join_request.proposed_role, join_request.message, join_request.created_by) == (
        "research",
        "We measure air.",
        other_member,
    )
    assert "Your request was sent to the lead of Smart bus stops." in page(response)


def test_person_of_two_organisations_chooses_on_whose_behalf(client, project, other_member):
    OrganisationFactory(name_en="Bus Data Ltd", slug="bus-data")
    MembershipFactory(user=other_member, organisation=OrganisationFactory(name_en="Bus Data Ltd", slug="bus-data-2"))
    client.force_login(other_member)

    html = page(client.get(JOIN_URL))

    assert '<select name="organisation"' in html
    assert '<option value="air-sense">Air Sense Ltd</option>' in html
    assert '<option value="bus-data-2">Bus Data Ltd</option>' in html
    assert '<option value="bus-data">' not in html


def test_missing_message_re_renders_with_the_error_and_keeps_the_choice(client, project, other_member):
    client.force_login(other_member)

    response = client.post(JOIN_URL, {"organisation": "air-sense", "proposed_role": "pilot_site", "message": ""})

    html = page(response)
    assert response.status_code == 200
    assert 'id="id_message_errors"' in html
    assert '<option value="pilot_site" selected>' in html
    assert not JoinRequest.objects.exists()


def test_duplicate_request_shows_the_services_reason_and_keeps_the_message(
    client, project, other_member, request_from_other
):
    client.force_login(other_member)

    response = client.post(
        JOIN_URL, {"organisation": "air-sense", "proposed_role": "partner", "message": "Asking twice."}
    )

    html = page(response)
    assert response.status_code == 200
    assert "Air Sense Ltd has already asked to join this project and is waiting for an answer." in html
    assert "Asking twice." in html
    assert JoinRequest.objects.filter(project=project).count() == 1


def test_participant_organisation_is_told_it_already_takes_part(client, project, member):
    client.force_login(member)

    response = client.post(JOIN_URL, {"organisation": "tartu-mobility", "proposed_role": "partner", "message": "Hi"})

    assert response.status_code == 200
    assert "Every organisation you act for already takes part in this project." in page(response)
    assert not JoinRequest.objects.exists()


def test_closed_partner_search_shows_a_notice_and_takes_no_request(client, project, other_member):
    project.is_open_for_joining = False
    project.save()
    client.force_login(other_member)

    response = client.post(JOIN_URL, {"organisation": "air-sense", "proposed_role": "partner", "message": "Hi"})

    assert response.status_code == 200
    assert "This project is not looking for partners at the moment." in page(response)
    assert 'name="message"' not in page(response)
    assert not JoinRequest.objects.exists()


def test_person_of_a_suspended_organisation_may_not_ask(client, project):
    suspended = OrganisationFactory(suspended=True)
    person = MembershipFactory(organisation=suspended).user
    client.force_login(person)

    assert client.get(JOIN_URL).status_code == 403
    assert client.post(JOIN_URL, {"organisation": suspended.slug, "proposed_role": "partner"}).status_code == 403
    assert not JoinRequest.objects.exists()


def test_visitor_is_sent_to_sign_in(client, project):
    response = client.get(JOIN_URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_members_only_project_is_a_404_to_a_person_outside_the_cluster(client, organisation):
    ProjectFactory(slug="quiet", lead=organisation, members_only=True)
    applicant = MembershipFactory(organisation=OrganisationFactory(applicant=True)).user
    client.force_login(applicant)

    assert client.get("/en/projects/quiet/join/").status_code == 404
    assert client.get("/en/projects/no-such-project/join/").status_code == 404


# --- Inviting -------------------------------------------------------------------------------


def test_lead_admin_sees_only_organisations_that_can_be_invited(client, project, org_admin, other_organisation):
    partner = ParticipationFactory(project=project, organisation__name_en="Partner Ltd").organisation
    asked = JoinRequestFactory(project=project, organisation__name_en="Asked Ltd").organisation
    suspended = OrganisationFactory(name_en="Sleeping Ltd", suspended=True)
    client.force_login(org_admin)

    html = page(client.get(INVITE_URL))

    assert '<option value="air-sense">Air Sense Ltd</option>' in html
    for excluded in [partner, asked, suspended, project.participations.get(role="lead").organisation]:
        assert f'value="{excluded.slug}"' not in html


def test_invite_link_from_the_suggestions_preselects_the_organisation(client, project, org_admin, other_organisation):
    client.force_login(org_admin)

    html = page(client.get(INVITE_URL + "?organisation=air-sense"))

    assert '<option value="air-sense" selected>Air Sense Ltd</option>' in html


def test_lead_admin_invites_and_the_invited_admins_are_told(
    client, project, org_admin, other_organisation, other_admin, mail_after_commit
):
    client.force_login(org_admin)

    with mail_after_commit():
        response = client.post(INVITE_URL, {"organisation": "air-sense", "proposed_role": "pilot_site", "message": ""})

    assert response.status_code == 302
    assert response["Location"] == "/en/projects/smart-bus-stops/"
    invitation = JoinRequest.objects.get(project=project)
    assert (invitation.organisation, invitation.direction, invitation.proposed_role, invitation.created_by) == (
        other_organisation,
        "invitation",
        "pilot_site",
        org_admin,
    )
    assert Notification.objects.filter(recipient=other_admin, kind="projects.invitation_received").count() == 1
    assert [message.to for message in mail.outbox] == [[other_admin.email]]


def test_invitation_returns_to_a_same_site_next_address_only(client, project, org_admin, other_organisation):
    client.force_login(org_admin)
    data = {"organisation": "air-sense", "proposed_role": "partner"}

    response = client.post(INVITE_URL, {**data, "next": "https://evil.example/"})

    assert response["Location"] == "/en/projects/smart-bus-stops/"
    JoinRequest.objects.all().delete()
    response = client.post(INVITE_URL, {**data, "next": "/en/projects/smart-bus-stops/suggestions/"})
    assert response["Location"] == "/en/projects/smart-bus-stops/suggestions/"


def test_a_refused_invitation_shows_why_next_to_the_form(client, project, org_admin, other_organisation, monkeypatch):
    def refuse(*args, **kwargs):
        raise services.ProjectError("Air Sense Ltd is not an active member of the cluster.")

    monkeypatch.setattr(services, "invite_organisation", refuse)
    client.force_login(org_admin)

    response = client.post(INVITE_URL, {"organisation": "air-sense", "proposed_role": "partner", "message": "Join!"})

    html = page(response)
    assert response.status_code == 200
    assert 'class="error-summary"' in html
    assert "Air Sense Ltd is not an active member of the cluster." in html
    assert "Join!" in html


@pytest.mark.parametrize("persona", ["member", "other_member"])
def test_only_the_leads_admins_may_invite(persona_client, project, other_organisation, persona):
    client = persona_client(persona)

    assert client.get(INVITE_URL).status_code == 403
    assert client.post(INVITE_URL, {"organisation": "air-sense", "proposed_role": "partner"}).status_code == 403
    assert not JoinRequest.objects.exists()


def test_staff_may_invite(client, project, staff, other_organisation):
    client.force_login(staff)

    response = client.post(INVITE_URL, {"organisation": "air-sense", "proposed_role": "partner"})

    assert response.status_code == 302
    assert JoinRequest.objects.get().direction == "invitation"


# --- Answering ------------------------------------------------------------------------------


def test_accepting_asks_first_on_a_page_that_works_without_javascript(client, project, org_admin, request_from_other):
    client.force_login(org_admin)

    response = client.get(url(request_from_other, "accept") + "?next=/en/projects/mine/")

    html = page(response)
    assert response.status_code == 200
    assert "Accept the request of Air Sense Ltd to join Smart bus stops?" in html
    assert "We can help with the sensors." in html
    assert '<form method="post"' in html
    assert '<input type="hidden" name="next" value="/en/projects/mine/">' in html
    assert request_from_other.status == "pending"
    assert not Participation.objects.filter(organisation=request_from_other.organisation).exists()


def test_lead_admin_accepts_a_request_and_is_offered_to_undo_it(
    client, project, org_admin, request_from_other, other_organisation
):
    client.force_login(org_admin)

    response = client.post(url(request_from_other, "accept"), {"next": DASHBOARD_URL, "note": "Welcome!"}, follow=True)

    assert response.redirect_chain == [(DASHBOARD_URL, 302)]
    participation = Participation.objects.get(project=project, organisation=other_organisation)
    assert participation.role == ParticipantRole.PARTNER
    html = page(response)
    assert "Air Sense Ltd now takes part in Smart bus stops." in html
    assert (
        f'<a href="/en/projects/smart-bus-stops/partners/{participation.pk}/remove/">Undo: remove the partner</a>'
        in html
    )
    request_from_other.refresh_from_db()
    assert (request_from_other.status, request_from_other.decided_by) == ("accepted", org_admin)
    assert request_from_other.decision_note == "Welcome!"


def test_the_undo_notice_escapes_the_organisation_name(client, project, org_admin, other_member):
    hostile = OrganisationFactory(name_en="<b>Bold</b> Ltd")
    join_request = JoinRequestFactory(project=project, organisation=hostile, created_by=other_member)
    client.force_login(org_admin)

    html = page(client.post(url(join_request, "accept"), follow=True))

    assert "&lt;b&gt;Bold&lt;/b&gt; Ltd now takes part" in html
    assert "<b>Bold</b>" not in html


def test_double_click_on_accept_gives_one_participant_one_notification_and_a_message(
    client, project, org_admin, request_from_other, other_organisation, other_member
):
    client.force_login(org_admin)

    client.post(url(request_from_other, "accept"))
    response = client.post(url(request_from_other, "accept"), {"note": "Again"})

    assert response.status_code == 200
    assert "This request has already been answered." in page(response)
    assert "Again" in page(response)
    assert Participation.objects.filter(project=project, organisation=other_organisation).count() == 1
    assert Notification.objects.filter(recipient=other_member, kind="projects.request_decided").count() == 1


def test_an_over_long_note_on_accepting_is_refused_at_the_field(client, project, org_admin, request_from_other):
    client.force_login(org_admin)

    response = client.post(url(request_from_other, "accept"), {"note": "x" * 2001})

    assert response.status_code == 200
    assert "at most 2000 characters" in page(response)
    request_from_other.refresh_from_db()
    assert request_from_other.status == "pending"


def test_decline_page_asks_for_a_note_and_tells_the_requester(
    client, project, org_admin, request_from_other, other_member
):
    client.force_login(org_admin)

    form = client.get(url(request_from_other, "decline"))
    response = client.post(url(request_from_other, "decline"), {"note": "We have a sensor partner already."})

    assert form.status_code == 200
    assert "Decline the request of Air Sense Ltd to join Smart bus stops?" in page(form)
    assert "We can help with the sensors." in page(form)
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD_URL
    request_from_other.refresh_from_db()
    assert (request_from_other.status, request_from_other.decision_note) == (
        "declined",
        "We have a sensor partner already.",
    )
    assert Notification.objects.filter(recipient=other_member, kind="projects.request_decided").exists()


def test_declining_an_answered_request_shows_why_and_keeps_the_note(client, project, org_admin, request_from_other):
    services.withdraw_join_request(request_from_other, actor=request_from_other.created_by)
    client.force_login(org_admin)

    response = client.post(url(request_from_other, "decline"), {"note": "Too late anyway."})

    html = page(response)
    assert response.status_code == 200
    assert "This request has already been answered." in html
    assert "Too late anyway." in html
    request_from_other.refresh_from_db()
    assert request_from_other.status == "withdrawn"


def test_plain_member_of_the_lead_may_see_but_not_answer(client, project, member, request_from_other):
    client.force_login(member)
    before = state(project)

    assert client.post(url(request_from_other, "accept")).status_code == 403
    assert client.get(url(request_from_other, "decline")).status_code == 403
    assert client.post(url(request_from_other, "decline"), {"note": ""}).status_code == 403
    assert state(project) == before


def test_requester_may_not_accept_its_own_request(client, project, other_member, other_admin, request_from_other):
    client.force_login(other_admin)

    assert client.post(url(request_from_other, "accept")).status_code == 403
    assert not Participation.objects.filter(organisation=request_from_other.organisation).exists()


def test_a_request_the_person_has_nothing_to_do_with_is_a_404(client, project, request_from_other):
    stranger = MembershipFactory(organisation=OrganisationFactory(), admin=True).user
    client.force_login(stranger)
    before = state(project)

    assert client.post(url(request_from_other, "accept")).status_code == 404
    assert client.get(url(request_from_other, "decline")).status_code == 404
    assert client.post(url(request_from_other, "withdraw")).status_code == 404
    assert client.post("/en/projects/requests/999999/accept/").status_code == 404
    assert state(project) == before


def test_visitor_answering_is_sent_to_sign_in(client, project, request_from_other):
    response = client.post(url(request_from_other, "accept"))

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert not Participation.objects.filter(organisation=request_from_other.organisation).exists()


def test_invited_organisations_admin_accepts_the_invitation(
    client, project, org_admin, other_admin, other_organisation
):
    invitation = JoinRequestFactory(
        project=project, organisation=other_organisation, direction="invitation", created_by=org_admin
    )
    client.force_login(other_admin)

    response = client.post(url(invitation, "accept"), follow=True)

    participation = Participation.objects.get(project=project, organisation=other_organisation)
    leave = f"/en/projects/smart-bus-stops/participants/{participation.pk}/leave/"
    assert f'<a href="{leave}">Undo: leave the project</a>' in page(response)
    assert Notification.objects.filter(recipient=org_admin, kind="projects.invitation_decided").exists()


def test_the_lead_may_not_answer_its_own_invitation_nor_a_plain_member_of_the_invited(
    client, project, org_admin, other_member, other_organisation
):
    invitation = JoinRequestFactory(project=project, organisation=other_organisation, direction="invitation")

    client.force_login(org_admin)
    assert client.post(url(invitation, "accept")).status_code == 403
    client.force_login(other_member)
    assert client.post(url(invitation, "accept")).status_code == 403
    assert client.get(url(invitation, "decline")).status_code == 403
    invitation.refresh_from_db()
    assert invitation.status == "pending"


def test_staff_answer_any_request(client, project, staff, request_from_other):
    client.force_login(staff)

    response = client.post(url(request_from_other, "decline"), {"note": "Cluster decision."})

    assert response.status_code == 302
    request_from_other.refresh_from_db()
    assert request_from_other.status == "declined"


# --- Withdrawing ----------------------------------------------------------------------------


def test_requesting_organisation_withdraws_its_request(client, project, other_member, request_from_other):
    client.force_login(other_member)

    response = client.post(url(request_from_other, "withdraw"), follow=True)

    assert response.redirect_chain == [(DASHBOARD_URL, 302)]
    assert "The request of Air Sense Ltd to join Smart bus stops was withdrawn." in page(response)
    request_from_other.refresh_from_db()
    assert request_from_other.status == "withdrawn"


def test_withdrawing_twice_says_it_was_already_answered(client, project, other_member, request_from_other):
    client.force_login(other_member)
    client.post(url(request_from_other, "withdraw"))

    response = client.post(url(request_from_other, "withdraw"), follow=True)

    assert "This request has already been answered." in page(response)


def test_the_lead_may_not_withdraw_a_request_it_received(client, project, org_admin, request_from_other):
    client.force_login(org_admin)

    assert client.post(url(request_from_other, "withdraw")).status_code == 403
    request_from_other.refresh_from_db()
    assert request_from_other.status == "pending"


def test_lead_admin_withdraws_an_invitation_but_the_invited_may_not(
    client, project, org_admin, other_admin, other_organisation
):
    invitation = JoinRequestFactory(project=project, organisation=other_organisation, direction="invitation")

    client.force_login(other_admin)
    assert client.post(url(invitation, "withdraw")).status_code == 403
    client.force_login(org_admin)
    assert client.post(url(invitation, "withdraw")).status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == "withdrawn"


def test_withdrawing_is_a_post_only(client, other_member, request_from_other):
    client.force_login(other_member)

    assert client.get(url(request_from_other, "withdraw")).status_code == 405


# --- Leaving --------------------------------------------------------------------------------


@pytest.fixture
def partner(project, other_organisation):
    return ParticipationFactory(project=project, organisation=other_organisation, role="research")


def leave_url(participation):
    return f"/en/projects/{participation.project.slug}/participants/{participation.pk}/leave/"


def test_partner_admin_confirms_and_leaves(client, project, partner, other_admin, org_admin):
    client.force_login(other_admin)

    confirm = client.get(leave_url(partner))
    response = client.post(leave_url(partner), follow=True)

    assert "Take Air Sense Ltd out of Smart bus stops?" in page(confirm)
    assert response.redirect_chain == [(DASHBOARD_URL, 302)]
    assert "Air Sense Ltd no longer takes part in Smart bus stops." in page(response)
    assert not Participation.objects.filter(pk=partner.pk).exists()
    assert Notification.objects.filter(recipient=org_admin, kind="projects.participant_left").exists()


@pytest.mark.parametrize("persona", ["other_member", "org_admin", "member"])
def test_only_the_partners_own_admins_may_take_it_out(persona_client, project, partner, persona):
    client = persona_client(persona)

    assert client.get(leave_url(partner)).status_code == 403
    assert client.post(leave_url(partner)).status_code == 403
    assert Participation.objects.filter(pk=partner.pk).exists()


def test_the_lead_is_told_to_hand_over_first(client, project, org_admin):
    lead = project.participations.get(role="lead")
    client.force_login(org_admin)

    confirm = client.get(leave_url(lead))
    refused = client.post(leave_url(lead))

    assert "hand the lead over to another participant first" in page(confirm)
    assert 'href="/en/projects/smart-bus-stops/lead/"' in page(confirm)
    assert refused.status_code == 200
    assert "The lead cannot leave the project" in page(refused)
    assert Participation.objects.filter(pk=lead.pk).exists()


def test_a_participation_of_another_project_is_a_404(client, project, other_admin, other_organisation):
    elsewhere = ParticipationFactory(organisation=other_organisation)
    client.force_login(other_admin)

    assert client.get(f"/en/projects/smart-bus-stops/participants/{elsewhere.pk}/leave/").status_code == 404


# --- Handing over the lead --------------------------------------------------------------------


def test_lead_admin_hands_the_lead_to_a_partner(client, project, partner, org_admin, organisation, other_admin):
    client.force_login(org_admin)

    form = client.get(HANDOVER_URL)
    response = client.post(HANDOVER_URL, {"organisation": "air-sense"}, follow=True)

    assert '<option value="air-sense">Air Sense Ltd</option>' in page(form)
    assert 'value="tartu-mobility"' not in page(form)
    assert response.redirect_chain[0] == ("/en/projects/smart-bus-stops/", 302)
    roles = dict(Participation.objects.filter(project=project).values_list("organisation__slug", "role"))
    assert roles == {"tartu-mobility": "partner", "air-sense": "lead"}
    assert Notification.objects.filter(recipient=other_admin, kind="projects.lead_changed").exists()


def test_handover_to_a_non_participant_is_refused_by_the_form(client, project, partner, org_admin):
    OrganisationFactory(slug="outsider")
    client.force_login(org_admin)

    response = client.post(HANDOVER_URL, {"organisation": "outsider"})

    assert response.status_code == 200
    assert 'id="id_organisation_errors"' in page(response)
    assert project.participations.get(role="lead").organisation.slug == "tartu-mobility"


def test_handover_without_partners_says_to_invite_first(client, project, org_admin):
    client.force_login(org_admin)

    html = page(client.get(HANDOVER_URL))

    assert "No other organisation takes part yet. Invite a partner first." in html
    assert '<form method="post" novalidate class="joining-form">' not in html


@pytest.mark.parametrize("persona", ["member", "other_member"])
def test_only_the_leads_admins_may_hand_over(persona_client, project, partner, persona):
    client = persona_client(persona)

    assert client.get(HANDOVER_URL).status_code == 403
    assert client.post(HANDOVER_URL, {"organisation": "air-sense"}).status_code == 403
    assert project.participations.get(role="lead").organisation.slug == "tartu-mobility"


def test_suspended_partner_cannot_take_the_lead(client, project, partner, org_admin, other_organisation):
    other_organisation.membership_status = MembershipStatus.SUSPENDED
    other_organisation.save()
    client.force_login(org_admin)

    response = client.post(HANDOVER_URL, {"organisation": "air-sense"})

    assert response.status_code == 200
    assert "Air Sense Ltd is not an active member of the cluster" in page(response)
    assert project.participations.get(role="lead").organisation.slug == "tartu-mobility"
