"""Personas and site-wide fixtures.

The personas are the five kinds of people the permission matrix checks every URL for:
a visitor, a member and an admin of `organisation`, a member of `other_organisation`,
cluster staff (with two-factor on), and a living-lab panellist who belongs to no organisation.
"""

import importlib
import os

import pytest
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.conf import settings as django_settings
from django.core.cache import cache
from django.utils import translation
from pytest_django.plugin import blocking_manager_key

from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

PERSONAS = ["visitor", "member", "org_admin", "other_member", "staff", "panellist"]


def _a_redis_database_per_worker():
    """Under pytest-xdist each worker gets its own Redis database (base + 8 × worker number).

    cache.clear() before every test flushes the whole database; shared, one worker would wipe
    the rate-limit counters of the other's test halfway through. The cache is not opened until
    the first test, so changing its settings here, at import, is in time.
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    cache_settings = django_settings.CACHES["default"]
    if not worker.startswith("gw") or not cache_settings["BACKEND"].endswith("RedisCache"):
        return
    base, _, number = cache_settings["LOCATION"].rpartition("/")
    database = (int(number or 0) + 8 * int(worker.removeprefix("gw"))) % 16
    cache_settings["LOCATION"] = f"{base}/{database}"


_a_redis_database_per_worker()


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Rate-limit counters live in the cache; each test starts with none.
    cache.clear()
    # Every page is rendered afresh: a test's rows are rolled back, never committed, so the
    # page and fragment caches would not see them change. tests/escc/test_page_cache.py commits.
    settings.PAGE_CACHE_SECONDS = settings.FRAGMENT_CACHE_SECONDS = 0
    # A request through the test client leaves its page's language active in the thread; each
    # test starts in the default language, whatever page the test before it fetched.
    translation.deactivate()
    yield


# Rows that data migrations write, and that a transactional test's closing flush wipes out.
DATA_MIGRATIONS = [
    ("members.migrations.0002_focus_areas", "load_focus_areas"),
    ("members.migrations.0003_site_name", "name_the_site"),
    ("members.migrations.0005_search_and_schedules", "add_schedules"),
    ("messaging.migrations.0003_outbox_task_names", "forwards"),
    ("projects.migrations.0002_schedules", "add_schedule"),
    ("funding.migrations.0002_digest_schedules", "add_digest_schedules"),
    ("livinglab.migrations.0002_first_terms", "publish"),
    ("livinglab.migrations.0003_campaign_finished_at", "add_schedule"),
]


def load_migration_data():
    for module, function in DATA_MIGRATIONS:
        getattr(importlib.import_module(module), function)(apps, None)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # With --reuse-db, a run killed mid-way may have left a flushed database behind.
    with django_db_blocker.unblock():
        load_migration_data()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    # A transactional test (the browser tests) ends by flushing every table; put back what
    # the migrations wrote, after all of its fixtures are torn down, for the tests after it.
    result = yield
    marker = item.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        with item.config.stash[blocking_manager_key].unblock():
            load_migration_data()
    return result


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name_et="Tartu Liikuvus OÜ", name_en="Tartu Mobility Ltd", slug="tartu-mobility")


@pytest.fixture
def other_organisation(db):
    return OrganisationFactory(name_et="Õhuseire AS", name_en="Air Sense Ltd", slug="air-sense")


@pytest.fixture
def member(organisation):
    return MembershipFactory(organisation=organisation, user__display_name="Mari Member").user


@pytest.fixture
def org_admin(organisation):
    return MembershipFactory(organisation=organisation, admin=True, user__display_name="Olev Orgadmin").user


@pytest.fixture
def other_member(other_organisation):
    return MembershipFactory(organisation=other_organisation, user__display_name="Tiit Teine").user


@pytest.fixture
def panellist(db):
    """A citizen on the living lab's panel, in no organisation."""
    from tests.livinglab.factories import PanellistFactory

    return PanellistFactory(user__display_name="Pille Panellist", user__email="pille.panellist@example.ee").user


@pytest.fixture
def mail_after_commit(django_capture_on_commit_callbacks):
    """Run what a block queues for after commit (the outbox's sends) when the block ends.

    Tests run inside a transaction that never commits, so `with mail_after_commit():
    client.post(...)` is how a test sees the e-mails a request sends.
    """

    def block():
        return django_capture_on_commit_callbacks(execute=True)

    return block


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


@pytest.fixture
def assert_page_queries(client, django_assert_num_queries):
    """GET a page and assert its exact query count; on a mismatch pytest-django prints the SQL.

    Every list or detail page gets such a test, with enough rows that a per-row query shows.
    """

    def check(url, expected, *, status=200):
        with django_assert_num_queries(expected):
            response = client.get(url)
        assert response.status_code == status
        return response

    return check
