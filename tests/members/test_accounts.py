"""Sign-up, e-mail verification, sign-in and the guards around them (django-allauth)."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from members.models import User
from tests.factories import TEST_PASSWORD, UserFactory

SIGNUP = {
    "email": "liis@example.ee",
    "display_name": "Liis Lepik",
    "password1": "a-long-enough-passphrase",
    "password2": "a-long-enough-passphrase",
}


def code_from(message):
    return re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", message.body, re.MULTILINE).group(1)


@pytest.mark.django_db
def test_sign_up_keeps_name_and_language_and_asks_for_the_emailed_code(client, mail_after_commit):
    with mail_after_commit():
        response = client.post("/et/accounts/signup/", SIGNUP)

    user = User.objects.get(email="liis@example.ee")
    assert response.status_code == 302
    assert response["Location"] == "/et/accounts/confirm-email/"
    assert (user.display_name, user.preferred_language) == ("Liis Lepik", "et")
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert code_from(mail.outbox[0])


@pytest.mark.django_db
def test_the_emailed_code_verifies_the_address_and_signs_in(client, mail_after_commit):
    with mail_after_commit():
        client.post("/en/accounts/signup/", SIGNUP)

    response = client.post("/en/accounts/confirm-email/", {"code": code_from(mail.outbox[0])})

    assert response.status_code == 302
    assert EmailAddress.objects.get(email="liis@example.ee").verified
    assert client.get("/en/me/").status_code == 200


@pytest.mark.django_db
def test_a_wrong_code_is_refused_next_to_the_field(client, mail_after_commit):
    with mail_after_commit():
        client.post("/en/accounts/signup/", SIGNUP)

    response = client.post("/en/accounts/confirm-email/", {"code": "WRONG1"})

    assert response.status_code == 200
    assert 'id="id_code_errors"' in response.content.decode()
    assert not EmailAddress.objects.get(email="liis@example.ee").verified


@pytest.mark.django_db
def test_mail_is_written_in_the_language_the_person_signed_up_in(client, mail_after_commit):
    with mail_after_commit():
        client.post("/et/accounts/signup/", SIGNUP)
    client.logout()
    with mail_after_commit():
        client.post("/en/accounts/signup/", {**SIGNUP, "email": "john@example.ee"})

    estonian, english = mail.outbox
    assert "Kinnita" in estonian.subject or "kinnit" in estonian.body.lower()
    assert "Confirm" in english.subject or "confirm" in english.body.lower()
    assert User.objects.get(email="john@example.ee").preferred_language == "en"


@pytest.mark.django_db
def test_unverified_person_cannot_sign_in_until_verified(client):
    UserFactory(email="new@example.ee", verified_email=False)
    EmailAddress.objects.create(user=User.objects.get(email="new@example.ee"), email="new@example.ee")

    response = client.post("/et/accounts/login/", {"login": "new@example.ee", "password": TEST_PASSWORD})

    assert response["Location"] == "/et/accounts/confirm-email/"
    assert client.get("/et/me/").status_code == 302


@pytest.mark.django_db
def test_verified_person_signs_in_with_email_and_password(client, member):
    response = client.post("/et/accounts/login/", {"login": member.email.upper(), "password": TEST_PASSWORD})

    assert response.status_code == 302
    assert client.get("/et/me/").status_code == 200


@pytest.mark.django_db
def test_sign_up_with_a_taken_address_looks_the_same_as_a_new_one(client, member, mail_after_commit):
    with mail_after_commit():
        response = client.post("/et/accounts/signup/", {**SIGNUP, "email": member.email})

    # No enumeration: same redirect as a fresh sign-up; the owner is told by e-mail instead.
    assert response["Location"] == "/et/accounts/confirm-email/"
    assert User.objects.filter(email=member.email).count() == 1
    assert mail.outbox[0].to == [member.email]


@pytest.mark.django_db
def test_password_reset_answers_the_same_for_unknown_addresses(client, member, mail_after_commit):
    with mail_after_commit():
        known = client.post("/en/accounts/password/reset/", {"email": member.email})
    with mail_after_commit():
        unknown = client.post("/en/accounts/password/reset/", {"email": "nobody@example.ee"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


@pytest.mark.django_db
def test_repeated_wrong_passwords_are_rate_limited(client, member):
    for _attempt in range(5):
        client.post("/en/accounts/login/", {"login": member.email, "password": "wrong-password"})

    response = client.post("/en/accounts/login/", {"login": member.email, "password": TEST_PASSWORD})

    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert client.get("/en/me/").status_code == 302


@pytest.mark.django_db
def test_admin_login_goes_through_the_portal_sign_in(client):
    response = client.get("/admin/login/?next=/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/et/accounts/login/")


@pytest.mark.django_db
def test_staff_without_two_factor_are_sent_to_set_it_up(client):
    client.force_login(UserFactory(staff=True))

    response = client.get("/admin/")

    assert response.status_code == 302
    assert "/accounts/2fa/totp/activate/" in response["Location"]


@pytest.mark.django_db
def test_staff_with_two_factor_reach_the_admin(client, staff):
    client.force_login(staff)

    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_members_never_reach_the_admin(client, member):
    client.force_login(member)

    assert client.get("/admin/").status_code in (302, 403)
    assert client.get("/admin/members/user/").status_code in (302, 403)


@pytest.mark.django_db
def test_account_mail_has_a_designed_html_part_and_names_the_portal(client, mail_after_commit):
    with mail_after_commit():
        client.post("/en/accounts/signup/", SIGNUP)

    message = mail.outbox[0]
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="en">' in html
    assert code_from(message) in html
    assert message.body.startswith("Hello from the Estonian Smart City Cluster portal!")
    assert "testserver" not in message.body


LONG_ADDRESS = "a" * 250 + "@example.com"


@pytest.mark.django_db
def test_an_over_long_address_to_the_password_reset_gets_the_fields_message(client):
    response = client.post(reverse("account_reset_password"), {"email": LONG_ADDRESS})

    assert response.status_code == 200
    assert response.context["form"].errors["email"]
