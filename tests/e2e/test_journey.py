"""A newcomer's first visit, in Chromium: languages, sign-up with the e-mailed code, two-factor set-up."""

import base64
import hashlib
import hmac
import re
import struct
import time

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from playwright.sync_api import expect

from members.models import User

EMAIL = "liis.lepik@example.ee"
PASSWORD = "a-long-enough-passphrase"
# Label texts end in a required-field star (hidden from screen readers, not from Playwright).
PASSWORD_LABEL = re.compile(r"^Salasõna\W*$")
# allauth's e-mail verification code, alone on its line (65.21 sends XXXX-XXXX).
VERIFICATION_CODE = re.compile(r"^\s*([A-Z0-9]{4}-?[A-Z0-9]{4}|[A-Z0-9]{6})\s*$", re.MULTILINE)


def totp(secret, at):
    """RFC 6238: HMAC-SHA1 over the 30-second step count, dynamically truncated to 6 digits."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def fresh_totp(secret):
    # allauth accepts the current step only: close to its end, wait for the next one.
    remaining = 30 - time.time() % 30
    if remaining < 5:
        time.sleep(remaining + 0.5)
    return totp(secret, time.time())


def expect_signed_out(page):
    expect(page.locator("nav.site-account").get_by_role("link", name="Logi sisse")).to_be_visible()


def sign_out(page):
    page.locator("nav.site-account").get_by_role("link", name="Logi välja").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Logi välja")
    page.locator("main").get_by_role("button", name="Logi välja").click()
    expect_signed_out(page)


@pytest.mark.django_db(transaction=True)
def test_newcomer_switches_language_signs_up_and_turns_on_two_factor(live_server, new_context):
    page = new_context(locale="et-EE").new_page()
    html = page.locator("html")
    language_switch = page.locator("nav.language-switch")
    account_nav = page.locator("nav.site-account")

    page.goto(live_server.url + "/")
    expect(html).to_have_attribute("lang", "et")
    assert page.url == live_server.url + "/et/"

    language_switch.get_by_role("link", name="English").click()
    expect(html).to_have_attribute("lang", "en")
    assert page.url.startswith(live_server.url + "/en/")
    language_switch.get_by_role("link", name="Eesti").click()
    expect(html).to_have_attribute("lang", "et")
    assert page.url.startswith(live_server.url + "/et/")

    account_nav.get_by_role("link", name="Loo konto").click()
    page.get_by_label("E-post").fill(EMAIL)
    page.get_by_label("Sinu nimi").fill("Liis Lepik")
    page.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    page.get_by_label("Salasõna (uuesti)").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Registreeri").click()
    expect(page).to_have_url(live_server.url + "/et/accounts/confirm-email/")

    assert [message.to for message in mail.outbox] == [[EMAIL]]
    code = VERIFICATION_CODE.search(mail.outbox[-1].body).group(1)
    page.get_by_label("Kood").fill(code)
    page.locator("main").get_by_role("button", name="Kinnita").click()
    expect(account_nav.get_by_role("link", name="Liis Lepik")).to_be_visible()
    assert User.objects.get(email=EMAIL).emailaddress_set.get().verified

    sign_out(page)
    account_nav.get_by_role("link", name="Logi sisse").click()
    page.get_by_label("E-post").fill(EMAIL)
    page.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Logi sisse").click()
    expect(account_nav.get_by_role("link", name="Liis Lepik")).to_be_visible()

    page.goto(live_server.url + "/et/accounts/2fa/totp/activate/")
    # She signed in a moment ago, so the set-up does not ask for the password again.
    expect(page.get_by_role("heading", level=1)).to_have_text("Seadista autentimisrakendus")
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Autentimiskood").fill(fresh_totp(secret))
    page.locator("main").get_by_role("button", name="Seadista").click()

    expect(page).to_have_url(live_server.url + "/et/accounts/2fa/recovery-codes/")
    recovery_codes = page.locator("#recovery_codes").input_value().split()
    assert len(recovery_codes) >= 10
    user = User.objects.get(email=EMAIL)
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).count() == 1

    sign_out(page)
    expect(account_nav.get_by_role("link", name="Liis Lepik")).to_have_count(0)
