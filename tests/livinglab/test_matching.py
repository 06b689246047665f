"""Matching on a hand-built panel: criteria, minors, consent, the contact pause, screeners and quotas."""

import random
from datetime import timedelta

import pytest
from django.utils import timezone

from livinglab import matching
from livinglab.models import LabSettings, Participation
from livinglab.services.invitations import passes_screener
from members.models import FocusArea
from tests.livinglab.factories import (
    CampaignFactory,
    PanellistFactory,
    ParticipationFactory,
    QuestionFactory,
    QuotaFactory,
)

pytestmark = pytest.mark.django_db
YEAR = timezone.now().year


def invitable(campaign):
    return set(matching.invitable(campaign).values_list("user__email", flat=True))


def person(email, **profile):
    return PanellistFactory(user__email=email, **profile)


def test_criteria_select_exactly_the_people_who_fit():
    mobility = FocusArea.objects.get(slug="mobility")
    person("young-cyclist@example.ee", birth_year=YEAR - 25, mobility=["cycling"], interests=[mobility])
    person("old-cyclist@example.ee", birth_year=YEAR - 65, mobility=["cycling", "car"], interests=[mobility])
    person("old-driver@example.ee", birth_year=YEAR - 66, mobility=["car"], interests=[mobility])
    person("old-cyclist-no-interest@example.ee", birth_year=YEAR - 70, mobility=["cycling"])
    person(
        "old-cyclist-in-narva@example.ee",
        birth_year=YEAR - 61,
        mobility=["cycling"],
        municipality="narva",
        interests=[mobility],
    )
    campaign = CampaignFactory(
        criteria={
            "age_band": ["60-74"],
            "mobility": ["cycling", "walking"],
            "interests": ["mobility"],
            "municipality": ["tartu"],
        }
    )

    assert invitable(campaign) == {"old-cyclist@example.ee"}


def test_a_several_answers_value_matches_only_itself():
    person("car@example.ee", mobility=["car"])
    person("car-and-walk@example.ee", mobility=["car", "walking"])
    campaign = CampaignFactory(criteria={"mobility": ["walking"]})

    assert invitable(campaign) == {"car-and-walk@example.ee"}


def test_minors_only_when_the_campaign_says_so():
    person("minor@example.ee", birth_year=YEAR - 15)
    person("adult@example.ee", birth_year=YEAR - 30)

    assert invitable(CampaignFactory()) == {"adult@example.ee"}
    assert invitable(CampaignFactory(include_minors=True)) == {"minor@example.ee", "adult@example.ee"}


def test_withdrawn_stale_consent_inactive_and_under_age_are_never_matched():
    person("fine@example.ee")
    PanellistFactory(user__email="withdrawn@example.ee", withdrawn=True)
    PanellistFactory(user__email="stale@example.ee", stale_consent=True)
    person("inactive@example.ee", user__is_active=False)
    person("twelve@example.ee", birth_year=YEAR - 12)

    assert invitable(CampaignFactory(include_minors=True)) == {"fine@example.ee"}


def test_people_in_the_campaign_or_invited_within_the_pause_are_skipped():
    campaign = CampaignFactory()
    declined = person("declined-here@example.ee")
    ParticipationFactory(
        campaign=campaign,
        panellist=declined,
        status=Participation.Status.DECLINED,
        invited_at=timezone.now() - timedelta(days=90),
    )
    ParticipationFactory(
        panellist=person("invited-elsewhere-lately@example.ee"), invited_at=timezone.now() - timedelta(days=29)
    )
    ParticipationFactory(
        panellist=person("invited-elsewhere-long-ago@example.ee"), invited_at=timezone.now() - timedelta(days=31)
    )

    assert invitable(campaign) == {"invited-elsewhere-long-ago@example.ee"}

    LabSettings.objects.update(contact_pause_days=60)
    assert invitable(campaign) == set()


def test_counts_below_five_are_not_shown():
    assert matching.shown_count(4) is None
    assert matching.shown_count(0) is None
    assert matching.shown_count(5) == 5


def test_screener_accepts_only_accepted_answers():
    campaign = CampaignFactory()
    question = QuestionFactory(
        campaign=campaign, purpose="screener", kind="single", answers=[("Iga päev", True), ("Mitte kunagi", False)]
    )
    fits, does_not = [option.pk for option in question.options.all()]

    assert passes_screener(campaign, {question.pk: [fits]})
    assert not passes_screener(campaign, {question.pk: [does_not]})
    assert not passes_screener(campaign, {question.pk: [fits, does_not]})
    assert not passes_screener(campaign, {})


def rows(*profiles):
    return [
        {
            "pk": number,
            "birth_year": 1985,
            "gender": "woman",
            "municipality": "tartu",
            "district": "Annelinn",
            "occupation": "employed",
            "digital_skill": "everyday",
            **profile,
        }
        for number, profile in enumerate(profiles)
    ]


def test_pick_fills_an_at_least_quota_first():
    campaign = CampaignFactory(testers_wanted=4)
    quota = QuotaFactory(campaign=campaign, attribute="age_band", value="60-74", minimum=2)
    pool = rows(
        *[{} for _ in range(20)], {"birth_year": YEAR - 65}, {"birth_year": YEAR - 70}, {"birth_year": YEAR - 62}
    )

    chosen = matching.pick(pool, quotas=[quota], wanted=4, how_many=4, rng=random.Random(1))

    assert len(chosen) == 4
    assert sum(1 for row in chosen if row["birth_year"] <= YEAR - 60) >= 2


def test_pick_never_passes_an_at_most_share_per_district():
    campaign = CampaignFactory(testers_wanted=4)
    quota = QuotaFactory(campaign=campaign, attribute="district", value="", maximum_percent=50)
    pool = rows(*[{"district": "Annelinn"} for _ in range(10)], {"district": "Karlova"}, {"district": "Supilinn"})

    chosen = matching.pick(pool, quotas=[quota], wanted=4, how_many=4, rng=random.Random(2))

    districts = [row["district"] for row in chosen]
    assert districts.count("Annelinn") == 2
    assert len(chosen) == 4


def test_pick_counts_people_who_already_hold_places():
    campaign = CampaignFactory(testers_wanted=4)
    quota = QuotaFactory(campaign=campaign, attribute="gender", value="man", maximum_percent=25)
    pool = rows(*[{"gender": "man"} for _ in range(5)])

    chosen = matching.pick(pool, quotas=[quota], wanted=4, how_many=3, already=rows({"gender": "man"}))

    assert chosen == []
