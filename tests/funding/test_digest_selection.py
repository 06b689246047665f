"""What goes into a person's digest: new since last time, their choices, never a repeat."""

from datetime import UTC, timedelta

import pytest
from django.utils import timezone

from funding.digests.selection import build_digests
from funding.models import CallFollow, Subscription
from members.models import FocusArea
from projects.models import ProjectUpdate, SoughtKind
from tests.factories import (
    CallFactory,
    CompetenceFactory,
    JoinRequestFactory,
    MembershipFactory,
    NewsFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProjectFactory,
    SavedSearchFactory,
    SubscriptionFactory,
    UserFactory,
)
from tests.funding.factories import record_sent, set_times

pytestmark = pytest.mark.django_db


def digest_of(user, *, kind="weekly", now=None, **choices):
    subscription = SubscriptionFactory(user=user, frequency=kind, **choices)
    [digest] = build_digests([subscription], kind=kind, now=now or timezone.now())
    return digest


def section(digest, kind):
    return next((section for section in digest.sections if section.kind == kind), None)


def keys_in(digest, kind):
    found = section(digest, kind)
    return [entry.key for entry in found.entries] if found else []


def ago(**delta):
    return timezone.now() - timedelta(**delta)


@pytest.fixture
def mobility(db):
    return FocusArea.objects.get(slug="mobility")


@pytest.fixture
def energy(db):
    return FocusArea.objects.get(slug="energy-environment")


# --- New since the last digest --------------------------------------------------------------


def test_a_new_published_call_is_in_the_calls_section(member):
    call = CallFactory()

    assert keys_in(digest_of(member), "calls") == [f"call:{call.pk}"]


def test_draft_calls_and_scheduled_news_are_left_out(member):
    CallFactory(draft=True)
    NewsFactory(published_at=timezone.now() + timedelta(hours=2))

    assert digest_of(member).is_empty


def test_only_items_published_after_the_last_digest_are_in_it(member):
    record_sent(member, covers_until=ago(hours=3))
    before = set_times(CallFactory(), published_at=ago(hours=4))
    after = set_times(CallFactory(), published_at=ago(hours=2))

    digest = digest_of(member)

    assert keys_in(digest, "calls") == [f"call:{after.pk}"]
    assert f"call:{before.pk}" not in digest.keys


def test_the_last_digest_of_any_frequency_sets_where_the_next_begins(member):
    record_sent(member, kind="daily", covers_until=ago(hours=3))
    set_times(CallFactory(), published_at=ago(hours=4))

    assert digest_of(member, kind="weekly").is_empty


@pytest.mark.parametrize(
    ("kind", "inside", "outside"),
    [
        ("daily", {"hours": 23}, {"hours": 25}),
        ("weekly", {"days": 6}, {"days": 8}),
        ("monthly", {"days": 30}, {"days": 32}),
    ],
)
def test_a_first_digest_reaches_back_one_period(member, kind, inside, outside):
    recent = set_times(CallFactory(), published_at=ago(**inside))
    set_times(CallFactory(), published_at=ago(**outside))

    digest = digest_of(member, kind=kind)

    assert keys_in(digest, "calls") == [f"call:{recent.pk}"]
    assert (
        digest.covers_until - digest.covers_from
        == {
            "daily": timedelta(days=1),
            "weekly": timedelta(days=7),
            "monthly": timedelta(days=31),
        }[kind]
    )


def test_a_digest_never_reaches_back_more_than_31_days(member):
    record_sent(member, covers_until=ago(days=90))
    set_times(CallFactory(), published_at=ago(days=40))
    recent = set_times(CallFactory(), published_at=ago(days=20))

    assert keys_in(digest_of(member), "calls") == [f"call:{recent.pk}"]


def test_a_monthly_digest_holds_the_whole_month(member):
    record_sent(member, kind="monthly", covers_until=ago(days=31))
    calls = [set_times(CallFactory(), published_at=ago(days=days)) for days in (30, 15, 1)]

    assert set(keys_in(digest_of(member, kind="monthly"), "calls")) == {f"call:{call.pk}" for call in calls}


# --- Never a repeat ------------------------------------------------------------------------------


def test_an_item_already_sent_is_never_sent_again_even_by_another_frequency(member):
    call, news = CallFactory(), NewsFactory()
    record_sent(member, f"call:{call.pk}", f"news:{news.pk}", kind="daily", covers_until=ago(days=40))

    assert digest_of(member, kind="weekly").is_empty


def test_what_was_sent_to_someone_else_still_goes_to_me(member, other_member):
    call = CallFactory()
    record_sent(other_member, f"call:{call.pk}")

    assert keys_in(digest_of(member), "calls") == [f"call:{call.pk}"]


# --- The person's choices ------------------------------------------------------------------------


def test_sections_the_person_left_out_are_not_in_the_digest(member):
    CallFactory()
    NewsFactory()

    digest = digest_of(member, include_calls=False, include_news=False)

    assert digest.is_empty


def test_focus_areas_chosen_leave_out_items_of_other_areas(member, mobility, energy):
    in_area = CallFactory(focus_areas=[mobility])
    CallFactory(focus_areas=[energy])
    for_everyone = CallFactory()
    news_in_area = NewsFactory(focus_areas=[mobility, energy])
    NewsFactory(focus_areas=[energy])

    digest = digest_of(member, focus_areas=[mobility])

    assert set(keys_in(digest, "calls")) == {f"call:{in_area.pk}", f"call:{for_everyone.pk}"}
    assert keys_in(digest, "news") == [f"news:{news_in_area.pk}"]


def test_no_focus_area_chosen_means_every_focus_area(member, mobility, energy):
    calls = [CallFactory(focus_areas=[mobility]), CallFactory(focus_areas=[energy])]

    assert set(keys_in(digest_of(member), "calls")) == {f"call:{call.pk}" for call in calls}


# --- Saved searches ------------------------------------------------------------------------------


def test_a_call_matching_a_saved_search_is_listed_under_the_search_and_not_again(member, mobility):
    SavedSearchFactory(user=member, name="Mobility calls", query="focus_area=mobility")
    found = CallFactory(focus_areas=[mobility])
    other = CallFactory()

    digest = digest_of(member)

    assert keys_in(digest, "searches") == [f"call:{found.pk}"]
    assert keys_in(digest, "calls") == [f"call:{other.pk}"]
    assert any("Mobility calls" in line for line in section(digest, "searches").entries[0].details)


def test_an_estonian_digest_quotes_the_saved_search_the_estonian_way(member, mobility):
    SavedSearchFactory(user=member, name="Liikuvus", query="focus_area=mobility")
    CallFactory(focus_areas=[mobility])

    digest = digest_of(member, language="et")

    assert "Vastab sinu salvestatud otsingule „Liikuvus“" in section(digest, "searches").entries[0].details


def test_saved_search_matches_reach_the_person_even_without_new_calls_chosen(member):
    SavedSearchFactory(user=member, name="Buses", query="q=bus")
    found = CallFactory(title_et="Nutikad bussid", title_en="Smart buses")
    CallFactory(title_et="Kaugküte", title_en="District heating")

    digest = digest_of(member, include_calls=False)

    assert keys_in(digest, "searches") == [f"call:{found.pk}"]
    assert keys_in(digest, "calls") == []


def test_without_saved_search_matches_chosen_such_calls_are_ordinary_new_calls(member):
    SavedSearchFactory(user=member, query="q=bus")
    found = CallFactory(title_et="Nutikad bussid", title_en="Smart buses")

    digest = digest_of(member, include_saved_searches=False)

    assert keys_in(digest, "searches") == []
    assert keys_in(digest, "calls") == [f"call:{found.pk}"]


# --- Calls: most relevant first, capped ------------------------------------------------------------


def test_calls_open_to_the_persons_organisation_kind_come_first_then_nearest_deadline(member):
    not_for_them = CallFactory(eligible_kinds=["research"], deadline=timezone.now() + timedelta(days=2))
    for_them_later = CallFactory(eligible_kinds=["company"], deadline=timezone.now() + timedelta(days=20))
    for_anyone_soon = CallFactory(deadline=timezone.now() + timedelta(days=5))
    rolling = CallFactory(rolling=True)

    assert keys_in(digest_of(member), "calls") == [
        f"call:{for_anyone_soon.pk}",
        f"call:{for_them_later.pk}",
        f"call:{rolling.pk}",
        f"call:{not_for_them.pk}",
    ]


def test_a_long_section_is_capped_with_the_count_of_the_rest_and_a_link(member):
    CallFactory.create_batch(13)

    calls = section(digest_of(member), "calls")

    assert len(calls.entries) == 10
    assert calls.more == 3
    assert calls.more_url.endswith("/calls/")


def test_a_call_entry_shows_its_deadline_in_the_funders_time_zone(member):
    deadline = timezone.now().replace(microsecond=0) + timedelta(days=10)
    CallFactory(deadline=deadline, deadline_timezone="Europe/Brussels")

    entry = section(digest_of(member), "calls").entries[0]

    brussels = timezone.localtime(deadline, __import__("zoneinfo").ZoneInfo("Europe/Brussels"))
    assert any(f"{brussels:%H:%M} (Europe/Brussels)" in line for line in entry.details)
    assert entry.url.startswith("http") and "/et/calls/" in entry.url


# --- Reminders in the digest -------------------------------------------------------------------------


def test_followed_calls_closing_within_a_week_are_reminded_once_per_deadline(member):
    soon = CallFactory(deadline=timezone.now() + timedelta(days=3))
    later = CallFactory(deadline=timezone.now() + timedelta(days=12))
    for call in (soon, later):
        set_times(call, published_at=ago(days=60))
        CallFollow.objects.create(user=member, call=call)

    digest = digest_of(member)

    assert keys_in(digest, "reminders") == [f"deadline:{soon.pk}:{soon.deadline.astimezone(UTC).isoformat()}"]
    record_sent(member, *digest.keys, covers_until=ago(days=40))
    assert digest_of(member).is_empty


def test_the_second_stage_deadline_of_a_followed_call_is_reminded_too(member):
    call = CallFactory(deadline=timezone.now() - timedelta(days=30), second_deadline=timezone.now() + timedelta(days=2))
    CallFollow.objects.create(user=member, call=call)

    assert keys_in(digest_of(member), "reminders") == [
        f"deadline:{call.pk}:{call.second_deadline.astimezone(UTC).isoformat()}"
    ]


# --- Projects looking for partners ------------------------------------------------------------------


@pytest.fixture
def vision(db):
    return CompetenceFactory(slug="computer-vision", name_en="Computer vision", name_et="Masinnägemine")


def seeking(*, kinds=(), competences=(), areas=(), city="", **fields):
    project = ProjectFactory(pilot_city=city, **fields)
    project.sought_competences.set(competences)
    project.focus_areas.set(areas)
    SoughtKind.objects.bulk_create([SoughtKind(project=project, kind=kind) for kind in kinds])
    return project


def test_projects_that_fit_the_organisation_come_best_first_and_at_most_five(organisation, member, vision):
    organisation.competences.set([vision])
    best = seeking(kinds=["company"], competences=[vision], city="Tartu")  # 4 + 3 + 3
    middle = seeking(kinds=["company"])  # 4
    worst = seeking(city="Tartu")  # 3
    seeking(kinds=["research"], city="Tallinn")  # 0: not suggested
    more = [seeking(competences=[vision]) for _ in range(3)]  # 3 each

    fitting = section(digest_of(member), "projects")

    assert [entry.key for entry in fitting.entries[:2]] == [f"project:{best.pk}", f"project:{middle.pk}"]
    assert len(fitting.entries) == 5
    assert fitting.more == 1
    assert {entry.key for entry in fitting.entries[2:]} | {f"project:{worst.pk}"} >= {
        f"project:{project.pk}" for project in more
    }
    assert fitting.entries[0].details


def test_projects_their_organisation_takes_part_in_are_left_out(organisation, member):
    seeking(kinds=["company"], lead=organisation)

    assert keys_in(digest_of(member), "projects") == []


def test_projects_their_organisation_asked_to_join_or_was_turned_down_by_lately_are_left_out(organisation, member):
    asked = seeking(kinds=["company"])
    turned_down = seeking(kinds=["company"])
    long_ago = seeking(kinds=["company"])
    JoinRequestFactory(project=asked, organisation=organisation)
    JoinRequestFactory(project=turned_down, organisation=organisation, status="declined", decided_at=ago(days=10))
    JoinRequestFactory(project=long_ago, organisation=organisation, status="declined", decided_at=ago(days=200))

    assert keys_in(digest_of(member), "projects") == [f"project:{long_ago.pk}"]


def test_people_of_organisations_that_are_not_active_members_get_no_projects(db):
    person = MembershipFactory(organisation=OrganisationFactory(applicant=True)).user
    seeking(kinds=["company"])

    assert keys_in(digest_of(person), "projects") == []


def test_projects_closed_to_partners_are_left_out(member):
    seeking(kinds=["company"], is_open_for_joining=False)
    seeking(kinds=["company"], stage="completed")

    assert keys_in(digest_of(member), "projects") == []


def test_projects_not_chosen_are_left_out(member):
    seeking(kinds=["company"])

    assert keys_in(digest_of(member, include_projects=False), "projects") == []


# --- Activity in their projects ------------------------------------------------------------------------


def test_updates_and_new_partners_in_their_projects_are_in_activity_but_not_their_own(
    organisation, member, org_admin, other_organisation
):
    own = ProjectFactory(lead=organisation, is_open_for_joining=False)
    stranger = ProjectFactory(is_open_for_joining=False)
    set_times(own, created_at=ago(days=30))
    by_colleague = ProjectUpdate.objects.create(project=own, author=org_admin, organisation=organisation, body="Hi")
    ProjectUpdate.objects.create(project=own, author=member, organisation=organisation, body="Mine")
    ProjectUpdate.objects.create(project=stranger, author=UserFactory(), body="Elsewhere")
    joined = ParticipationFactory(project=own, organisation=other_organisation)

    digest = digest_of(member)

    assert set(keys_in(digest, "activity")) == {f"update:{by_colleague.pk}", f"participant:{joined.pk}"}
    assert digest_of(member, include_activity=False).is_empty


# --- News --------------------------------------------------------------------------------------------------


def test_featured_news_come_first_then_the_newest(member):
    older = set_times(NewsFactory(), published_at=ago(days=2))
    newer = set_times(NewsFactory(), published_at=ago(days=1))
    featured = set_times(NewsFactory(is_featured=True), published_at=ago(days=3))

    assert keys_in(digest_of(member), "news") == [f"news:{featured.pk}", f"news:{newer.pk}", f"news:{older.pk}"]


# --- Language --------------------------------------------------------------------------------------------


def test_texts_are_in_the_persons_language_and_a_fallback_is_marked(member):
    CallFactory(title_et="Nutikas liikuvus", title_en="Smart mobility")
    NewsFactory(title_et="Ainult eesti keeles", title_en="")

    digest = digest_of(member, language="en")

    assert digest.language == "en"
    call_entry = section(digest, "calls").entries[0]
    news_entry = section(digest, "news").entries[0]
    assert (call_entry.title, call_entry.language) == ("Smart mobility", "")
    assert (news_entry.title, news_entry.language) == ("Ainult eesti keeles", "et")
    assert "/en/" in call_entry.url


def test_the_digest_language_follows_the_account_when_not_chosen(db):
    person = UserFactory(preferred_language="en")
    CallFactory(title_et="Nutikas liikuvus", title_en="Smart mobility")

    digest = digest_of(person, language="")

    assert section(digest, "calls").entries[0].title == "Smart mobility"


# --- Queries ------------------------------------------------------------------------------------------------


def make_people(count, *, project, call):
    """`count` people in active member organisations, each with something in every section."""
    subscriptions = []
    for n in range(count):
        organisation = OrganisationFactory()
        person = MembershipFactory(organisation=organisation).user
        ParticipationFactory(project=project, organisation=organisation)
        CallFollow.objects.create(user=person, call=call)
        SavedSearchFactory(user=person, query=f"q=call&eligible_for=company&n={n}")
        record_sent(person, "call:0", covers_until=ago(days=2))
        subscriptions.append(Subscription.objects.get(user=person))
    return subscriptions


def test_building_a_batch_takes_the_same_queries_for_5_people_as_for_60(django_assert_num_queries, mobility):
    project = ProjectFactory(is_open_for_joining=False)
    soon = CallFactory(deadline=timezone.now() + timedelta(days=3), title_en="Call soon")
    seeking(kinds=["company"], areas=[mobility])
    CallFactory.create_batch(3, focus_areas=[mobility], eligible_kinds=["company"])
    NewsFactory.create_batch(3, focus_areas=[mobility])
    small = make_people(5, project=project, call=soon)
    large = make_people(60, project=project, call=soon)
    ProjectUpdate.objects.create(project=project, author=UserFactory(), body="News from the pilot")
    now = timezone.now()

    for batch in (small, large):
        with django_assert_num_queries(23):
            digests = build_digests(batch, kind="weekly", now=now)
        assert all(
            {"reminders", "searches", "projects", "activity", "news"} <= {s.kind for s in digest.sections}
            for digest in digests
        )


def test_a_followed_call_in_the_reminders_is_not_listed_again_as_a_new_call(member):
    call = CallFactory(deadline=timezone.now() + timedelta(days=3))
    CallFollow.objects.create(user=member, call=call)

    digest = digest_of(member)

    assert keys_in(digest, "reminders") == [f"deadline:{call.pk}:{call.deadline.astimezone(UTC).isoformat()}"]
    assert keys_in(digest, "calls") == []
