"""seed_demo adds programmes, calls in every status, news, and the demo member's follows and digest."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from funding import demo_data
from funding.models import (
    Call,
    CallFollow,
    CallStatus,
    EligibleKind,
    News,
    Programme,
    ProgrammeKind,
    SavedSearch,
    Subscription,
)
from projects.models import Project

pytestmark = pytest.mark.django_db

# The site crawl's test for English on Estonian pages.
ENGLISH_WORDS = re.compile(r"\b(the|and|your|you|with|please|this|have|are|for|sign|here)\b", re.IGNORECASE)


def seed(*args):
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def counts():
    return {
        model.__name__: model.objects.count()
        for model in [Programme, Call, EligibleKind, Call.focus_areas.through, News, CallFollow, SavedSearch]
    }


def test_the_demo_has_programmes_of_every_kind_and_calls_in_every_status():
    output = seed()

    assert Programme.objects.count() == len(demo_data.PROGRAMMES) == 9
    assert set(Programme.objects.values_list("kind", flat=True)) == set(ProgrammeKind.values)
    assert Call.objects.count() == len(demo_data.CALLS) == 18
    statuses = set(Call.objects.published().with_status().values_list("current_status", flat=True))
    assert statuses == set(CallStatus.values)
    assert Call.objects.filter(state=Call.State.DRAFT).count() == 1
    assert "Funding: 9 programmes, 18 calls" in output


def test_the_demo_has_two_stage_and_rolling_calls_and_money_details():
    seed()

    two_stage = Call.objects.filter(second_deadline__isnull=False)
    assert two_stage.count() == 2
    assert any(call.status() != CallStatus.CLOSED for call in two_stage)
    rolling_investors = Call.objects.filter(deadline__isnull=True, programme__kind=ProgrammeKind.PRIVATE)
    assert rolling_investors.count() == 2
    assert all(call.ticket_min_eur and call.ticket_max_eur for call in rolling_investors)
    assert Call.objects.filter(budget_eur__isnull=False, funding_rate__isnull=False).count() >= 12
    assert EligibleKind.objects.exists()
    assert Call.objects.filter(focus_areas__isnull=False).distinct().count() >= 15


def test_published_demo_calls_have_a_publication_time_and_drafts_none():
    seed()

    assert not Call.objects.published().filter(published_at__isnull=True).exists()
    assert not Call.objects.filter(state=Call.State.DRAFT, published_at__isnull=False).exists()


def test_the_demo_news_has_featured_scheduled_and_draft_items():
    seed()

    now = timezone.now()
    assert News.objects.count() == 10
    assert News.objects.published().filter(is_featured=True).exists()
    assert News.objects.filter(published_at__gt=now).count() == 1
    assert News.objects.filter(published_at__isnull=True).count() == 1
    assert not News.objects.filter(author__isnull=True).exists()


def test_every_demo_text_is_written_in_estonian_and_english():
    seed()

    for model, fields in [
        (Programme, ["name", "description"]),
        (Call, ["title", "summary", "description"]),
        (News, ["title", "summary", "body"]),
    ]:
        for row in model.objects.all():
            for field in fields:
                estonian, english = getattr(row, f"{field}_et"), getattr(row, f"{field}_en")
                assert estonian and english, (row, field)
                assert estonian != english, (row, field)
                assert not ENGLISH_WORDS.findall(estonian), (row, field, estonian)


def test_seeding_again_changes_nothing_and_keeps_publication_times():
    seed()
    before = counts()
    published = dict(Call.objects.values_list("slug", "published_at"))
    news_times = dict(News.objects.filter(published_at__lte=timezone.now()).values_list("slug", "published_at"))

    seed()

    assert counts() == before
    assert dict(Call.objects.values_list("slug", "published_at")) == published
    assert dict(News.objects.filter(slug__in=news_times).values_list("slug", "published_at")) == news_times


def test_seeding_again_keeps_each_call_in_its_status():
    seed()
    statuses = dict(Call.objects.with_status().values_list("slug", "current_status"))

    seed()

    assert dict(Call.objects.with_status().values_list("slug", "current_status")) == statuses


def test_the_demo_member_follows_two_calls_saves_a_search_and_reads_a_daily_digest():
    output = seed()

    follows = CallFollow.objects.filter(user__email=demo_data.DEMO_MEMBER)
    assert sorted(follows.values_list("call__slug", flat=True)) == sorted(demo_data.DEMO_FOLLOWS)
    assert SavedSearch.objects.filter(user__email=demo_data.DEMO_MEMBER).count() == 1
    assert Subscription.objects.get(user__email=demo_data.DEMO_MEMBER).frequency == "daily"
    assert "/et/calls/" in output


def test_a_few_demo_projects_target_a_demo_call():
    seed()

    targeting = Project.objects.filter(target_call__isnull=False)
    assert targeting.count() == 5
    assert Call.objects.get(slug="heitevaba-linnalogistika").projects.count() == 2


def test_scale_adds_generated_calls_in_bulk_with_search_text():
    seed("--scale", "2")

    generated = Call.objects.filter(slug__startswith="demo-call-")
    assert generated.count() == 18
    assert not generated.filter(search_text="").exists()
    assert not generated.filter(published_at__isnull=True).exists()
    statuses = set(generated.with_status().values_list("current_status", flat=True))
    assert statuses == set(CallStatus.values)

    seed("--scale", "2")

    assert Call.objects.filter(slug__startswith="demo-call-").count() == 18
