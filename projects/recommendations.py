"""Partner recommendations: organisations that fit a project, and projects that fit an organisation.

The ranking is the same from both sides and every suggestion says why it is there. Each
suggestion scores a plain sum of points:

    each competence the project seeks that the organisation has      3
    each focus area they share                                       2
    the organisation's kind is among the kinds the project seeks     4
    the organisation is based in the project's pilot city            3
    the organisation's profile is stale (suggestions only)          −1

A sought competence outweighs everything else: suggestions are ranked first by how many of
the sought competences match, and only then by points, so an organisation with one sought
competence comes before one that matches the kind, the pilot city and every focus area but
no sought competence (a partner is asked in for what it can do). Nothing that scores 0 or
less is suggested. Equal ranks go to the name (title) in alphabetical order. Candidates
are scored, ranked and cut to the limit in the database (a subquery counts each kind of
match), and only the ones shown have their matching competences and focus areas
prefetched: a fixed number of queries at any size, and work in Python for the shown ones
only.

Left out of suggestions: organisations that are not active members, the project's
participants, those with a pending request or invitation for the project, and those whose
request or invitation for the project was declined in the last 90 days (either way: the
lead said no, or they did; asking again so soon is rarely welcome). The lead can still
invite any organisation from the invitation form. The same holds from the organisation's
side in `projects_fitting`.
"""

import operator
from datetime import timedelta
from functools import reduce
from typing import NamedTuple

from django.db.models import (
    BooleanField,
    Case,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Lower, Trim, Upper
from django.db.models.lookups import Exact, LessThan
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from members.models import PROFILE_CONFIRMATION_PERIOD, Competence, FocusArea, Organisation
from members.text import fold
from projects.models import JoinRequest, Participation, Project, SoughtKind

COMPETENCE_POINTS = 3
FOCUS_AREA_POINTS = 2
KIND_POINTS = 4
PILOT_CITY_POINTS = 3
STALE_PROFILE_POINTS = -1

# A matched sought competence is worth a step in the ranking; the other points together stay
# far below it (2 per focus area, 4 + 3 at most besides).
RANK_STEP = 1000

# After a declined request or invitation, the pair is left out of recommendations this long.
DECLINED_QUIET_PERIOD = timedelta(days=90)


class Suggestion(NamedTuple):
    organisation: Organisation
    score: int
    reasons: list


def suggest_partners(project, *, limit=20):
    """Active member organisations that fit what `project` seeks, best first, with the reasons.

    Reads the project's sought competences, focus areas and kinds through `.all()`, so a
    project loaded with those prefetched costs no query for them. Each organisation comes
    with `matching_competences` and `shared_focus_areas` (lists) for the page.
    """
    competence_ids = {competence.pk for competence in project.sought_competences.all()}
    area_ids = {area.pk for area in project.focus_areas.all()}
    kinds = {sought.kind for sought in project.sought_kinds.all()}
    pilot_city = project.pilot_city.strip()
    if not (competence_ids or area_ids or kinds or pilot_city):
        return []

    participants = Participation.objects.filter(project=project, organisation_id=OuterRef("pk"))
    asked = pending_or_recently_declined().filter(project=project, organisation_id=OuterRef("pk"))
    stale_before = timezone.now() - PROFILE_CONFIRMATION_PERIOD
    candidates = (
        _scored(
            Organisation.objects.active(),
            competence_matches=_linked_to_how_many(
                Organisation.competences.through, "organisation_id", "competence_id", competence_ids
            ),
            area_matches=_linked_to_how_many(
                Organisation.focus_areas.through, "organisation_id", "focusarea_id", area_ids
            ),
            bonuses=[
                ("is_kind_sought", KIND_POINTS, Q(kind__in=kinds) if kinds else None),
                (
                    "is_in_pilot_city",
                    PILOT_CITY_POINTS,
                    Exact(Upper(Trim("city")), Upper(Value(pilot_city))) if pilot_city else None,
                ),
                (
                    "is_stale",
                    STALE_PROFILE_POINTS,
                    LessThan(Coalesce("profile_confirmed_at", "created_at"), stale_before),
                ),
            ],
        )
        .exclude(Exists(participants))
        .exclude(Exists(asked))
        .order_by("-rank", Lower("name"), "slug")
        .prefetch_related(
            Prefetch(
                "competences",
                queryset=Competence.objects.filter(pk__in=competence_ids),
                to_attr="matching_competences",
            ),
            Prefetch("focus_areas", queryset=FocusArea.objects.filter(pk__in=area_ids), to_attr="shared_focus_areas"),
        )[:limit]
    )

    ranked = []
    # Not filtered on the score in SQL, which would count every candidate's matches twice: one
    # with a sought competence scores at least 2, so those scoring 0 or less come last in the
    # ranking, after everyone who is suggested, and are dropped here.
    for organisation in candidates:
        if organisation.score <= 0:
            continue
        competences = _by_name(organisation.matching_competences)
        areas = sorted(organisation.shared_focus_areas, key=lambda area: (area.position, area.slug))
        reasons = []
        if competences:
            reasons.append(_("matches: %(competences)s") % {"competences": _names(competences)})
        if areas:
            reasons.append(_focus_areas_reason(areas))
        if organisation.is_kind_sought:
            reasons.append(_in_sentence(str(organisation.get_kind_display())))
        if organisation.is_in_pilot_city:
            reasons.append(_("based in %(city)s (the pilot city)") % {"city": organisation.city.strip()})
        if organisation.is_stale:
            reasons.append(_("profile not confirmed as current for over a year"))
        ranked.append(
            (
                (-len(competences), -organisation.score, fold(organisation.name), organisation.slug),
                Suggestion(organisation, organisation.score, reasons),
            )
        )
    # The database ranked and cut; Python's case-folding decides between equal names.
    ranked.sort(key=operator.itemgetter(0))
    return [suggestion for _key, suggestion in ranked]


def projects_fitting(organisations, *, limit=5):
    """Projects open for partners that fit the given organisations, best first: [(project, reasons)].

    For a person's dashboard: `organisations` are the organisations they belong to. Only
    active members count (others cannot join projects), and their people are cluster
    members, so members-only projects are included. Left out: projects any of them takes
    part in or has a pending request or invitation for, or declined (or was declined by) in
    the last 90 days. Projects come with `with_card_details()` (lead_participations, ...).
    """
    organisations = [organisation for organisation in organisations if organisation.is_active_member]
    if not organisations:
        return []
    ids = [organisation.pk for organisation in organisations]
    competence_ids, area_ids = _offered_by(ids)
    kinds = {organisation.kind for organisation in organisations}
    cities = {fold(organisation.city).strip(): organisation.city.strip() for organisation in organisations}
    cities.pop("", None)

    taking_part = Participation.objects.filter(project_id=OuterRef("pk"), organisation_id__in=ids)
    asked = pending_or_recently_declined().filter(project_id=OuterRef("pk"), organisation_id__in=ids)
    # UPPER folds Estonian letters on PostgreSQL; SQLite (the embedded mode) folds ASCII only.
    pilot_city = Upper(Trim("pilot_city"))
    in_a_city = reduce(operator.or_, [Q(Exact(pilot_city, Upper(Value(city)))) for city in cities.values()], Q())
    projects = (
        _scored(
            Project.objects.open_for_partners(),
            competence_matches=_linked_to_how_many(
                Project.sought_competences.through, "project_id", "competence_id", competence_ids
            ),
            area_matches=_linked_to_how_many(Project.focus_areas.through, "project_id", "focusarea_id", area_ids),
            bonuses=[
                (
                    "is_kind_sought",
                    KIND_POINTS,
                    Exists(SoughtKind.objects.filter(project_id=OuterRef("pk"), kind__in=kinds)),
                ),
                ("is_in_a_city", PILOT_CITY_POINTS, in_a_city if cities else None),
            ],
        )
        .exclude(Exists(taking_part))
        .exclude(Exists(asked))
        .order_by("-rank", Lower("title"), "slug")
        .with_card_details()[:limit]
    )

    ranked = []
    for project in projects:
        if project.score <= 0:  # last in the ranking: see suggest_partners
            continue
        competences = _by_name([c for c in project.sought_competences.all() if c.pk in competence_ids])
        areas = [area for area in project.focus_areas.all() if area.pk in area_ids]
        sought_kinds = [sought for sought in project.sought_kinds.all() if sought.kind in kinds]
        reasons = []
        if competences:
            reasons.append(_("needs your competences: %(competences)s") % {"competences": _names(competences)})
        if areas:
            reasons.append(_focus_areas_reason(areas))
        if sought_kinds:
            kinds_text = ", ".join(_in_sentence(str(sought.get_kind_display())) for sought in sought_kinds)
            reasons.append(_("looking for partners of your kind: %(kinds)s") % {"kinds": kinds_text})
        if project.is_in_a_city:
            reasons.append(_("pilot in %(city)s, where you are based") % {"city": project.pilot_city.strip()})
        ranked.append(((-len(competences), -project.score, fold(project.title), project.slug), (project, reasons)))
    # The database ranked and cut; Python's case-folding decides between equal titles.
    ranked.sort(key=operator.itemgetter(0))
    return [fit for _key, fit in ranked]


def _offered_by(organisation_ids):
    """The competences and focus areas the organisations have, as two sets of ids, in one query."""
    competences = (
        Organisation.competences.through.objects.filter(organisation_id__in=organisation_ids)
        .annotate(what=Value("competence"))
        .values_list("what", "competence_id")
    )
    areas = (
        Organisation.focus_areas.through.objects.filter(organisation_id__in=organisation_ids)
        .annotate(what=Value("area"))
        .values_list("what", "focusarea_id")
    )
    offered = {"competence": set(), "area": set()}
    for what, pk in competences.union(areas, all=True):
        offered[what].add(pk)
    return offered["competence"], offered["area"]


def _linked_to_how_many(link_model, column, target, ids):
    """To how many of `ids` the row is linked in `link_model` (`column` → the row, `target` → the id).

    One uncorrelated `IN` per id: PostgreSQL reads the link table once for each and answers
    every row from a hash. A correlated count (one subquery per row) cost 2 µs a row, 40 ms for
    the 9,000 active organisations at cluster scale.
    """
    return sum(
        (
            Case(
                When(pk__in=link_model.objects.filter(**{target: pk}).values(column), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
            for pk in sorted(ids)
        ),
        Value(0),
    )


def _scored(queryset, *, competence_matches, area_matches, bonuses):
    """Annotate `score` (the points), one boolean per bonus, and `rank`, to order by.

    `bonuses` are (name, points, condition); a condition of None never holds. `rank` orders as
    (sought competences matched, score) does, in one expression: sorting on two would make
    PostgreSQL count each row's competences twice, and the rows it only shows are scored
    after the sort and the limit. The points other than competences' stay far below a step.
    """
    flags = {name: _flag(condition) if condition is not None else Value(False) for name, _points, condition in bonuses}
    bonus = sum(
        (_points(points, condition) for _name, points, condition in bonuses if condition is not None),
        Value(0),
    )
    others = FOCUS_AREA_POINTS * area_matches + bonus
    return queryset.annotate(
        **flags,
        score=COMPETENCE_POINTS * competence_matches + others,
        rank=(RANK_STEP + COMPETENCE_POINTS) * competence_matches + others,
    )


def _flag(condition):
    return Case(When(condition, then=Value(True)), default=Value(False), output_field=BooleanField())


def _points(points, condition):
    return Case(When(condition, then=Value(points)), default=Value(0), output_field=IntegerField())


def pending_or_recently_declined():
    """Join requests and invitations that keep a project and an organisation out of each other's suggestions."""
    since = timezone.now() - DECLINED_QUIET_PERIOD
    return JoinRequest.objects.filter(
        Q(status=JoinRequest.Status.PENDING) | Q(status=JoinRequest.Status.DECLINED, decided_at__gte=since)
    )


def _by_name(competences):
    return sorted(competences, key=lambda competence: fold(competence.name))


def _names(items):
    return ", ".join(_in_sentence(item.name) for item in items)


def _in_sentence(name):
    """'Computer vision' → 'computer vision' after a colon, but 'IoT sensors' and 'GIS' keep their capitals."""
    first_word = name.split()[0] if name.split() else ""
    if any(letter.isupper() for letter in first_word[1:]):
        return name
    return name[:1].lower() + name[1:]


def _focus_areas_reason(areas):
    return ngettext("focus area: %(areas)s", "focus areas: %(areas)s", len(areas)) % {"areas": _names(areas)}
