"""Invitation links: signed, expiring, single use; accepting links or creates the account."""

import time
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import timezone, translation

from members import services
from members.invitations import MAX_AGE, ExpiredToken, InvalidToken, invitation_id_from, make_token
from members.models import Invitation, Membership, Role, User
from tests.factories import InvitationFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-enough-passphrase"


@pytest.fixture
def invitation(organisation, org_admin):
    return InvitationFactory(
        organisation=organisation, email="ingrid@example.ee", role=Role.ADMIN, invited_by=org_admin
    )


def accept_url(invitation, language="en"):
    return f"/{language}/invitations/{make_token(invitation)}/"


def token_made_ago(invitation, monkeypatch, age):
    real_time = time.time()
    with monkeypatch.context() as patched:
        patched.setattr(time, "time", lambda: real_time - age.total_seconds())
        return make_token(invitation)


# --- The token ------------------------------------------------------------------------------


def test_token_carries_the_invitation_id(invitation):
    assert invitation_id_from(make_token(invitation)) == invitation.pk


def test_altered_token_is_refused(invitation):
    token = make_token(invitation)

    with pytest.raises(InvalidToken):
        invitation_id_from(token[:-2] + ("AA" if not token.endswith("AA") else "BB"))


def test_token_signed_for_another_purpose_is_refused(invitation):
    from django.core import signing

    with pytest.raises(InvalidToken):
        invitation_id_from(signing.dumps(invitation.pk, salt="something.else"))


def test_token_older_than_fourteen_days_is_expired(invitation, monkeypatch):
    token = token_made_ago(invitation, monkeypatch, MAX_AGE + timedelta(minutes=1))

    with pytest.raises(ExpiredToken):
        invitation_id_from(token)


def test_token_thirteen_days_old_still_works(invitation, monkeypatch):
    token = token_made_ago(invitation, monkeypatch, timedelta(days=13))

    assert invitation_id_from(token) == invitation.pk


# --- Unusable links answer clearly, never 500 ---------------------------------------------------


def test_expired_link_answers_410_with_an_explanation(client, invitation, monkeypatch):
    token = token_made_ago(invitation, monkeypatch, timedelta(days=15))

    response = client.get(f"/en/invitations/{token}/")

    assert response.status_code == 410
    assert "This invitation link has expired." in response.content.decode()


def test_tampered_link_answers_400(client, invitation):
    assert client.get("/en/invitations/not-a-real-token/").status_code == 400
    assert client.post("/en/invitations/not-a-real-token/").status_code == 400


@pytest.mark.parametrize("status", [Invitation.Status.ACCEPTED, Invitation.Status.REVOKED])
def test_used_or_withdrawn_invitation_answers_410(client, invitation, status):
    Invitation.objects.filter(pk=invitation.pk).update(status=status)

    response = client.get(accept_url(invitation))

    assert response.status_code == 410
    assert "already been used or withdrawn" in response.content.decode()


def test_link_to_a_deleted_invitation_answers_410(client, invitation):
    url = accept_url(invitation)
    invitation.delete()

    assert client.get(url).status_code == 410


def test_withdrawn_invitation_link_stops_working(client, invitation, org_admin):
    url = accept_url(invitation)
    services.withdraw_invitation(invitation, actor=org_admin)

    assert client.get(url).status_code == 410
    assert client.post(url, {"display_name": "X", "password1": PASSWORD, "password2": PASSWORD}).status_code == 410
    assert not User.objects.filter(email="ingrid@example.ee").exists()


# --- A visitor without an account -------------------------------------------------------------


def test_visitor_sees_the_organisation_role_inviter_and_an_account_form(client, invitation):
    response = client.get(accept_url(invitation))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Join Tartu Mobility Ltd" in html
    assert "Organisation admin" in html
    assert "Olev Orgadmin" in html
    assert 'name="password2"' in html
    assert 'name="email"' not in html


def test_visitor_creates_a_verified_account_is_signed_in_and_joins(client, invitation, organisation):
    response = client.post(
        accept_url(invitation), {"display_name": "Ingrid Invited", "password1": PASSWORD, "password2": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/members/tartu-mobility/"
    user = User.objects.get(email="ingrid@example.ee")
    assert (user.display_name, user.preferred_language) == ("Ingrid Invited", "en")
    assert EmailAddress.objects.get(user=user).verified
    membership = Membership.objects.get(user=user, organisation=organisation)
    assert membership.role == Role.ADMIN
    invitation.refresh_from_db()
    assert (invitation.status, invitation.accepted_by) == (Invitation.Status.ACCEPTED, user)
    assert client.get("/en/me/").status_code == 200


def test_account_form_errors_keep_the_name_and_create_nothing(client, invitation):
    response = client.post(accept_url(invitation), {"display_name": "Ingrid", "password1": "short", "password2": "x"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_password2_errors"' in html or 'id="id_password1_errors"' in html
    assert 'value="Ingrid"' in html
    assert not User.objects.filter(email="ingrid@example.ee").exists()
    assert Invitation.objects.get(pk=invitation.pk).status == Invitation.Status.PENDING


def test_password_like_the_invited_address_is_refused(client, invitation):
    response = client.post(
        accept_url(invitation),
        {"display_name": "Ingrid", "password1": "ingrid@example.ee", "password2": "ingrid@example.ee"},
    )

    assert 'id="id_password1_errors"' in response.content.decode()
    assert not User.objects.filter(email="ingrid@example.ee").exists()


def test_visitor_whose_address_has_an_account_is_offered_sign_in_back_to_the_link(client, invitation):
    UserFactory(email="Ingrid@Example.ee")
    url = accept_url(invitation)

    get = client.get(url)
    post = client.post(url, {"display_name": "Ingrid", "password1": PASSWORD, "password2": PASSWORD})

    html = get.content.decode()
    assert get.status_code == 200
    assert "/en/accounts/login/?next=%2Fen%2Finvitations%2F" in html
    assert 'name="password1"' not in html
    assert post.status_code == 200
    assert User.objects.filter(email__iexact="ingrid@example.ee").count() == 1
    assert Invitation.objects.get(pk=invitation.pk).status == Invitation.Status.PENDING


# --- A signed-in person ---------------------------------------------------------------------


def test_signed_in_person_accepts_and_is_linked(client, invitation, organisation):
    person = UserFactory(email="ingrid@example.ee")
    client.force_login(person)
    url = accept_url(invitation)

    page = client.get(url)
    response = client.post(url)

    assert "Accept the invitation" in page.content.decode()
    assert response.status_code == 302
    assert response["Location"] == "/en/members/tartu-mobility/"
    assert Membership.objects.get(user=person, organisation=organisation).role == Role.ADMIN
    assert User.objects.filter(email="ingrid@example.ee").count() == 1
    assert client.post(url).status_code == 410


def test_signed_in_person_with_another_address_is_refused_and_offered_to_switch(client, invitation, other_member):
    other_member.email = "bert@air-sense.example"
    other_member.save()
    client.force_login(other_member)
    url = accept_url(invitation)

    page = client.get(url)
    response = client.post(url)

    html = page.content.decode()
    assert page.status_code == 200
    assert "This invitation was sent to i…@example.ee, and you are signed in as b…@air-sense.example." in html
    assert "ingrid@example.ee" not in html
    assert 'action="/en/accounts/logout/"' in html
    assert f'name="next" value="{url}"' in html
    assert "Sign out and continue as i…@example.ee" in html
    assert "Accept the invitation" not in html
    assert response.status_code == 403
    assert not Membership.objects.filter(user=other_member, organisation=invitation.organisation).exists()
    assert Invitation.objects.get(pk=invitation.pk).status == Invitation.Status.PENDING


def test_staff_cannot_take_an_admin_invitation_sent_to_someone_else(client, invitation, staff, organisation):
    client.force_login(staff)

    response = client.post(accept_url(invitation))

    assert response.status_code == 403
    assert not Membership.objects.filter(user=staff, organisation=organisation).exists()


def test_an_unconfirmed_invited_address_cannot_accept(client, invitation, organisation):
    person = UserFactory(email="someone@example.ee")
    EmailAddress.objects.create(user=person, email="ingrid@example.ee", verified=False, primary=False)
    client.force_login(person)
    url = accept_url(invitation)

    page = client.get(url)
    response = client.post(url)

    assert "i…@example.ee is on your account but not confirmed yet." in page.content.decode()
    assert response.status_code == 403
    assert not Membership.objects.filter(user=person, organisation=organisation).exists()
    assert Invitation.objects.get(pk=invitation.pk).status == Invitation.Status.PENDING


def test_signing_out_from_the_refusal_returns_to_the_invitation(client, invitation, other_member):
    client.force_login(other_member)
    url = accept_url(invitation)

    response = client.post("/en/accounts/logout/", {"next": url})

    assert response.status_code == 302
    assert response["Location"] == url
    assert 'name="password1"' in client.get(url).content.decode()


def test_someone_already_in_the_organisation_is_told_so_and_nothing_changes(client, member, organisation):
    invitation = InvitationFactory(organisation=organisation, email=member.email.upper(), role=Role.ADMIN)
    client.force_login(member)
    url = accept_url(invitation)

    page = client.get(url)
    response = client.post(url)

    assert "You are already in Tartu Mobility Ltd." in page.content.decode()
    assert response.status_code == 200
    assert Membership.objects.get(user=member, organisation=organisation).role == Role.MEMBER
    assert Invitation.objects.get(pk=invitation.pk).status == Invitation.Status.PENDING


# --- The service ----------------------------------------------------------------------------


def test_accepting_twice_raises(invitation):
    services.accept_invitation(invitation, user=UserFactory(email="ingrid@example.ee"))

    with pytest.raises(services.MembersError):
        services.accept_invitation(invitation, user=UserFactory())


def test_an_account_without_the_invited_address_is_refused_and_logged(invitation, caplog):
    person = UserFactory(email="someone@example.ee")

    with translation.override("en"), pytest.raises(services.MembersError, match="sent to i…@example.ee"):
        services.accept_invitation(invitation, user=person)

    [record] = [r.msg for r in caplog.records if r.name == "members.services.people"]
    assert record["event"] == "members.invitation.refused"
    assert (record["invitation_id"], record["user_id"]) == (invitation.pk, person.pk)
    assert Invitation.objects.get(pk=invitation.pk).status == Invitation.Status.PENDING


def test_accepting_is_logged_with_who_and_which_address(invitation, caplog):
    person = UserFactory(email="Ingrid@Example.ee")

    services.accept_invitation(invitation, user=person)

    [record] = [r.msg for r in caplog.records if r.name == "members.services.people"]
    assert record["event"] == "members.invitation.accepted"
    assert (record["user_id"], record["email"], record["role"]) == (person.pk, "ingrid@example.ee", Role.ADMIN)
    assert (record["invitation_id"], record["organisation_id"]) == (invitation.pk, invitation.organisation_id)


def test_invitation_older_than_fourteen_days_cannot_be_accepted(invitation):
    Invitation.objects.filter(pk=invitation.pk).update(created_at=timezone.now() - timedelta(days=15))

    with translation.override("en"), pytest.raises(services.MembersError, match="expired"):
        services.accept_invitation(invitation, user=UserFactory())

    assert (
        not Membership.objects.filter(organisation=invitation.organisation, role=Role.ADMIN)
        .exclude(user=invitation.invited_by)
        .exists()
    )


def test_account_for_an_address_taken_meanwhile_is_refused(invitation):
    UserFactory(email="ingrid@example.ee")

    with pytest.raises(services.MembersError):
        services.accept_invitation(
            invitation, account={"display_name": "Ingrid", "password": PASSWORD, "language": "et"}
        )

    assert Invitation.objects.get(pk=invitation.pk).status == Invitation.Status.PENDING


def test_invitation_mail_can_be_followed_to_join(client, org_admin, organisation, mail_after_commit):
    client.force_login(org_admin)
    with mail_after_commit():
        client.post("/en/members/tartu-mobility/people/invite/", {"email": "follow@example.ee", "role": "member"})
    client.logout()
    link = next(line for line in mail.outbox[0].body.splitlines() if "/invitations/" in line).strip()
    path = link.split("://", 1)[1].split("/", 1)[1]

    response = client.post(f"/{path}", {"display_name": "Follower", "password1": PASSWORD, "password2": PASSWORD})

    assert response.status_code == 302
    assert Membership.objects.filter(
        user__email="follow@example.ee", organisation=organisation, role=Role.MEMBER
    ).exists()
