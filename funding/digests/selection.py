"""What goes into each person's digest, built for a batch of people with a fixed number of queries.

A digest holds what is new since that person's last digest (DigestDelivery.covers_until of
their latest digest of any frequency; for a first digest, one period back; never more than
MAX_LOOKBACK back), that matches their Subscription, and that has not been sent to them
before (DigestItem keys). Sections, in this order, each sorted most relevant first:

    reminders   deadlines of calls they follow closing within the next 7 days (digest only)
    searches    new calls matching one of their saved searches (with the search's name)
    calls       other new published calls in their focus areas (eligible for their
                organisation's kind first, then nearest deadline)
    projects    projects open for partners that fit their organisations (projects.recommendations points)
    activity    updates and new participants in projects of their organisations, not by themselves
    news        published news in their focus areas, featured first, newest first

Everything a batch needs is read up front, in the same queries whatever the batch's size
(`_load_batch`); each person's digest is then put together in Python (`_assemble`).
"""

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Max, Q, Value
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from funding.deadlines import format_deadline
from funding.digests.matching import SearchCriteria
from funding.models import (
    Call,
    CallFollow,
    DeliveryKind,
    DigestDelivery,
    DigestItem,
    News,
    Programme,
    SavedSearch,
    Subscription,
)
from funding.translation import shown_language
from members.models import FocusArea, Membership, Organisation, User
from members.text import fold
from projects.interface import (
    COMPETENCE_POINTS,
    FOCUS_AREA_POINTS,
    KIND_POINTS,
    PILOT_CITY_POINTS,
    Participation,
    Project,
    ProjectUpdate,
    pending_or_recently_declined,
)

MAX_LOOKBACK = timedelta(days=31)

# How far back a first digest of each frequency reaches.
PERIODS = {
    DeliveryKind.DAILY: timedelta(days=1),
    DeliveryKind.WEEKLY: timedelta(days=7),
    DeliveryKind.MONTHLY: timedelta(days=31),
}
DIGEST_KINDS = [DeliveryKind.DAILY, DeliveryKind.WEEKLY, DeliveryKind.MONTHLY]

# Followed calls whose deadline is this close are in the digest's reminders section.
REMINDER_HORIZON = timedelta(days=7)
# Deadline reminders go out this many (Tallinn) days before each deadline.
REMINDER_DAYS = (7, 1)
# A section shows at most this many entries, then "and N more" with a link to the list.
SECTION_CAP = 10
PROJECTS_CAP = 5

TALLINN = ZoneInfo("Europe/Tallinn")


@dataclass
class Entry:
    key: str  # DigestItem.key, e.g. "call:12"
    title: str
    url: str  # absolute, with SITE_URL
    summary: str = ""
    details: list = field(default_factory=list)  # short lines: "Deadline 12 Dec 2026 17:00 (Brussels)", reasons
    language: str = ""  # the language the title/summary are written in, when it is not the digest's


@dataclass
class Section:
    kind: str  # "reminders", "searches", "calls", "projects", "activity", "news"
    title: str
    entries: list
    more: int = 0  # entries left out by the cap
    more_url: str = ""  # absolute: the list where the rest can be found


@dataclass
class Digest:
    user: object
    kind: str  # DeliveryKind: daily, weekly, monthly, reminder
    language: str
    covers_from: datetime
    covers_until: datetime
    sections: list

    @property
    def keys(self):
        return [entry.key for section in self.sections for entry in section.entries]

    @property
    def is_empty(self):
        return not self.keys

    def count(self, *kinds):
        return sum(len(section.entries) for section in self.sections if section.kind in kinds)


def build_digests(subscriptions, *, kind, now):
    """The digests of a batch of Subscription rows (same frequency), empty ones included.

    A fixed number of queries for the whole batch, whatever its size.
    """
    subscriptions = list(subscriptions)
    if not subscriptions:
        return []
    batch = _load_batch(subscriptions, kind=kind, now=now)
    digests = []
    for subscription in subscriptions:
        with translation.override(subscription.digest_language):
            digests.append(_assemble(batch, subscription, kind=kind, now=now))
    return digests


def build_reminders(user_ids, *, now):
    """Deadline reminders for a batch of people: followed calls whose deadline is 7 or 1 days ahead.

    Days are counted in Europe/Tallinn dates. Only people with Subscription.send_reminders.
    One Digest of kind "reminder" per person with something to remind; keys
    "reminder:<call id>:<deadline iso>:<days>". Three queries for the whole batch.
    """
    user_ids = list(user_ids)
    if not user_ids:
        return []
    subscriptions = list(
        Subscription.objects.filter(user_id__in=user_ids, send_reminders=True, user__is_active=True)
        .select_related("user")
        .order_by("user_id")
    )
    today = timezone.localtime(now, TALLINN).date()
    horizon = now + timedelta(days=max(REMINDER_DAYS) + 1)
    follows = (
        CallFollow.objects.filter(user_id__in=[subscription.user_id for subscription in subscriptions])
        .filter(call__state=Call.State.PUBLISHED)
        .filter(
            Q(call__deadline__gt=now, call__deadline__lte=horizon)
            | Q(call__second_deadline__gt=now, call__second_deadline__lte=horizon)
        )
        .select_related("call__programme")
    )
    due = defaultdict(list)  # user id → [(deadline, days, call, key)]
    for follow in follows:
        for deadline in follow.call.deadlines:
            if deadline <= now:
                continue
            days = (timezone.localtime(deadline, TALLINN).date() - today).days
            if days in REMINDER_DAYS:
                key = f"reminder:{follow.call_id}:{_iso(deadline)}:{days}"
                due[follow.user_id].append((deadline, days, follow.call, key))
    sent = _sent_keys(due.keys(), [key for items in due.values() for *_rest, key in items])

    digests = []
    for subscription in subscriptions:
        items = sorted(
            (item for item in due.get(subscription.user_id, []) if (subscription.user_id, item[3]) not in sent),
            key=lambda item: (item[0], item[2].pk),
        )
        if not items:
            continue
        language = subscription.digest_language
        with translation.override(language):
            entries = [_reminder_entry(call, deadline, days, key, language) for deadline, days, call, key in items]
            section = Section("reminders", _("Deadlines coming up"), entries)
        digests.append(Digest(subscription.user, DeliveryKind.REMINDER, language, now, now, [section]))
    return digests


# --- Loading a batch ------------------------------------------------------------------------


@dataclass
class _Person:
    user: object
    covers_from: datetime
    focus_area_ids: set
    organisations: list  # every organisation they belong to
    active_organisations: list  # those that are active members of the cluster
    saved_searches: list  # [(SavedSearch, SearchCriteria)]


class _Batch:
    """Everything a batch of digests is made of, read in a fixed number of queries."""

    people: dict  # user id → _Person
    calls: list
    news: list
    projects: list
    project_ids_of_organisation: dict  # organisation id → {project id}
    updates: list
    new_participations: list
    follows: list  # CallFollow with a deadline within REMINDER_HORIZON
    competence_ids: dict  # organisation id → {competence id}
    organisation_area_ids: dict  # organisation id → {focus area id}
    # Made once per batch and language, not once per person: most people get the same calls and news.
    entries: dict  # (language, key) → Entry
    urls: dict  # (language, URL name) → absolute URL
    area_ids: dict  # (model, pk) → frozenset of focus area ids
    call_facts: dict  # call id → (frozenset of eligible kinds, deadline order)
    sent: set  # {(user id, key)}


def _load_batch(subscriptions, *, kind, now):
    batch = _Batch()
    batch.entries, batch.urls, batch.area_ids, batch.call_facts = {}, {}, {}, {}
    user_ids = [subscription.user_id for subscription in subscriptions]
    uncached = [subscription for subscription in subscriptions if not Subscription.user.is_cached(subscription)]
    if uncached:
        # digest_language reads the user: one query for all of them, not one each.
        users = User.objects.in_bulk([subscription.user_id for subscription in uncached])
        for subscription in uncached:
            subscription.user = users[subscription.user_id]
    subscription_areas = defaultdict(set)
    for subscription_id, area_id in Subscription.focus_areas.through.objects.filter(
        subscription_id__in=[subscription.pk for subscription in subscriptions]
    ).values_list("subscription_id", "focusarea_id"):
        subscription_areas[subscription_id].add(area_id)

    organisations_of = defaultdict(list)
    organisations = {}
    for membership in Membership.objects.filter(user_id__in=user_ids).select_related("organisation"):
        organisations_of[membership.user_id].append(membership.organisation)
        organisations[membership.organisation_id] = membership.organisation
    batch.competence_ids = defaultdict(set)
    batch.organisation_area_ids = defaultdict(set)
    active_ids = [pk for pk, organisation in organisations.items() if organisation.is_active_member]
    for organisation_id, competence_id in Organisation.competences.through.objects.filter(
        organisation_id__in=active_ids
    ).values_list("organisation_id", "competence_id"):
        batch.competence_ids[organisation_id].add(competence_id)
    for organisation_id, area_id in Organisation.focus_areas.through.objects.filter(
        organisation_id__in=active_ids
    ).values_list("organisation_id", "focusarea_id"):
        batch.organisation_area_ids[organisation_id].add(area_id)

    latest = dict(
        DigestDelivery.objects.filter(user_id__in=user_ids, kind__in=DIGEST_KINDS)
        .values("user_id")
        .annotate(latest=Max("covers_until"))
        .values_list("user_id", "latest")
    )
    searches_of = defaultdict(list)
    known = _known_slugs()
    for search in SavedSearch.objects.filter(user_id__in=user_ids).order_by("name", "pk"):
        searches_of[search.user_id].append((search, SearchCriteria.from_query(search.query, **known)))

    earliest = now - MAX_LOOKBACK
    batch.people = {}
    for subscription in subscriptions:
        first_from = now - PERIODS.get(kind, PERIODS[DeliveryKind.WEEKLY])
        covers_from = max(latest.get(subscription.user_id) or first_from, earliest)
        own = organisations_of[subscription.user_id]
        batch.people[subscription.user_id] = _Person(
            user=subscription.user,
            covers_from=min(covers_from, now),
            focus_area_ids=subscription_areas[subscription.pk],
            organisations=own,
            active_organisations=[organisation for organisation in own if organisation.is_active_member],
            saved_searches=searches_of[subscription.user_id],
        )
    window_start = min(person.covers_from for person in batch.people.values())

    batch.calls = list(
        Call.objects.published()
        .filter(published_at__gt=window_start, published_at__lte=now)
        .select_related("programme")
        .prefetch_related("focus_areas", "eligible_kinds")
        .order_by("pk")
    )
    batch.news = list(
        News.objects.filter(published_at__gt=window_start, published_at__lte=now)
        .prefetch_related("focus_areas")
        .order_by("-is_featured", "-published_at", "pk")
    )
    # "Opened in the window": a project made open for joining was saved then (updated_at).
    batch.projects = list(
        Project.objects.open_for_partners(today=timezone.localtime(now, TALLINN).date())
        .filter(Q(created_at__gt=window_start) | Q(updated_at__gt=window_start))
        .filter(created_at__lte=now)
        .prefetch_related("focus_areas", "sought_kinds", "sought_competences")
        .order_by("pk")
    )
    batch.project_ids_of_organisation = defaultdict(set)
    for project_id, organisation_id in Participation.objects.filter(organisation_id__in=organisations).values_list(
        "project_id", "organisation_id"
    ):
        batch.project_ids_of_organisation[organisation_id].add(project_id)
    their_projects = set().union(*batch.project_ids_of_organisation.values())
    batch.updates = list(
        ProjectUpdate.objects.filter(project_id__in=their_projects, created_at__gt=window_start, created_at__lte=now)
        .select_related("project", "author", "organisation")
        .order_by("-created_at", "-pk")
    )
    # As in the suggestions on the site: a project the organisation asked to join (or was invited
    # to) and has not heard back from, or that said no lately, is not suggested again.
    batch.asked = set(
        pending_or_recently_declined()
        .filter(project_id__in=[project.pk for project in batch.projects], organisation_id__in=organisations)
        .values_list("project_id", "organisation_id")
    )
    batch.new_participations = list(
        Participation.objects.filter(project_id__in=their_projects, joined_at__gt=window_start, joined_at__lte=now)
        .exclude(role="lead")
        .select_related("project", "organisation")
        .order_by("-joined_at", "-pk")
    )
    batch.follows = list(
        CallFollow.objects.filter(user_id__in=user_ids, call__state=Call.State.PUBLISHED)
        .filter(
            Q(call__deadline__gt=now, call__deadline__lte=now + REMINDER_HORIZON)
            | Q(call__second_deadline__gt=now, call__second_deadline__lte=now + REMINDER_HORIZON)
        )
        .select_related("call__programme")
    )

    candidate_keys = (
        [f"call:{call.pk}" for call in batch.calls]
        + [f"news:{news.pk}" for news in batch.news]
        + [f"project:{project.pk}" for project in batch.projects]
        + [f"update:{update.pk}" for update in batch.updates]
        + [f"participant:{participation.pk}" for participation in batch.new_participations]
        + [_deadline_key(follow.call, deadline) for follow in batch.follows for deadline in follow.call.deadlines]
    )
    batch.sent = _sent_keys(user_ids, candidate_keys)
    return batch


def _known_slugs():
    """The slugs of every programme and focus area, in one query: a saved search naming another is ignored."""
    # No ORDER BY in the parts of a UNION: SQLite (the embedded mode) refuses it.
    programmes = Programme.objects.order_by().annotate(table=Value("programme")).values_list("table", "slug")
    areas = FocusArea.objects.order_by().annotate(table=Value("focus_area")).values_list("table", "slug")
    known = {"programme_slugs": set(), "focus_area_slugs": set()}
    for table, slug in programmes.union(areas, all=True):
        known[f"{table}_slugs"].add(slug)
    return known


def _sent_keys(user_ids, keys):
    user_ids, keys = list(user_ids), sorted(set(keys))
    if not user_ids or not keys:
        return set()
    return set(DigestItem.objects.filter(user_id__in=user_ids, key__in=keys).values_list("user_id", "key"))


# --- Assembling one person's digest ---------------------------------------------------------


def _assemble(batch, subscription, *, kind, now):
    person = batch.people[subscription.user_id]
    language = subscription.digest_language

    def is_new(moment):
        return person.covers_from < moment <= now

    def not_sent(key):
        return (subscription.user_id, key) not in batch.sent

    def in_their_areas(item):
        if not person.focus_area_ids:
            return True
        area_ids = _area_ids(batch, item)
        return not area_ids or bool(area_ids & person.focus_area_ids)

    sections = []

    # Reminders: followed calls closing within the week (each deadline once).
    reminders = []
    for follow in batch.follows:
        if follow.user_id != subscription.user_id:
            continue
        deadline = follow.call.next_deadline(now)
        if deadline is None or deadline > now + REMINDER_HORIZON:
            continue
        key = _deadline_key(follow.call, deadline)
        if not_sent(key):
            reminders.append((deadline, follow.call.pk, _call_entry_once(batch, follow.call, key, language, now=now)))
    reminders.sort(key=lambda item: item[:2])
    sections.append(_section("reminders", _("Deadlines coming up"), [entry for *_order, entry in reminders]))
    # A followed call they are reminded of is not listed again as a new call in the same digest.
    reminded = {call_id for _deadline, call_id, _entry in reminders}

    # Calls: those matching a saved search go under it, the rest under new calls.
    kinds = {organisation.kind for organisation in person.organisations}
    searched, others = [], []
    for call in batch.calls:
        key = f"call:{call.pk}"
        if not is_new(call.published_at) or not not_sent(key) or call.pk in reminded:
            continue
        listed, deadline_order = _call_facts(batch, call, now)
        open_to_them = not listed or bool(listed & kinds)  # as Call.is_open_to, from the batch's memo
        order = (0 if open_to_them else 1, deadline_order, call.pk)
        matching = []
        if subscription.include_saved_searches:
            matching = [search for search, criteria in person.saved_searches if criteria.matches(call, now=now)]
        if matching:
            entry = _call_entry_once(batch, call, key, language, now=now)
            entry.details.append(_saved_search_reason(matching))
            searched.append((order, entry))
        elif subscription.include_calls and in_their_areas(call):
            entry = _call_entry_once(batch, call, key, language, now=now)
            if kinds and listed and open_to_them:
                entry.details.append(_("Open to organisations of your kind"))
            others.append((order, entry))
    calls_url = _url(batch, "funding:call_list")
    sections.append(_section("searches", _("New calls matching your saved searches"), _sorted(searched), calls_url))
    sections.append(_section("calls", _("New funding calls"), _sorted(others), calls_url))

    # Projects looking for partners that fit their (active member) organisations.
    fitting = []
    if subscription.include_projects and person.active_organisations:
        fitting = _fitting_projects(batch, person, is_new=is_new, not_sent=not_sent, in_their_areas=in_their_areas)
    sections.append(
        _section(
            "projects",
            _("Projects looking for partners like you"),
            fitting,
            _url(batch, "projects:project_list"),
            cap=PROJECTS_CAP,
        )
    )

    # Activity in projects of their organisations, not their own doing.
    activity = []
    if subscription.include_activity:
        activity = _activity(batch, person, is_new=is_new, not_sent=not_sent, language=language)
    sections.append(_section("activity", _("Activity in your projects"), activity, _url(batch, "projects:dashboard")))

    # News: featured first, newest first (the order they were read in).
    news_entries = []
    if subscription.include_news:
        for news in batch.news:
            key = f"news:{news.pk}"
            if is_new(news.published_at) and not_sent(key) and in_their_areas(news):
                news_entries.append(_once(batch, key, lambda news=news, key=key: _news_entry(news, key, language)))
    sections.append(_section("news", _("News"), news_entries, _url(batch, "funding:news_list")))

    return Digest(
        user=person.user,
        kind=kind,
        language=language,
        covers_from=person.covers_from,
        covers_until=now,
        sections=[section for section in sections if section.entries],
    )


def _fitting_projects(batch, person, *, is_new, not_sent, in_their_areas):
    """Projects scored with the points of projects.recommendations against the person's organisations."""
    organisation_ids = {organisation.pk for organisation in person.active_organisations}
    competence_ids = set().union(*(batch.competence_ids[pk] for pk in organisation_ids))
    area_ids = set().union(*(batch.organisation_area_ids[pk] for pk in organisation_ids))
    kinds = {organisation.kind for organisation in person.active_organisations}
    cities = {fold(organisation.city).strip() for organisation in person.active_organisations} - {""}
    taking_part = set().union(*(batch.project_ids_of_organisation[pk] for pk in organisation_ids))

    ranked = []
    for project in batch.projects:
        key = f"project:{project.pk}"
        changed = project.updated_at if project.updated_at > project.created_at else project.created_at
        if project.pk in taking_part or not not_sent(key) or not in_their_areas(project):
            continue
        if any((project.pk, organisation_id) in batch.asked for organisation_id in organisation_ids):
            continue
        if not (is_new(project.created_at) or is_new(changed)):
            continue
        competences = sorted(
            (competence for competence in project.sought_competences.all() if competence.pk in competence_ids),
            key=lambda competence: fold(competence.name),
        )
        areas = [area for area in project.focus_areas.all() if area.pk in area_ids]
        sought_kinds = [sought for sought in project.sought_kinds.all() if sought.kind in kinds]
        in_pilot_city = fold(project.pilot_city).strip() in cities
        score = (
            COMPETENCE_POINTS * len(competences)
            + FOCUS_AREA_POINTS * len(areas)
            + (KIND_POINTS if sought_kinds else 0)
            + (PILOT_CITY_POINTS if in_pilot_city else 0)
        )
        if score <= 0:
            continue
        reasons = []
        if competences:
            names = ", ".join(_in_sentence(competence.name) for competence in competences)
            reasons.append(_("needs your competences: %(competences)s") % {"competences": names})
        if areas:
            names = ", ".join(_in_sentence(area.name) for area in areas)
            reasons.append(ngettext("focus area: %(areas)s", "focus areas: %(areas)s", len(areas)) % {"areas": names})
        if sought_kinds:
            names = ", ".join(_in_sentence(str(sought.get_kind_display())) for sought in sought_kinds)
            reasons.append(_("looking for partners of your kind: %(kinds)s") % {"kinds": names})
        if in_pilot_city:
            reasons.append(_("pilot in %(city)s, where you are based") % {"city": project.pilot_city.strip()})
        entry = Entry(
            key=key,
            title=project.title,
            url=_absolute(project.get_absolute_url()),
            summary=project.summary,
            details=["; ".join(reasons)],
            language=_other_language(project.language),
        )
        ranked.append(((-score, -len(competences), fold(project.title), project.pk), entry))
    return _sorted(ranked)


def _activity(batch, person, *, is_new, not_sent, language):
    organisation_ids = {organisation.pk for organisation in person.organisations}
    their_projects = set().union(*(batch.project_ids_of_organisation[pk] for pk in organisation_ids))
    is_member = person.user.is_staff or bool(person.active_organisations)

    def can_see(project):
        return project.visibility == "public" or is_member or project.pk in their_projects

    happenings = []
    for update in batch.updates:
        key = f"update:{update.pk}"
        if update.project_id not in their_projects or update.author_id == person.user.pk:
            continue
        if not (is_new(update.created_at) and not_sent(key) and can_see(update.project)):
            continue
        author = update.author.get_full_name() if update.author else _("A participant")
        if update.organisation:
            line = _("%(author)s (%(organisation)s) posted an update") % {
                "author": author,
                "organisation": update.organisation.name,
            }
        else:
            line = _("%(author)s posted an update") % {"author": author}
        entry = Entry(
            key=key,
            title=update.project.title,
            url=_absolute(update.project.get_absolute_url()),
            summary=_shorten(update.body),
            details=[line],
            language=_other_language(update.project.language),
        )
        happenings.append(((update.created_at, update.pk), entry))
    for participation in batch.new_participations:
        key = f"participant:{participation.pk}"
        if participation.project_id not in their_projects or participation.organisation_id in organisation_ids:
            continue
        if not (is_new(participation.joined_at) and not_sent(key) and can_see(participation.project)):
            continue
        entry = Entry(
            key=key,
            title=participation.project.title,
            url=_absolute(participation.project.get_absolute_url()),
            details=[_("%(organisation)s joined the project") % {"organisation": participation.organisation.name}],
            language=_other_language(participation.project.language),
        )
        happenings.append(((participation.joined_at, participation.pk), entry))
    happenings.sort(key=lambda item: item[0], reverse=True)
    return [entry for _order, entry in happenings]


# --- Entries ----------------------------------------------------------------------------------


def _once(batch, key, make):
    """The entry for `key` in the active language, made once per batch; a copy, as callers add details."""
    memo_key = (translation.get_language(), key)
    entry = batch.entries.get(memo_key)
    if entry is None:
        entry = batch.entries[memo_key] = make()
    return replace(entry, details=list(entry.details))


def _area_ids(batch, item):
    """The item's focus area ids, read once per batch (not once per person it is checked for)."""
    memo_key = (type(item), item.pk)
    if memo_key not in batch.area_ids:
        batch.area_ids[memo_key] = frozenset(area.pk for area in item.focus_areas.all())
    return batch.area_ids[memo_key]


def _call_facts(batch, call, now):
    """(eligible kinds, deadline order) of a call, worked out once per batch."""
    if call.pk not in batch.call_facts:
        listed = frozenset(eligible.kind for eligible in call.eligible_kinds.all())
        batch.call_facts[call.pk] = (listed, _deadline_order(call, now))
    return batch.call_facts[call.pk]


def _call_entry_once(batch, call, key, language, *, now):
    return _once(batch, key, lambda: _call_entry(call, key, language, now=now))


def _url(batch, name):
    """The absolute URL of a named page in the active language, reversed once per batch."""
    memo_key = (translation.get_language(), name)
    if memo_key not in batch.urls:
        batch.urls[memo_key] = _absolute(reverse(name))
    return batch.urls[memo_key]


def _call_entry(call, key, language, *, now):
    details = [_deadline_line(call, now)]
    if call.programme_id:
        details.append(call.programme.name)
    return Entry(
        key=key,
        title=call.title,
        url=_absolute(call.get_absolute_url()),
        summary=call.summary,
        details=details,
        language=_fallback_language(call, "title", language),
    )


def _reminder_entry(call, deadline, days, key, language):
    when = ngettext("The deadline is tomorrow.", "The deadline is in %(days)d days.", days) % {"days": days}
    return Entry(
        key=key,
        title=call.title,
        url=_absolute(call.get_absolute_url()),
        summary=call.summary,
        details=[when, _("Deadline: %(deadline)s") % {"deadline": format_deadline(deadline, call)}],
        language=_fallback_language(call, "title", language),
    )


def _news_entry(news, key, language):
    details = [_("Featured")] if news.is_featured else []
    return Entry(
        key=key,
        title=news.title,
        url=_absolute(news.get_absolute_url()),
        summary=news.summary,
        details=details,
        language=_fallback_language(news, "title", language),
    )


def _deadline_line(call, now):
    if call.is_rolling:
        return _("Rolling intake: no deadline")
    deadline = call.next_deadline(now)
    if deadline is None:
        return _("Closed")
    return _("Deadline: %(deadline)s") % {"deadline": format_deadline(deadline, call)}


def _saved_search_reason(searches):
    # Translators: a saved search's name in quotation marks; Estonian quotes as „…“.
    names = ", ".join(pgettext("quoted name", "“%(name)s”") % {"name": search.name} for search in searches)
    return ngettext("Matches your saved search %(names)s", "Matches your saved searches %(names)s", len(searches)) % {
        "names": names
    }


def _deadline_key(call, deadline):
    return f"deadline:{call.pk}:{_iso(deadline)}"


def _iso(moment):
    """The instant in UTC, so a key is the same however the deadline was read or written."""
    return moment.astimezone(UTC).isoformat()


def _deadline_order(call, now):
    """Nearest next deadline first; rolling intake after them; closed last."""
    deadline = call.next_deadline(now)
    if deadline is not None:
        return (0, deadline.timestamp())
    return (1, 0) if call.is_rolling else (2, 0)


def _fallback_language(item, field_name, language):
    """The language `field_name` is shown in, when the digest's language has no text of its own."""
    shown = shown_language(item, field_name, language)
    return "" if shown == language else shown


def _other_language(text_language):
    current = translation.get_language()
    return text_language if text_language and text_language != current else ""


def _in_sentence(name):
    """'Computer vision' → 'computer vision' after a colon; 'IoT sensors' and 'GIS' keep their capitals."""
    first_word = name.split()[0] if name.split() else ""
    if any(letter.isupper() for letter in first_word[1:]):
        return name
    return name[:1].lower() + name[1:]


def _shorten(text, limit=200):
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _section(kind, title, entries, more_url="", *, cap=SECTION_CAP):
    return Section(kind, title, entries[:cap], more=max(len(entries) - cap, 0), more_url=more_url)


def _sorted(ranked):
    return [entry for _order, entry in sorted(ranked, key=lambda item: item[0])]


def _absolute(path):
    return f"{settings.SITE_URL.rstrip('/')}{path}"
