"""An organisation's people page: who sees it, inviting, changing roles, removing people."""

import pytest
from django.core import mail
from django.utils import translation

from members import services
from members.invitations import invitation_id_from
from members.models import Invitation, Membership, Role
from tests.factories import InvitationFactory, MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

PEOPLE_URL = "/en/members/tartu-mobility/people/"
INVITE_URL = "/en/members/tartu-mobility/people/invite/"


def edit_url(membership):
    return f"/en/members/{membership.organisation.slug}/people/{membership.pk}/"


def remove_url(membership):
    return f"/en/members/{membership.organisation.slug}/people/{membership.pk}/remove/"


def membership_of(user, organisation):
    return Membership.objects.get(user=user, organisation=organisation)


def state(organisation):
    memberships = Membership.objects.filter(organisation=organisation).order_by("pk")
    invitations = Invitation.objects.filter(organisation=organisation).order_by("pk")
    return (
        list(memberships.values_list("user_id", "role", "job_title", "is_primary_contact")),
        list(invitations.values_list("email", "status")),
    )


# --- Who sees the page ----------------------------------------------------------------------


def test_org_admin_sees_names_emails_titles_roles_and_pending_invitations(client, org_admin, member, organisation):
    MembershipFactory(organisation=organisation, user__display_name="Pia Primary", is_primary_contact=True)
    InvitationFactory(organisation=organisation, email="waiting@example.ee", invited_by=org_admin)
    InvitationFactory(organisation=organisation, email="accepted@example.ee", status=Invitation.Status.ACCEPTED)
    client.force_login(org_admin)

    response = client.get(PEOPLE_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    for text in ["Mari Member", member.email, "Olev Orgadmin", "Project manager", "Organisation admin", "Pia Primary"]:
        assert text in html
    assert "waiting@example.ee" in html
    assert "accepted@example.ee" not in html
    assert "Invited by Olev Orgadmin" in html
    assert response["Vary"].count("HX-Request") == 1


def test_staff_see_the_people_page(client, staff, organisation, member):
    client.force_login(staff)

    assert client.get(PEOPLE_URL).status_code == 200


def test_plain_member_is_forbidden(client, member):
    client.force_login(member)

    assert client.get(PEOPLE_URL).status_code == 403


def test_member_of_another_organisation_is_forbidden(client, other_member, organisation):
    client.force_login(other_member)

    assert client.get(PEOPLE_URL).status_code == 403


def test_outsider_gets_404_for_an_applicant_organisation(client, other_member):
    OrganisationFactory(applicant=True, slug="hopeful")
    client.force_login(other_member)

    assert client.get("/en/members/hopeful/people/").status_code == 404


def test_visitor_is_sent_to_sign_in_and_sees_no_names(client, member):
    response = client.get(PEOPLE_URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert "Mari Member" not in response.content.decode()


@pytest.mark.parametrize("people", [5, 50])
def test_people_page_runs_the_same_queries_whatever_the_number_of_people(
    client, org_admin, organisation, assert_page_queries, people
):
    MembershipFactory.create_batch(people - 1, organisation=organisation)
    InvitationFactory.create_batch(people, organisation=organisation, invited_by=org_admin)
    client.force_login(org_admin)

    # session, user, organisation, role, people, invitations
    response = assert_page_queries(PEOPLE_URL, 7)

    assert response.content.decode().count('href="/en/members/tartu-mobility/people/') >= 2 * people


# --- Inviting -------------------------------------------------------------------------------


def test_admin_invites_a_colleague_who_gets_a_signed_link_in_the_page_language(
    client, org_admin, organisation, mail_after_commit
):
    client.force_login(org_admin)

    with mail_after_commit():
        response = client.post(INVITE_URL, {"email": "new.colleague@example.ee", "role": "admin"})

    assert response.status_code == 302
    assert response["Location"] == PEOPLE_URL
    invitation = Invitation.objects.get(organisation=organisation)
    assert (invitation.email, invitation.role, invitation.invited_by) == (
        "new.colleague@example.ee",
        "admin",
        org_admin,
    )
    assert invitation.status == Invitation.Status.PENDING
    (message,) = mail.outbox
    assert message.to == ["new.colleague@example.ee"]
    assert message.subject == "[ESCC] Olev Orgadmin invites you to join Tartu Mobility Ltd on the cluster portal"
    token = message.body.split("/en/invitations/")[1].split("/")[0]
    assert invitation_id_from(token) == invitation.pk
    assert f"/en/invitations/{token}/" in message.alternatives[0][0]


def test_invitation_from_an_estonian_page_links_the_estonian_page(client, org_admin, mail_after_commit):
    client.force_login(org_admin)

    with mail_after_commit():
        client.post("/et/members/tartu-mobility/people/invite/", {"email": "uus@example.ee", "role": "member"})

    assert "/et/invitations/" in mail.outbox[0].body


def test_invite_form_page_renders(client, org_admin):
    client.force_login(org_admin)

    response = client.get(INVITE_URL)

    assert response.status_code == 200
    assert 'name="email"' in response.content.decode()


def test_second_pending_invitation_to_the_same_address_is_refused_with_a_message(
    client, org_admin, organisation, mail_after_commit
):
    InvitationFactory(organisation=organisation, email="twice@example.ee")
    client.force_login(org_admin)

    with mail_after_commit():
        response = client.post(INVITE_URL, {"email": "Twice@Example.ee", "role": "member"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_email_errors"' in html
    assert "already been invited" in html
    assert 'value="Twice@Example.ee"' in html
    assert Invitation.objects.filter(organisation=organisation).count() == 1
    assert mail.outbox == []


def test_pending_invitation_made_in_a_race_is_refused_by_the_constraint(monkeypatch, org_admin, organisation):
    InvitationFactory(organisation=organisation, email="race@example.ee")
    monkeypatch.setattr("members.services.people._has_pending_invitation", lambda organisation, email: False)

    with translation.override("en"), pytest.raises(services.MembersError, match="already been invited"):
        services.invite_person(organisation, actor=org_admin, email="race@example.ee", role=Role.MEMBER)

    assert Invitation.objects.filter(organisation=organisation).count() == 1


def test_inviting_someone_already_in_the_organisation_is_refused(client, org_admin, member, organisation):
    client.force_login(org_admin)

    response = client.post(INVITE_URL, {"email": member.email.upper(), "role": "member"})

    assert "already in the organisation" in response.content.decode()
    assert not Invitation.objects.filter(organisation=organisation).exists()


def test_the_same_address_may_be_invited_by_two_organisations(org_admin, organisation, other_organisation):
    services.invite_person(organisation, actor=org_admin, email="both@example.ee", role=Role.MEMBER)
    services.invite_person(other_organisation, actor=None, email="both@example.ee", role=Role.MEMBER)

    assert Invitation.objects.filter(email="both@example.ee").count() == 2


def test_invite_with_htmx_returns_the_invitations_partial(client, org_admin, organisation):
    client.force_login(org_admin)

    response = client.post(INVITE_URL, {"email": "htmx@example.ee", "role": "member"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<div id="people-invitations"')
    assert "<html" not in html
    assert "htmx@example.ee" in html
    assert "An invitation was sent to htmx@example.ee." in html
    assert "HX-Request" in response["Vary"]


def test_invite_errors_with_htmx_stay_in_the_partial(client, org_admin):
    client.force_login(org_admin)

    response = client.post(INVITE_URL, {"email": "nope", "role": "member"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert 'id="id_email_errors"' in html
    assert "<html" not in html


def test_admin_withdraws_an_invitation(client, org_admin, organisation):
    invitation = InvitationFactory(organisation=organisation)
    client.force_login(org_admin)

    response = client.post(f"/en/members/tartu-mobility/invitations/{invitation.pk}/withdraw/")

    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.REVOKED
    assert invitation.decided_at is not None


def test_withdrawing_with_htmx_returns_the_partial_without_the_invitation(client, org_admin, organisation):
    invitation = InvitationFactory(organisation=organisation, email="gone@example.ee")
    client.force_login(org_admin)

    response = client.post(
        f"/en/members/tartu-mobility/invitations/{invitation.pk}/withdraw/", headers={"HX-Request": "true"}
    )

    html = response.content.decode()
    assert html.startswith('<div id="people-invitations"')
    assert "The invitation to gone@example.ee was withdrawn." in html
    assert "<strong>gone@example.ee</strong>" not in html
    assert "HX-Request" in response["Vary"]


def test_withdrawing_twice_says_so_and_changes_nothing(client, org_admin, organisation):
    invitation = InvitationFactory(organisation=organisation, status=Invitation.Status.ACCEPTED)
    client.force_login(org_admin)

    response = client.post(
        f"/en/members/tartu-mobility/invitations/{invitation.pk}/withdraw/", headers={"HX-Request": "true"}
    )

    assert "already been used or withdrawn" in response.content.decode()
    assert Invitation.objects.get(pk=invitation.pk).status == Invitation.Status.ACCEPTED


def test_withdrawing_another_organisations_invitation_is_404(client, org_admin, other_organisation):
    invitation = InvitationFactory(organisation=other_organisation)
    client.force_login(org_admin)

    response = client.post(f"/en/members/tartu-mobility/invitations/{invitation.pk}/withdraw/")

    assert response.status_code == 404
    assert Invitation.objects.get(pk=invitation.pk).status == Invitation.Status.PENDING


# --- A plain member may not manage people ---------------------------------------------------


def test_plain_members_posts_are_forbidden_and_change_nothing(client, member, org_admin, organisation):
    invitation = InvitationFactory(organisation=organisation)
    admin_membership = membership_of(org_admin, organisation)
    before = state(organisation)
    client.force_login(member)

    responses = [
        client.post(INVITE_URL, {"email": "x@example.ee", "role": "admin"}),
        client.post(edit_url(membership_of(member, organisation)), {"role": "admin", "job_title": "Boss"}),
        client.post(edit_url(admin_membership), {"role": "member", "job_title": ""}),
        client.post(remove_url(admin_membership)),
        client.post(f"/en/members/tartu-mobility/invitations/{invitation.pk}/withdraw/"),
    ]

    assert [response.status_code for response in responses] == [403] * 5
    assert state(organisation) == before


def test_visitors_posts_go_to_sign_in_and_change_nothing(client, member, organisation):
    before = state(organisation)

    response = client.post(INVITE_URL, {"email": "x@example.ee", "role": "admin"})

    assert response.status_code == 302
    assert state(organisation) == before


# --- Changing roles, titles and the primary contact -----------------------------------------


def test_admin_changes_a_persons_role_and_title(client, org_admin, member, organisation):
    membership = membership_of(member, organisation)
    client.force_login(org_admin)

    form = client.get(edit_url(membership)).content.decode()
    response = client.post(edit_url(membership), {"role": "admin", "job_title": "CTO"})

    assert 'value="Project manager"' in form
    assert response.status_code == 302
    assert response["Location"] == PEOPLE_URL
    membership.refresh_from_db()
    assert (membership.role, membership.job_title) == (Role.ADMIN, "CTO")


def test_making_someone_primary_contact_unsets_the_previous_one(client, org_admin, member, organisation):
    admin_membership = membership_of(org_admin, organisation)
    Membership.objects.filter(pk=admin_membership.pk).update(is_primary_contact=True)
    membership = membership_of(member, organisation)
    client.force_login(org_admin)

    client.post(edit_url(membership), {"role": "member", "job_title": "", "is_primary_contact": "on"})

    assert list(
        Membership.objects.filter(organisation=organisation, is_primary_contact=True).values_list("pk", flat=True)
    ) == [membership.pk]


def test_last_admin_cannot_be_demoted(client, org_admin, member, organisation):
    membership = membership_of(org_admin, organisation)
    client.force_login(org_admin)

    response = client.post(edit_url(membership), {"role": "member", "job_title": "Boss"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_role_errors"' in html
    assert "at least one admin" in html
    membership.refresh_from_db()
    assert (membership.role, membership.job_title) == (Role.ADMIN, "Project manager")


def test_two_admins_demoting_each_other_leave_one_admin(organisation):
    first = MembershipFactory(organisation=organisation, admin=True)
    second = MembershipFactory(organisation=organisation, admin=True)

    services.change_membership(second, actor=first.user, role=Role.MEMBER)
    with pytest.raises(services.MembersError):
        services.change_membership(first, actor=second.user, role=Role.MEMBER)

    assert list(Membership.objects.filter(organisation=organisation, role=Role.ADMIN)) == [first]


def test_admin_who_demotes_themself_goes_to_the_organisation_page(client, org_admin, organisation):
    MembershipFactory(organisation=organisation, admin=True)
    client.force_login(org_admin)

    response = client.post(edit_url(membership_of(org_admin, organisation)), {"role": "member", "job_title": ""})

    assert response.status_code == 302
    assert response["Location"] == "/en/members/tartu-mobility/"
    assert membership_of(org_admin, organisation).role == Role.MEMBER


def test_editing_a_membership_of_another_organisation_is_404(client, org_admin, other_member, other_organisation):
    foreign = membership_of(other_member, other_organisation)
    client.force_login(org_admin)

    get = client.get(f"/en/members/tartu-mobility/people/{foreign.pk}/")
    post = client.post(f"/en/members/tartu-mobility/people/{foreign.pk}/", {"role": "admin", "job_title": "X"})
    remove = client.post(f"/en/members/tartu-mobility/people/{foreign.pk}/remove/")

    assert (get.status_code, post.status_code, remove.status_code) == (404, 404, 404)
    foreign.refresh_from_db()
    assert foreign.role == Role.MEMBER


def test_staff_change_a_role_in_any_organisation(client, staff, member, org_admin, organisation):
    membership = membership_of(member, organisation)
    client.force_login(staff)

    client.post(edit_url(membership), {"role": "admin", "job_title": ""})

    assert Membership.objects.get(pk=membership.pk).role == Role.ADMIN


# --- Removing people ------------------------------------------------------------------------


def test_admin_removes_a_person_after_confirming(client, org_admin, member, organisation):
    membership = membership_of(member, organisation)
    client.force_login(org_admin)

    confirm = client.get(remove_url(membership))
    response = client.post(remove_url(membership))

    assert confirm.status_code == 200
    assert "Remove Mari Member from Tartu Mobility Ltd?" in confirm.content.decode()
    assert response.status_code == 302
    assert response["Location"] == PEOPLE_URL
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert member.__class__.objects.filter(pk=member.pk).exists()


def test_last_admin_cannot_remove_themself(client, org_admin, member, organisation):
    membership = membership_of(org_admin, organisation)
    client.force_login(org_admin)

    response = client.post(remove_url(membership))

    assert response.status_code == 200
    assert "at least one admin" in response.content.decode()
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_an_admin_may_leave_when_another_admin_stays(client, org_admin, organisation):
    MembershipFactory(organisation=organisation, admin=True)
    client.force_login(org_admin)

    response = client.post(remove_url(membership_of(org_admin, organisation)))

    assert response.status_code == 302
    assert response["Location"] == "/en/members/tartu-mobility/"
    assert Membership.objects.filter(organisation=organisation, role=Role.ADMIN).count() == 1


def test_removing_someone_already_removed_is_refused(org_admin, member, organisation):
    membership = membership_of(member, organisation)
    services.remove_membership(membership, actor=org_admin)

    with pytest.raises(services.MembersError):
        services.remove_membership(membership, actor=org_admin)


def test_an_unknown_role_is_refused_by_the_service(org_admin, member, organisation):
    with pytest.raises(services.MembersError):
        services.change_membership(membership_of(member, organisation), actor=org_admin, role="owner")
    with pytest.raises(services.MembersError):
        services.invite_person(organisation, actor=org_admin, email="a@example.ee", role="owner")


def test_people_page_of_an_organisation_without_people_still_renders(client, staff):
    OrganisationFactory(slug="empty-org")
    client.force_login(staff)

    response = client.get("/en/members/empty-org/people/")

    assert response.status_code == 200
    assert "No one is in the organisation yet." in response.content.decode()


def test_a_new_user_can_be_invited_then_is_listed(client, org_admin, organisation):
    person = UserFactory(display_name="Invited Ingrid")
    invitation = services.invite_person(organisation, actor=org_admin, email=person.email, role=Role.MEMBER)
    services.accept_invitation(invitation, user=person)
    client.force_login(org_admin)

    assert "Invited Ingrid" in client.get(PEOPLE_URL).content.decode()
