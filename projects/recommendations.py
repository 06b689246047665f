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
are narrowed in the database to those that match at least one thing the project seeks,
their matching competences and focus areas are prefetched, and the points are counted in
Python: a fixed number of queries at any size.

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

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from members.models import Competence, FocusArea, Organisation
from members.text import fold
from projects.models import JoinRequest, Participation, Project, SoughtKind

COMPETENCE_POINTS = 3
FOCUS_AREA_POINTS = 2
KIND_POINTS = 4
PILOT_CITY_POINTS = 3
STALE_PROFILE_POINTS = -1

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
    pilot_city = fold(project.pilot_city).strip()

    conditions = []
    if competence_ids:
        links = Organisation.competences.through.objects.filter(
            organisation_id=OuterRef("pk"), competence_id__in=competence_ids
        )
        conditions.append(Q(Exists(links)))
    if area_ids:
        links = Organisation.focus_areas.through.objects.filter(
            organisation_id=OuterRef("pk"), focusarea_id__in=area_ids
        )
        conditions.append(Q(Exists(links)))
    if kinds:
        conditions.append(Q(kind__in=kinds))
    if pilot_city:
        # search_text is case-folded and holds the city, so this finds Estonian letters in any
        # case on SQLite too; the exact comparison of the city is made below.
        conditions.append(Q(search_text__contains=pilot_city))
    if not conditions:
        return []

    participants = Participation.objects.filter(project=project, organisation_id=OuterRef("pk"))
    asked = pending_or_recently_declined().filter(project=project, organisation_id=OuterRef("pk"))
    candidates = (
        Organisation.objects.active()
        .filter(reduce(operator.or_, conditions))
        .exclude(Exists(participants))
        .exclude(Exists(asked))
        .order_by()
        .prefetch_related(
            Prefetch(
                "competences",
                queryset=Competence.objects.filter(pk__in=competence_ids),
                to_attr="matching_competences",
            ),
            Prefetch("focus_areas", queryset=FocusArea.objects.filter(pk__in=area_ids), to_attr="shared_focus_areas"),
        )
    )

    ranked = []
    for organisation in candidates:
        competences = _by_name(organisation.matching_competences)
        areas = sorted(organisation.shared_focus_areas, key=lambda area: (area.position, area.slug))
        is_kind_sought = organisation.kind in kinds
        is_in_pilot_city = bool(pilot_city) and fold(organisation.city).strip() == pilot_city
        is_stale = organisation.is_profile_stale
        score = (
            COMPETENCE_POINTS * len(competences)
            + FOCUS_AREA_POINTS * len(areas)
            + (KIND_POINTS if is_kind_sought else 0)
            + (PILOT_CITY_POINTS if is_in_pilot_city else 0)
            + (STALE_PROFILE_POINTS if is_stale else 0)
        )
        if score <= 0:
            continue
        reasons = []
        if competences:
            reasons.append(_("matches: %(competences)s") % {"competences": _names(competences)})
        if areas:
            reasons.append(_focus_areas_reason(areas))
        if is_kind_sought:
            reasons.append(_in_sentence(str(organisation.get_kind_display())))
        if is_in_pilot_city:
            reasons.append(_("based in %(city)s (the pilot city)") % {"city": organisation.city.strip()})
        if is_stale:
            reasons.append(_("profile not confirmed as current for over a year"))
        ranked.append(
            (
                (-len(competences), -score, fold(organisation.name), organisation.slug),
                Suggestion(organisation, score, reasons),
            )
        )
    ranked.sort(key=operator.itemgetter(0))
    return [suggestion for _key, suggestion in ranked[:limit]]


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
    competence_ids = set(
        Organisation.competences.through.objects.filter(organisation_id__in=ids).values_list("competence_id", flat=True)
    )
    area_ids = set(
        Organisation.focus_areas.through.objects.filter(organisation_id__in=ids).values_list("focusarea_id", flat=True)
    )
    kinds = {organisation.kind for organisation in organisations}
    cities = {fold(organisation.city).strip(): organisation.city.strip() for organisation in organisations}
    cities.pop("", None)

    conditions = [Q(Exists(SoughtKind.objects.filter(project_id=OuterRef("pk"), kind__in=kinds)))]
    if competence_ids:
        links = Project.sought_competences.through.objects.filter(
            project_id=OuterRef("pk"), competence_id__in=competence_ids
        )
        conditions.append(Q(Exists(links)))
    if area_ids:
        links = Project.focus_areas.through.objects.filter(project_id=OuterRef("pk"), focusarea_id__in=area_ids)
        conditions.append(Q(Exists(links)))
    # iexact folds Estonian letters on PostgreSQL; SQLite (the embedded mode) folds ASCII only.
    conditions += [Q(pilot_city__iexact=city) for city in cities.values()]

    taking_part = Participation.objects.filter(project_id=OuterRef("pk"), organisation_id__in=ids)
    asked = pending_or_recently_declined().filter(project_id=OuterRef("pk"), organisation_id__in=ids)
    projects = (
        Project.objects.open_for_partners()
        .filter(reduce(operator.or_, conditions))
        .exclude(Exists(taking_part))
        .exclude(Exists(asked))
        .order_by()
        .with_card_details()
    )

    ranked = []
    for project in projects:
        competences = _by_name([c for c in project.sought_competences.all() if c.pk in competence_ids])
        areas = [area for area in project.focus_areas.all() if area.pk in area_ids]
        sought_kinds = [sought for sought in project.sought_kinds.all() if sought.kind in kinds]
        pilot_city = cities.get(fold(project.pilot_city).strip())
        score = (
            COMPETENCE_POINTS * len(competences)
            + FOCUS_AREA_POINTS * len(areas)
            + (KIND_POINTS if sought_kinds else 0)
            + (PILOT_CITY_POINTS if pilot_city else 0)
        )
        if score <= 0:
            continue
        reasons = []
        if competences:
            reasons.append(_("needs your competences: %(competences)s") % {"competences": _names(competences)})
        if areas:
            reasons.append(_focus_areas_reason(areas))
        if sought_kinds:
            kinds_text = ", ".join(_in_sentence(str(sought.get_kind_display())) for sought in sought_kinds)
            reasons.append(_("looking for partners of your kind: %(kinds)s") % {"kinds": kinds_text})
        if pilot_city:
            reasons.append(_("pilot in %(city)s, where you are based") % {"city": project.pilot_city.strip()})
        ranked.append(((-len(competences), -score, fold(project.title), project.slug), (project, reasons)))
    ranked.sort(key=operator.itemgetter(0))
    return [fit for _key, fit in ranked[:limit]]


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
