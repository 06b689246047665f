"""Staff curate calls and news: publish, take back to draft, duplicate, publish news.

The admin's actions and buttons call these. A call's `published_at` is set the first time it
is published and kept after that (a call taken back to draft and published again is not
"new" again): the digests and feeds go by it, so publishing never goes through a bare
`queryset.update(state=...)`.
"""

from django.db import transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext

from funding.models import Call, EligibleKind, News

SLUG_MAX_LENGTH = Call._meta.get_field("slug").max_length
TITLE_MAX_LENGTH = Call._meta.get_field("title").max_length


def publish_calls(calls, *, actor):
    """Publish the draft calls among `calls` (a queryset or an iterable of calls).

    Sets the state and, for a call never published before, `published_at` (now), in one
    conditional UPDATE, so two staff publishing at once publish each call once. Calls
    already published are left alone. Returns how many calls changed.
    """
    now = timezone.now()
    return (
        Call.objects.filter(pk__in=_ids(calls), state=Call.State.DRAFT)
        .order_by()
        .update(
            state=Call.State.PUBLISHED,
            published_at=Coalesce(F("published_at"), Value(now)),
            updated_at=now,
        )
    )


def unpublish_calls(calls, *, actor):
    """Take published calls back to draft: they leave the site, the feeds and the digests.

    `published_at` is kept, so publishing again does not announce the call as new. Returns
    how many calls changed.
    """
    return (
        Call.objects.filter(pk__in=_ids(calls), state=Call.State.PUBLISHED)
        .order_by()
        .update(state=Call.State.DRAFT, updated_at=timezone.now())
    )


def duplicate_call(call, *, actor):
    """A new draft copy of `call` for staff to edit into next year's call, say.

    The copy has "Copy of …" titles in both languages, a new unique address name, the same
    programme, texts, dates, money, focus areas and eligible kinds, no publication time, and
    `actor` as its author. Returns the copy.
    """
    with transaction.atomic():
        original = Call.objects.get(pk=call.pk)
        copy = Call.objects.get(pk=call.pk)
        copy.pk = None
        copy._state.adding = True
        copy.state = Call.State.DRAFT
        copy.published_at = None
        copy.created_by = actor
        copy.title_et = _copy_title(original.title_et, "et")
        copy.title_en = _copy_title(original.title_en, "en") if original.title_en else original.title_en
        copy.slug = _unique_slug(f"{original.slug}-copy")
        copy.save()
        copy.focus_areas.set(original.focus_areas.all())
        EligibleKind.objects.bulk_create(
            [EligibleKind(call=copy, kind=kind) for kind in original.eligible_kinds.values_list("kind", flat=True)]
        )
    return copy


def publish_news(news_items, *, actor, at=None):
    """Publish drafts and scheduled items among `news_items` at `at` (default: now).

    A time in the future schedules them instead. Items already published are left alone.
    Returns how many items changed.
    """
    now = timezone.now()
    at = at or now
    return (
        News.objects.filter(Q(published_at__isnull=True) | Q(published_at__gt=now), pk__in=_ids(news_items))
        .order_by()
        .update(published_at=at, updated_at=now)
    )


def _ids(objects):
    if hasattr(objects, "values_list"):
        return objects.values_list("pk", flat=True)
    return [obj.pk for obj in objects]


def _copy_title(title, language):
    with translation.override(language):
        copied = gettext("Copy of %(title)s") % {"title": title}
    return copied[:TITLE_MAX_LENGTH]


def _unique_slug(base):
    base = slugify(base)[: SLUG_MAX_LENGTH - 4].strip("-") or "call-copy"
    taken = set(Call.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate
