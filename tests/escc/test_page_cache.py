"""Visitors' pages from the cache, made stale by every commit that writes what they show.

These tests commit (transaction=True): the version changes when a transaction commits, which
a rolled-back test transaction never does.
"""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection, transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from escc import content_version
from escc.page_cache import cached_for_visitors
from members.models import Organisation
from tests.factories import CallFactory, MembershipFactory, NewsFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

DIRECTORY = "/en/members/"


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.PAGE_CACHE_SECONDS = settings.FRAGMENT_CACHE_SECONDS = 60


@pytest.fixture
def listed():
    return OrganisationFactory(
        name="Linnalabor OÜ", name_en="Linnalabor OÜ", name_et="Linnalabor OÜ", slug="linnalabor"
    )


def test_a_visitor_gets_the_page_again_from_the_cache_with_one_query(client, listed, django_assert_num_queries):
    first = client.get(DIRECTORY)

    with django_assert_num_queries(1):  # the content version
        again = client.get(DIRECTORY)

    assert again.status_code == 200
    assert again.content == first.content
    assert "Linnalabor OÜ" in again.content.decode()


def test_an_edit_shows_on_the_next_visitors_request(client, listed):
    client.get(DIRECTORY)

    listed.name = listed.name_en = listed.name_et = "Targad Tänavad OÜ"
    listed.save()

    html = client.get(DIRECTORY).content.decode()
    assert "Targad Tänavad OÜ" in html
    assert "Linnalabor OÜ" not in html


def test_an_edit_by_queryset_update_shows_too(client, listed):
    client.get(f"/en/members/{listed.slug}/")

    Organisation.objects.filter(pk=listed.pk).update(website="https://tanavad.example")

    assert "https://tanavad.example" in client.get(f"/en/members/{listed.slug}/").content.decode()


def test_a_linked_row_counts_as_an_edit(client, listed):
    client.get("/en/calls/")

    CallFactory(title="Nutikas linn 2027", title_en="Nutikas linn 2027", title_et="Nutikas linn 2027")

    assert "Nutikas linn 2027" in client.get("/en/calls/").content.decode()


def test_one_transaction_moves_the_version_once_however_many_rows_it_writes():
    before = content_version.current()

    with transaction.atomic():
        OrganisationFactory.create_batch(3)

    assert content_version.current() == before + 1


def test_emptying_a_table_moves_the_version(listed):
    before = content_version.current()

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE members_organisation_focus_areas")

    assert content_version.current() > before


def test_every_table_of_the_content_apps_has_the_trigger():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = %s",
            [content_version.TRIGGER],
        )
        with_trigger = {name for (name,) in cursor.fetchall()}

    tables = content_version.content_tables()
    assert {"members_organisation", "projects_project", "funding_call", "members_organisation_focus_areas"} <= set(
        tables
    )
    assert set(tables) <= with_trigger


def test_languages_and_htmx_fragments_are_kept_apart(client, listed):
    estonian = client.get("/et/members/").content.decode()
    english = client.get(DIRECTORY).content.decode()
    fragment = client.get(DIRECTORY, headers={"HX-Request": "true"}).content.decode()

    assert 'lang="et"' in estonian and 'lang="en"' in english
    assert "<html" in english and "<html" not in fragment
    assert client.get(DIRECTORY).content.decode() == english


def test_a_signed_in_member_is_never_served_nor_stores_a_cached_page(client, listed):
    visitor_page = client.get(DIRECTORY).content
    member = UserFactory()
    MembershipFactory(user=member, organisation=listed)

    client.force_login(member)
    member_page = client.get(DIRECTORY).content
    client.logout()

    assert member_page != visitor_page
    assert b'href="/en/projects/mine/"' in member_page
    assert b'href="/en/projects/mine/"' not in client.get(DIRECTORY).content


def test_a_visitor_with_messages_waiting_gets_a_fresh_page(client, listed):
    client.get(DIRECTORY)
    client.cookies["messages"] = "anything"

    with CaptureQueriesContext(connection) as queries:
        client.get(DIRECTORY)

    assert len(queries) > 1  # rendered, not the cached page (which would show no messages)


def test_a_page_that_is_not_found_is_not_kept(client):
    assert client.get("/en/members/tulemas/").status_code == 404

    OrganisationFactory(slug="tulemas")

    assert client.get("/en/members/tulemas/").status_code == 200


def test_a_page_that_holds_a_csrf_token_is_not_stored(settings):
    rendered = []

    @cached_for_visitors
    def form_page(request):
        rendered.append(1)
        return HttpResponse(f"<input value='{get_token(request)}'>")

    factory = RequestFactory()
    for _request in range(2):
        request = factory.get("/en/form/")
        request.user = AnonymousUser()
        form_page(request)

    assert len(rendered) == 2


def test_off_when_the_lifetimes_are_zero(client, listed, settings, django_assert_num_queries):
    settings.PAGE_CACHE_SECONDS = settings.FRAGMENT_CACHE_SECONDS = 0
    client.get(DIRECTORY)

    with django_assert_num_queries(7):  # the directory's own queries, every time
        client.get(DIRECTORY)


def test_a_lists_total_is_counted_once_per_content_version(client, listed):
    member = UserFactory()
    MembershipFactory(user=member, organisation=listed)
    client.force_login(member)  # signed in: the page is rendered, the total may come from the cache
    OrganisationFactory.create_batch(2)

    client.get(DIRECTORY)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(DIRECTORY)
    OrganisationFactory()
    third = client.get(DIRECTORY)

    assert not [query for query in queries if query["sql"].startswith('SELECT COUNT(*) AS "__count"')]
    assert second.context["page_obj"].paginator.count == 3
    assert third.context["page_obj"].paginator.count == 4


def test_the_directorys_place_choices_are_read_once_per_content_version(client, listed):
    member = UserFactory()
    MembershipFactory(user=member, organisation=listed)
    client.force_login(member)

    client.get(DIRECTORY)
    with CaptureQueriesContext(connection) as queries:
        client.get(DIRECTORY)
    OrganisationFactory(city="Võru")
    cities = dict(client.get(DIRECTORY).context["form"].fields["city"].choices)

    assert not [query for query in queries if 'SELECT DISTINCT "members_organisation"."country"' in query["sql"]]
    assert "võru" in cities


FRAGMENT = (
    '{% load escc_cache %}{% cache_for_content "greeting" who %}{{ greeting }}, {{ who }}{% endcache_for_content %}'
)


def render_fragment(**context):
    return Template(FRAGMENT).render(Context({"request": RequestFactory().get("/"), **context}))


def test_a_fragment_is_kept_until_the_content_changes():
    assert render_fragment(greeting="Tere", who="Mari") == "Tere, Mari"
    assert render_fragment(greeting="Hello", who="Mari") == "Tere, Mari"  # kept

    OrganisationFactory()  # a commit that writes content

    assert render_fragment(greeting="Hello", who="Mari") == "Hello, Mari"


def test_a_fragment_is_kept_apart_for_each_value_it_varies_on():
    assert render_fragment(greeting="Tere", who="Mari") == "Tere, Mari"
    assert render_fragment(greeting="Tere", who="Jaan") == "Tere, Jaan"


def test_a_fragment_is_rendered_every_time_when_the_cache_is_off(settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    render_fragment(greeting="Tere", who="Mari")

    assert render_fragment(greeting="Hello", who="Mari") == "Hello, Mari"


def test_a_members_list_shows_an_edit_made_after_its_cards_and_filters_were_kept(client, listed):
    member = UserFactory()
    MembershipFactory(user=member, organisation=listed)
    client.force_login(member)
    client.get(DIRECTORY)

    listed.short_description = "Andmed ja andurid linnatänavatel"
    listed.save()

    assert "Andmed ja andurid linnatänavatel" in client.get(DIRECTORY).content.decode()


def test_a_total_that_compares_with_now_is_kept_within_the_minute(client, listed, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the page itself is rendered; its total may come from the cache
    NewsFactory.create_batch(3)
    minute = timezone.now().replace(second=0, microsecond=0)

    with mock.patch("django.utils.timezone.now", return_value=minute + timedelta(seconds=5)):
        client.get("/en/news/")
    with mock.patch("django.utils.timezone.now", return_value=minute + timedelta(seconds=50)):
        with CaptureQueriesContext(connection) as queries:
            client.get("/en/news/")

    assert not [query for query in queries if query["sql"].startswith('SELECT COUNT(*) AS "__count"')]


def test_migrations_run_on_content_with_the_triggers_in_place_and_move_the_version(listed):
    # members 0008 writes rows, then indexes the table it wrote: with a deferred trigger event
    # pending, PostgreSQL would refuse the index. Migrations run without the triggers.
    call_command("migrate", "members", "0007", verbosity=0)
    Organisation.objects.filter(pk=listed.pk).update(profile_confirmed_at=timezone.now() - timedelta(days=400))
    before = content_version.current()

    call_command("migrate", verbosity=0)

    assert Organisation.objects.get(pk=listed.pk).profile_stale is True  # the data migration ran
    assert content_version.current() == before + 1
    test_every_table_of_the_content_apps_has_the_trigger()
