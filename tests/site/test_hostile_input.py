"""Hostile input to every form and action of the portal, as every persona: never a 500.

The start of the bad-input suite. For each persona it visits every URL of the permission
matrix (with the objects its row makes), allauth's own pages and the admin's changelists,
reads every <form> on them (tests/site/html_forms.py) and sends it

- once as the page would send it, with `next=0` added,
- once per field with that field over-long (at and one past its `maxlength`, 300 characters
  without one, a 262-character e-mail address, a web address that outgrows 200 characters
  once `https://` is put in front), holding a NUL, and holding the UTF-8 bytes of a lone
  surrogate (U+D800), which are invalid UTF-8, in a raw url-encoded body.

GET forms (filters, search boxes) go as query strings, and every page also gets a junk
`page` and `next=0`. A matrix URL that no form on its page posts to (the POST-only
actions: accept, withdraw, mark read...) gets its matrix data the same way. Each request
runs in a savepoint that is rolled back, with the client's cookies put back, so every
request starts from the same data and session. A form added later is covered as soon as
a matrix page shows it, and every URL must have a matrix row. Not yet sent: the admin's
add and change forms (their autocomplete widgets and django-celery-beat's forms still
fail on junk values).
"""

import copy
from urllib.parse import quote_plus, urljoin, urlsplit

import pytest
from django.contrib import admin
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from tests.conftest import PERSONAS
from tests.site.html_forms import Field, forms_in
from tests.site.test_permission_matrix import MATRIX, PASSWORD, resolve, url_for
from tests.site.url_patterns import allauth_url_names

FORM_BODY = "application/x-www-form-urlencoded"
CSRF_FIELD = "csrfmiddlewaretoken"
LONG_EMAIL = "a" * 250 + "@example.com"
NUL = "a\x00b"
# U+D800 encoded as UTF-8 anyway: a lone surrogate as it arrives from a broken client.
LONE_SURROGATE = b"a%ED%A0%80b"
# What a required field the matrix gives no value for is filled with, by input type.
FILLERS = {
    "email": "hostile.baseline@example.com",
    "password": PASSWORD,
    "url": "https://example.com",
    "number": "1",
    "date": "2030-01-15",
    "datetime-local": "2030-01-15T12:00",
    "time": "12:00",
    "tel": "+372 5555 5555",
}


def over_long(field):
    """(variant, value): too long for the column, and one past what the page allows."""
    if field.kind == "email":
        yield "over-long", LONG_EMAIL
    elif field.kind == "url":
        # As long as the page allows, without a scheme: Django puts https:// in front.
        yield "over-long", "example.com/" + "a" * (max(field.maxlength or 250, 20) - 12)
    elif field.maxlength:
        yield "at maxlength", "a" * field.maxlength
        yield "past maxlength", "a" * (field.maxlength + 1)
    else:
        yield "over-long", "a" * 300


def hostile_values(field):
    yield from over_long(field)
    yield "NUL", NUL
    yield "lone surrogate", LONE_SURROGATE


def encode(data):
    """A url-encoded body of {name: [values]}; bytes values go as they are (already encoded)."""
    pairs = []
    for name, values in data.items():
        for value in values:
            encoded = value if isinstance(value, bytes) else quote_plus(str(value)).encode()
            pairs.append(quote_plus(name).encode() + b"=" + encoded)
    return b"&".join(pairs)


def as_lists(data):
    return {name: value if isinstance(value, list) else [value] for name, value in data.items()}


def baseline(form, known):
    """What a person would send: the page's values, the matrix's data, and required fields filled in."""
    data = {}
    for field in form.fields.values():
        if field.name in known:
            data[field.name] = known[field.name]
        elif any(field.values) or not field.required:
            data[field.name] = field.values
        elif field.kind in ("checkbox", "radio", "select", "select-multiple"):
            data[field.name] = field.options[:1]
        else:
            data[field.name] = [FILLERS.get(field.kind, "Baseline text")]
    return data


class HostileRun:
    """Sends the hostile variants of every form it is shown, and keeps what answered 500."""

    def __init__(self, client):
        self.client = client
        self.sent = set()
        self.failures = []
        self.requests = 0

    def send(self, method, url, data, what):
        saved_cookies = copy.deepcopy(self.client.cookies)
        self.requests += 1
        try:
            with transaction.atomic():
                if method == "post":
                    response = self.client.post(url, encode(data), content_type=FORM_BODY)
                else:
                    response = self.client.get(f"{url}?{encode(data).decode('ascii')}")
                transaction.set_rollback(True)
        except Exception as error:  # noqa: BLE001 - a view that raises is what this suite looks for
            self.failures.append((method.upper(), url, what, f"{type(error).__name__}: {error}"[:300]))
            return None
        finally:
            self.client.cookies = saved_cookies
        if response.status_code >= 500:
            self.failures.append((method.upper(), url, what, response.status_code))
        return response

    def page(self, url, known=None):
        """GET `url`, then send every form on it; a URL no form posts to gets `known` posted."""
        known = as_lists(known or {})
        response = self.send("get", url, {"page": [NUL], "next": ["0"]}, "query string")
        response = self.send("get", url, {}, "page")
        html = ""
        if response is not None and response.get("Content-Type", "").startswith("text/html"):
            html = response.content.decode()
        posts_to_itself = False
        for form in forms_in(html):
            action = urljoin(url, form.action)
            if urlsplit(action).netloc:
                continue
            if form.method == "post" and urlsplit(action).path == urlsplit(url).path:
                posts_to_itself = True
            self.form(form.method, action, baseline(form, known if posts_to_itself else {}), form.fields)
        if not posts_to_itself:
            self.form("post", url, known, {name: Field(name, "text") for name in known})

    def form(self, method, action, data, fields):
        key = (method, action, tuple(sorted(data)), bool(data))
        if key in self.sent:
            return
        self.sent.add(key)
        if method == "post":
            response = self.send(method, action, {**data, "next": ["0"]}, "next=0")
            refused = response is not None and response.status_code == 405
            if refused or (response is not None and "/accounts/login/" in response.get("Location", "")):
                return  # refused before the view read anything
        for name in data:
            if name == CSRF_FIELD:
                continue
            for variant, value in hostile_values(fields[name]):
                self.send(method, action, {**data, name: [value]}, f"{name}: {variant}")


def allauth_urls():
    urls = []
    with translation.override("et"):
        for name in allauth_url_names():
            try:
                urls.append(reverse(name))
            except NoReverseMatch:  # it needs a key from an e-mail
                continue
    return urls


def admin_urls():
    """The admin's index and changelists (search boxes, filters, actions); not yet its add forms."""
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        urls.append(reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"))
    return urls


@pytest.fixture
def fixture(request, organisation, other_organisation, member, org_admin, other_member, staff):
    return request.getfixturevalue


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_hostile_input_gives_a_server_error(persona, persona_client, fixture, settings):
    # Hundreds of posts to sign-in and reset: allauth's limits would stop the forms being read.
    settings.ACCOUNT_RATE_LIMITS = False
    run = HostileRun(persona_client(persona))

    for name, row in MATRIX.items():
        with transaction.atomic():
            run.page(url_for(name, row, fixture), resolve(row.post_data, fixture))
            transaction.set_rollback(True)
    for url in allauth_urls() + admin_urls():
        run.page(url)

    assert run.failures == [], "\n".join(map(str, run.failures))
