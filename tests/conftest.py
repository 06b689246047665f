"""Personas and site-wide fixtures.

The personas are the five kinds of people the permission matrix checks every URL for.
Until organisations exist (members issue), a member, an organisation admin and another
organisation's member are plain signed-in people; their fixtures grow with that issue.
"""

import pytest
from allauth.mfa.models import Authenticator
from django.core.cache import cache

from tests.factories import UserFactory

PERSONAS = ["visitor", "member", "org_admin", "other_member", "staff"]


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Rate-limit counters live in the cache; each test starts with none.
    cache.clear()
    yield


@pytest.fixture
def member(db):
    return UserFactory(display_name="Mari Member")


@pytest.fixture
def org_admin(db):
    return UserFactory(display_name="Olev Orgadmin")


@pytest.fixture
def other_member(db):
    return UserFactory(display_name="Tiit Teine")


@pytest.fixture
def staff(db):
    user = UserFactory(staff=True, display_name="Kadri Staff")
    # Staff need two-factor before the admin; the fixture stands for one who has it.
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
    return user


@pytest.fixture
def persona_client(client, request):
    """A test client signed in as the named persona ("visitor" stays anonymous)."""

    def sign_in(name):
        if name != "visitor":
            client.force_login(request.getfixturevalue(name))
        return client

    return sign_in
