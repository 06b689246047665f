"""Staff publish calls, take them back to draft, duplicate them and publish news."""

from datetime import timedelta

import pytest
from django.utils import timezone

from funding.models import Call, News
from funding.services import curation
from members.models import FocusArea
from tests.factories import CallFactory, NewsFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor():
    return UserFactory(staff=True)


def test_publishing_drafts_sets_their_publication_time_and_counts_them(actor):
    drafts = CallFactory.create_batch(2, draft=True)
    published = CallFactory()
    before = timezone.now()

    changed = curation.publish_calls(Call.objects.all(), actor=actor)

    assert changed == 2
    for call in drafts:
        call.refresh_from_db()
        assert call.state == Call.State.PUBLISHED
        assert call.published_at >= before
    kept = published.published_at
    published.refresh_from_db()
    assert published.published_at == kept


def test_publishing_again_after_a_return_to_draft_keeps_the_first_publication_time(actor):
    call = CallFactory(draft=True)
    curation.publish_calls([call], actor=actor)
    call.refresh_from_db()
    first = call.published_at

    assert curation.unpublish_calls([call], actor=actor) == 1
    call.refresh_from_db()
    assert call.state == Call.State.DRAFT
    assert curation.publish_calls([call], actor=actor) == 1

    call.refresh_from_db()
    assert call.state == Call.State.PUBLISHED
    assert call.published_at == first


def test_taking_a_draft_back_to_draft_changes_nothing(actor):
    call = CallFactory(draft=True)

    assert curation.unpublish_calls([call], actor=actor) == 0


def test_a_duplicate_is_a_draft_copy_with_titles_in_both_languages_and_a_new_address(actor):
    areas = list(FocusArea.objects.filter(slug__in=["mobility", "tourism"]))
    call = CallFactory(
        title_et="Linnaliikuvuse piloodid",
        title_en="Urban mobility pilots",
        summary_et="Eesti kokkuvõte",
        summary_en="English summary",
        slug="urban-mobility-pilots",
        budget_eur=1_000_000,
        funding_rate=70,
        second_deadline=timezone.now() + timedelta(days=90),
        eligible_kinds=["company", "research"],
        focus_areas=areas,
    )

    copy = curation.duplicate_call(call, actor=actor)
    second = curation.duplicate_call(call, actor=actor)

    copy.refresh_from_db()
    assert copy.pk != call.pk
    assert copy.state == Call.State.DRAFT
    assert copy.published_at is None
    assert copy.created_by == actor
    assert copy.title_en == "Copy of Urban mobility pilots"
    assert copy.title_et != call.title_et and "Linnaliikuvuse piloodid" in copy.title_et
    assert copy.summary_et == "Eesti kokkuvõte" and copy.summary_en == "English summary"
    assert copy.slug == "urban-mobility-pilots-copy"
    assert second.slug == "urban-mobility-pilots-copy-2"
    assert copy.programme_id == call.programme_id
    assert (copy.deadline, copy.second_deadline) == (call.deadline, call.second_deadline)
    assert (copy.budget_eur, copy.funding_rate) == (call.budget_eur, call.funding_rate)
    assert set(copy.focus_areas.all()) == set(areas)
    assert set(copy.eligible_kinds.values_list("kind", flat=True)) == {"company", "research"}
    call.refresh_from_db()
    assert call.state == Call.State.PUBLISHED


def test_a_duplicate_of_a_call_without_an_english_title_keeps_it_empty(actor):
    call = CallFactory(title_et="Ainult eesti keeles", title_en="")

    copy = curation.duplicate_call(call, actor=actor)

    copy.refresh_from_db()
    assert copy.title_en in ("", None)
    assert "Ainult eesti keeles" in copy.title_et


def test_publishing_news_publishes_drafts_and_scheduled_items_now_and_leaves_published_ones(actor):
    draft = NewsFactory(published_at=None)
    scheduled = NewsFactory(published_at=timezone.now() + timedelta(days=3))
    earlier = timezone.now() - timedelta(days=5)
    published = NewsFactory(published_at=earlier)

    changed = curation.publish_news(News.objects.all(), actor=actor)

    assert changed == 2
    for item in (draft, scheduled):
        item.refresh_from_db()
        assert item.is_published
    published.refresh_from_db()
    assert published.published_at == earlier


def test_publishing_news_at_a_future_time_schedules_it(actor):
    draft = NewsFactory(published_at=None)
    later = timezone.now() + timedelta(days=2)

    curation.publish_news([draft], actor=actor, at=later)

    draft.refresh_from_db()
    assert draft.published_at == later
    assert not draft.is_published
