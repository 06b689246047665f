"""Signing in hashes the password once, whatever the outcome.

A password hash is the slow part of a sign-in by design (hundreds of milliseconds). A second
authentication backend beside allauth's checked every wrong password again, and hashed once
more for an unknown address or an address typed in another case: twice the wait.
"""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import MD5PasswordHasher

from tests.factories import UserFactory

LOGIN = "/et/accounts/login/"
PASSWORD = "pikk-salasona-123"

pytestmark = pytest.mark.django_db


@pytest.fixture
def hashes(monkeypatch):
    """How many times a password was hashed (a check hashes too)."""
    calls = []
    encode = MD5PasswordHasher.encode

    def counting_encode(self, password, salt):
        calls.append(password)
        return encode(self, password, salt)

    monkeypatch.setattr(MD5PasswordHasher, "encode", counting_encode)
    return calls


@pytest.fixture
def person():
    user = UserFactory(email="kasutaja@example.ee", password=PASSWORD)
    EmailAddress.objects.update_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    return user


@pytest.mark.parametrize(
    "login, password, signed_in",
    [
        ("kasutaja@example.ee", PASSWORD, True),
        ("Kasutaja@Example.ee", PASSWORD, True),
        ("kasutaja@example.ee", "vale-salasona", False),
        ("keegi@example.ee", PASSWORD, False),
    ],
)
def test_a_sign_in_hashes_the_password_once(client, person, hashes, login, password, signed_in):
    hashes.clear()

    response = client.post(LOGIN, {"login": login, "password": password})

    assert (response.status_code == 302) is signed_in
    assert ("_auth_user_id" in client.session) is signed_in
    assert len(hashes) == 1
