"""Demo data for `manage.py seed_demo`: programmes, funding calls in every status, news, follows.

Runs after the members seeders (it uses their people) and before the projects seeder (a few
projects name the call they target). It may run again: programmes, calls and news are
found by their slug and updated; the dates are set again from today, so each call keeps
its status however long after the first run the demo is seeded again. A call's or news
item's first publication time is set only when it is created. Rows are written directly,
not through the services, so seeding queues no e-mail. `--scale N` adds (N − 1) × 18
generated calls in bulk, for measuring pages at size.
"""

from datetime import datetime, time, timedelta
from itertools import cycle, islice
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone, translation

from funding import demo_data
from funding.models import (
    Call,
    CallFollow,
    CallStatus,
    EligibleKind,
    Frequency,
    News,
    Programme,
    SavedSearch,
    Subscription,
)
from members.models import FocusArea, User
from members.text import search_text

GENERATED_SLUG_PREFIX = "demo-call-"
GENERATED_PER_SCALE = 18
BATCH_SIZE = 1000
DEADLINE_HOUR = time(17, 0)
OPENING_HOUR = time(9, 0)

CALL_TEXT_FIELDS = ["title", "summary", "description"]
NEWS_TEXT_FIELDS = ["title", "summary", "body"]
CALL_MONEY_FIELDS = ["budget_eur", "funding_rate", "ticket_min_eur", "ticket_max_eur"]


def seed_funding(*, scale=1):
    """The demo's programmes, calls, news, and the demo member's follows, search and digest."""
    now = timezone.now()
    # The untranslated columns stay Estonian, as the members and projects seeders keep them.
    with translation.override(settings.LANGUAGE_CODE):
        programmes = {data["slug"]: _seed_programme(data) for data in demo_data.PROGRAMMES}
        focus_areas = {row.slug: row for row in FocusArea.objects.all()}
        calls = {
            data["slug"]: _seed_call(data, programmes=programmes, focus_areas=focus_areas, now=now)
            for data in demo_data.CALLS
        }
        author = User.objects.filter(email=demo_data.NEWS_AUTHOR).first()
        for data in demo_data.NEWS:
            _seed_news(data, author=author, focus_areas=focus_areas, now=now)
        _seed_demo_member(calls)
        if scale > 1:
            _seed_generated(
                scale, programmes=list(programmes.values()), focus_areas=list(focus_areas.values()), now=now
            )
    return _summary_lines(now)


def _seed_programme(data):
    programme, _created = Programme.objects.update_or_create(
        slug=data["slug"],
        defaults={
            "kind": data["kind"],
            "website": data["website"],
            **{
                f"{field}_{language}": data[f"{field}_{language}"]
                for field in ("name", "description")
                for language in ("et", "en")
            },
        },
    )
    return programme


def _seed_call(data, *, programmes, focus_areas, now):
    zone = data.get("deadline_timezone", "Europe/Brussels")
    is_published = data.get("state", Call.State.PUBLISHED) == Call.State.PUBLISHED
    opens = data.get("opens", -30)
    values = {
        "programme": programmes[data["programme"]],
        "identifier": data["identifier"],
        "link": programmes[data["programme"]].website,
        "state": Call.State.PUBLISHED if is_published else Call.State.DRAFT,
        "deadline_timezone": zone,
        "opens_at": _moment(now, opens, OPENING_HOUR, "Europe/Tallinn") if opens is not None else None,
        "deadline": _moment(now, data["deadline"], DEADLINE_HOUR, zone) if data["deadline"] is not None else None,
        "second_deadline": _moment(now, data["second"], DEADLINE_HOUR, zone) if data.get("second") else None,
        **{field: data.get(field) for field in CALL_MONEY_FIELDS},
        **_translated(data, CALL_TEXT_FIELDS),
    }
    published_at = now - timedelta(days=data["published"]) if is_published else None
    call, _created = Call.objects.update_or_create(
        slug=data["slug"], defaults=values, create_defaults={**values, "published_at": published_at}
    )
    wanted_areas = {focus_areas[slug].pk for slug in data["focus_areas"]}
    if set(call.focus_areas.values_list("pk", flat=True)) != wanted_areas:
        call.focus_areas.set(wanted_areas)
    existing_kinds = set(call.eligible_kinds.values_list("kind", flat=True))
    wanted_kinds = set(data["eligible"])
    if existing_kinds != wanted_kinds:
        call.eligible_kinds.exclude(kind__in=wanted_kinds).delete()
        EligibleKind.objects.bulk_create([EligibleKind(call=call, kind=kind) for kind in wanted_kinds - existing_kinds])
    return call


def _seed_news(data, *, author, focus_areas, now):
    hours = data["published"]
    values = {
        "is_featured": data["featured"],
        "author": author,
        **_translated(data, NEWS_TEXT_FIELDS),
    }
    # A published item keeps its first time; a draft stays a draft and a scheduled one stays ahead of today.
    if hours is None or hours < 0 or not News.objects.filter(slug=data["slug"]).exists():
        values["published_at"] = now - timedelta(hours=hours) if hours is not None else None
    news, _created = News.objects.update_or_create(slug=data["slug"], defaults=values)
    wanted_areas = {focus_areas[slug].pk for slug in data["focus_areas"]}
    if set(news.focus_areas.values_list("pk", flat=True)) != wanted_areas:
        news.focus_areas.set(wanted_areas)
    return news


def _seed_demo_member(calls):
    """Mari follows two calls, has a saved search and reads a daily digest."""
    person = User.objects.filter(email=demo_data.DEMO_MEMBER).first()
    if person is None:
        return
    for slug in demo_data.DEMO_FOLLOWS:
        CallFollow.objects.get_or_create(user=person, call=calls[slug])
    name, query = demo_data.DEMO_SAVED_SEARCH
    SavedSearch.objects.get_or_create(user=person, query=query, defaults={"name": name})
    Subscription.objects.update_or_create(user=person, defaults={"frequency": Frequency.DAILY})


def _moment(now, days, at, zone):
    """`at` o'clock in `zone`, `days` days from today there."""
    tz = ZoneInfo(zone)
    day = now.astimezone(tz).date() + timedelta(days=days)
    return datetime.combine(day, at, tzinfo=tz)


def _translated(data, fields):
    return {f"{field}_{language}": data[f"{field}_{language}"] for field in fields for language in ("et", "en")}


def _summary_lines(now):
    statuses = dict.fromkeys(CallStatus.values, 0)
    for status in Call.objects.published().with_status(now).values_list("current_status", flat=True):
        statuses[status] += 1
    return [
        f"  Funding: {Programme.objects.count()} programmes, {Call.objects.count()} calls "
        f"({statuses['forthcoming']} forthcoming, {statuses['open']} open, {statuses['closing_soon']} closing soon, "
        f"{statuses['closed']} closed; {Call.objects.filter(state=Call.State.DRAFT).count()} in draft), "
        f"{News.objects.count()} news, {CallFollow.objects.count()} follows.",
        f"  Calls: /{settings.LANGUAGE_CODE}/calls/ ({demo_data.DEMO_MEMBER} follows two and gets a daily digest).",
    ]


# --scale: generated calls, written in bulk.


def _seed_generated(scale, *, programmes, focus_areas, now):
    """Add (scale − 1) × 18 published calls spread over every status; skip what exists.

    bulk_create skips save(), so the search text and publication time are set here.
    """
    numbers = range(1, (scale - 1) * GENERATED_PER_SCALE + 1)
    existing = set(Call.objects.filter(slug__startswith=GENERATED_SLUG_PREFIX).values_list("slug", flat=True))
    numbers = [number for number in numbers if f"{GENERATED_SLUG_PREFIX}{number}" not in existing]
    if not numbers:
        return
    calls = Call.objects.bulk_create(
        [_generated_call(number, programmes, now) for number in numbers], batch_size=BATCH_SIZE
    )
    FocusAreaLink = Call.focus_areas.through
    FocusAreaLink.objects.bulk_create(
        [
            FocusAreaLink(call_id=call.pk, focusarea_id=area.pk)
            for number, call in zip(numbers, calls, strict=True)
            for area in _pick(focus_areas, start=number, count=1 + number % 2)
        ],
        batch_size=BATCH_SIZE,
        ignore_conflicts=True,
    )


# Days to the (opening, deadline) of generated calls: forthcoming, open, closing soon, closed, rolling.
GENERATED_DATES = [(10, 90), (-20, 45), (-40, 6), (-120, -30), (-60, None)]


def _generated_call(number, programmes, now):
    opens, deadline = GENERATED_DATES[number % len(GENERATED_DATES)]
    programme = programmes[number % len(programmes)]
    title_et = f"Näidisvoor {number}"
    title_en = f"Sample call {number}"
    summary_et = f"Genereeritud taotlusvoor portaali mõõtmiseks ({programme.name_et})."
    summary_en = f"A generated call for measuring the portal ({programme.name_en})."
    return Call(
        slug=f"{GENERATED_SLUG_PREFIX}{number}",
        title=title_et,
        title_et=title_et,
        title_en=title_en,
        summary=summary_et,
        summary_et=summary_et,
        summary_en=summary_en,
        description=f"Näidisvoor **{number}**.",
        description_et=f"Näidisvoor **{number}**.",
        description_en=f"Sample call **{number}**.",
        identifier=f"DEMO-{number:05d}",
        programme=programme,
        opens_at=_moment(now, opens, OPENING_HOUR, "Europe/Tallinn"),
        deadline=_moment(now, deadline, DEADLINE_HOUR, "Europe/Brussels") if deadline is not None else None,
        budget_eur=100000 * (1 + number % 20),
        funding_rate=[50, 70, 80, 100][number % 4],
        state=Call.State.PUBLISHED,
        published_at=now - timedelta(days=number % 60),
        search_text=search_text(title_et, title_en, f"DEMO-{number:05d}", summary_et, summary_en),
    )


def _pick(items, *, start, count):
    return list(islice(cycle(items), start % len(items), start % len(items) + count))
