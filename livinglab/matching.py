"""Who a campaign may invite: its criteria as SQL, the counts owners see, and the pick that fills quotas.

The rules, in the order they apply:

1. Only matchable panellists (consent to the terms in force, not withdrawn, active, 13 or
   older); minors (13–17) only if the campaign says so.
2. Every criterion holds: a single-answer field has one of the accepted values, a
   several-answers field holds at least one of them, the age is in one of the bands, the
   interests share a focus area. A criterion with no values accepts anyone.
3. Nobody already in the campaign (whatever became of it), nobody invited to any campaign
   within the contact pause (LabSettings).
4. The pick: first people who fill the "at least" quotas still short, then anyone, in a
   random order, never passing an "at most" share (of the testers wanted) for any value.

Counts shown to owners are exact from MINIMUM_SHOWN_COUNT on; below it they read "fewer
than 5", so that narrowing a filter cannot single anybody out.
"""

import random
from datetime import timedelta

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from livinglab import choices
from livinglab.fields import has_any
from livinglab.models import LabSettings, Panellist, Participation, QuotaAttribute
from livinglab.terms import terms_version_in_force

MINIMUM_SHOWN_COUNT = 5

SINGLE_ANSWER = ["gender", "municipality", "occupation", "digital_skill", "test_frequency"]
SEVERAL_ANSWERS = ["languages", "devices", "operating_systems", "mobility", "accessibility_needs"]
CRITERIA_FIELDS = ["age_band", *SINGLE_ANSWER, *SEVERAL_ANSWERS, "interests"]


def criteria_q(criteria, *, year=None):
    """The campaign's criteria ({field: [values]}) as one Q on Panellist."""
    year = year or timezone.now().year
    query = Q()
    for field in SINGLE_ANSWER:
        if criteria.get(field):
            query &= Q(**{f"{field}__in": criteria[field]})
    for field in SEVERAL_ANSWERS:
        if criteria.get(field):
            query &= has_any(field, criteria[field])
    if criteria.get("age_band"):
        query &= _age_bands_q(criteria["age_band"], year)
    if criteria.get("interests"):
        query &= Q(
            Exists(
                Panellist.interests.through.objects.filter(
                    panellist_id=OuterRef("pk"), focusarea__slug__in=criteria["interests"]
                )
            )
        )
    return query


def _age_bands_q(codes, year):
    query = Q()
    for band in choices.AGE_BANDS:
        if band.code in codes:
            query |= Q(birth_year__gte=year - band.oldest, birth_year__lte=year - band.youngest)
    return query


def matching(criteria, *, include_minors, terms_version, year=None):
    """Panellists who meet the criteria, before the campaign's own exclusions."""
    year = year or timezone.now().year
    panellists = Panellist.objects.matchable(terms_version).filter(criteria_q(criteria, year=year))
    if not include_minors:
        panellists = panellists.filter(birth_year__lte=year - choices.ADULT_AGE)
    return panellists


def invitable(campaign, *, now=None):
    """Matching panellists the campaign may invite now: not in it already, not contacted lately."""
    now = now or timezone.now()
    pause = timedelta(days=LabSettings.current().contact_pause_days)
    panellists = matching(
        campaign.criteria, include_minors=campaign.include_minors, terms_version=terms_version_in_force()
    )
    return panellists.exclude(
        Exists(Participation.objects.filter(panellist_id=OuterRef("pk"), campaign=campaign))
    ).exclude(Exists(Participation.objects.filter(panellist_id=OuterRef("pk"), invited_at__gt=now - pause)))


def shown_count(count):
    """What an owner may see of a count: the number from 5 on, below it None ("fewer than 5")."""
    return count if count >= MINIMUM_SHOWN_COUNT else None


# The profile values a quota may be about, read from a panellist row.
QUOTA_VALUE_FIELDS = ["birth_year", "gender", "municipality", "district", "occupation", "digital_skill"]


def quota_value(row, attribute, year):
    if attribute == QuotaAttribute.AGE_BAND:
        return choices.age_band_of(choices.age_in(year, row["birth_year"]))
    if attribute == QuotaAttribute.DISTRICT:
        return f"{row['municipality']}/{row['district'].strip().casefold()}"
    return row[attribute]


def pick(candidates, *, quotas, wanted, how_many, already=(), year=None, rng=None):
    """Choose up to `how_many` of `candidates` (rows with QUOTA_VALUE_FIELDS and "pk").

    `already` are the rows of people who hold places, which count toward the quotas.
    "At most" shares are of `wanted`, at least one person. Returns the chosen rows.
    """
    year = year or timezone.now().year
    rng = rng or random.SystemRandom()
    pool = list(candidates)
    rng.shuffle(pool)
    chosen, counted = [], list(already)

    def count(attribute, value):
        return sum(1 for row in counted if quota_value(row, attribute, year) == value)

    def within_maximums(row):
        for quota in quotas:
            if quota.maximum_percent is None:
                continue
            value = quota_value(row, quota.attribute, year)
            if not value or value.endswith("/") or (quota.value and _normal(quota, quota.value) != value):
                continue  # an unknown value (no district given) is nobody's share
            limit = max(1, wanted * quota.maximum_percent // 100)
            if count(quota.attribute, value) + 1 > limit:
                return False
        return True

    def take(row):
        chosen.append(row)
        counted.append(row)
        pool.remove(row)

    for quota in quotas:
        if quota.minimum is None:
            continue
        target = _normal(quota, quota.value)
        for row in list(pool):
            if len(chosen) >= how_many or count(quota.attribute, target) >= quota.minimum:
                break
            if quota_value(row, quota.attribute, year) == target and within_maximums(row):
                take(row)
    for row in list(pool):
        if len(chosen) >= how_many:
            break
        if within_maximums(row):
            take(row)
    return chosen


def _normal(quota, value):
    if quota.attribute == QuotaAttribute.DISTRICT and "/" in value:
        municipality, _slash, district = value.partition("/")
        return f"{municipality}/{district.strip().casefold()}"
    return value
