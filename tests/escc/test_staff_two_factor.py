"""Staff set up two-factor on their way to the admin: sign in, scan, type a code, save the codes, go on."""

import time

import pytest
from allauth.account import app_settings as account_settings
from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value

from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

ADMIN_PAGE = "/admin/members/organisation/"
ACTIVATE = "/et/accounts/2fa/totp/activate/"


def current_code(secret):
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture
def new_staff(client):
    """Staff without two-factor, signed in with the password a moment ago."""
    person = UserFactory(staff=True, email="kadri@escc.example")
    response = client.post("/et/accounts/login/", {"login": person.email, "password": TEST_PASSWORD})
    assert response.status_code == 302
    return person


def test_staff_go_from_sign_in_through_two_factor_set_up_to_the_page_they_asked_for(client, new_staff):
    sent = client.get(ADMIN_PAGE)
    set_up = client.get(sent["Location"])
    activated = client.post(ACTIVATE, {"code": current_code(client.session[SECRET_SESSION_KEY])})
    codes = client.get(activated["Location"])

    assert (sent.status_code, sent["Location"]) == (302, ACTIVATE)
    # No second password prompt right after signing in.
    assert set_up.status_code == 200
    assert 'name="code"' in set_up.content.decode()
    assert activated.status_code == 302
    assert activated["Location"] == "/et/accounts/2fa/recovery-codes/"
    html = codes.content.decode()
    assert codes.status_code == 200
    assert "Jätka haldusesse" in html
    assert f'href="{ADMIN_PAGE}"' in html
    assert Authenticator.objects.filter(user=new_staff, type=Authenticator.Type.TOTP).exists()
    assert client.get(ADMIN_PAGE).status_code == 200


def test_staff_who_open_the_set_up_themselves_continue_to_the_admin_index(client, new_staff):
    client.get(ACTIVATE)
    client.post(ACTIVATE, {"code": current_code(client.session[SECRET_SESSION_KEY])})

    html = client.get("/en/accounts/2fa/recovery-codes/").content.decode()

    assert "Continue to the administration" in html
    assert 'href="/admin/"' in html


def test_a_sign_in_older_than_the_reauthentication_timeout_asks_for_the_password(client, new_staff):
    session = client.session
    records = session[AUTHENTICATION_METHODS_SESSION_KEY]
    records[-1]["at"] -= account_settings.REAUTHENTICATION_TIMEOUT + 1
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session.save()

    response = client.get(ACTIVATE)

    assert response.status_code == 302
    assert "/accounts/reauthenticate/" in response["Location"]


def test_members_setting_up_two_factor_get_no_link_to_the_admin(client, member):
    client.post("/en/accounts/login/", {"login": member.email, "password": TEST_PASSWORD})
    client.get("/en/accounts/2fa/totp/activate/")
    client.post("/en/accounts/2fa/totp/activate/", {"code": current_code(client.session[SECRET_SESSION_KEY])})

    html = client.get("/en/accounts/2fa/recovery-codes/").content.decode()

    assert "recovery codes available" in html
    assert "Continue to the administration" not in html
