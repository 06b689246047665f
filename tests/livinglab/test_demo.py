"""seed_demo adds the living lab: a panel of 300 varied citizens, campaigns in every state, invitations and feedback."""

import io
from collections import Counter
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string

from livinglab import choices, matching, results
from livinglab.demo import (
    PANEL_DOMAIN,
    PANELLISTS_PER_SCALE,
    PERSONA_EMAIL,
    TALLINN_DISTRICTS,
    TARTU_DISTRICTS,
    generate_panel,
    seed_livinglab,
)
from livinglab.models import (
    Answer,
    Campaign,
    CampaignStatus,
    ConsentEvent,
    FeedbackResponse,
    Panellist,
    Participation,
    Question,
    QuestionOption,
    Quota,
)
from livinglab.terms import terms_version_in_force
from members.demo import DEMO_PASSWORD
from members.management.commands.seed_demo import SEEDERS
from members.models import Membership, User
from messaging.models import OutboxEmail
from projects.interface import Participation as ProjectParticipation

pytestmark = pytest.mark.django_db

S = CampaignStatus
P = Participation.Status


def seed(*args):
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def counts():
    return {
        model.__name__: model.objects.count()
        for model in [
            User,
            EmailAddress,
            Panellist,
            Panellist.interests.through,
            ConsentEvent,
            Campaign,
            Quota,
            Question,
            QuestionOption,
            Participation,
            FeedbackResponse,
            Answer,
            Answer.options.through,
        ]
    }


def test_the_living_lab_seeds_last():
    assert SEEDERS[-1] == "livinglab.demo.seed_livinglab"


def test_the_generated_panel_is_the_same_on_every_run_and_grows_with_the_scale():
    slugs = ["ict-governance", "mobility", "public-services"]

    first = generate_panel(300, focus_area_slugs=slugs, year=2026)

    assert generate_panel(300, focus_area_slugs=slugs, year=2026) == first
    assert generate_panel(600, focus_area_slugs=slugs, year=2026)[:300] == first
    assert len({person.email for person in first}) == 300


def test_the_panel_has_300_varied_believable_people_who_all_consented():
    seed()

    generated = Panellist.objects.filter(user__email__endswith=PANEL_DOMAIN).exclude(user__email=PERSONA_EMAIL)
    panellists = list(generated.select_related("user").prefetch_related("interests"))
    assert len(panellists) == PANELLISTS_PER_SCALE
    assert Panellist.objects.count() >= 300
    places = Counter(p.municipality for p in panellists)
    assert 0.3 <= places["tallinn"] / len(panellists) <= 0.5
    assert 0.2 <= places["tartu"] / len(panellists) <= 0.4
    assert len(set(places) - {"tallinn", "tartu"}) >= 3
    assert set(places) <= {code for code, _label in choices.MUNICIPALITY_CHOICES}
    districts = {"tallinn": {d for d, _w, _r in TALLINN_DISTRICTS}, "tartu": {d for d, _w, _r in TARTU_DISTRICTS}}
    for p in panellists:
        if p.municipality in districts:
            assert p.district in districts[p.municipality] | {""}, p.user.email
    ages = [p.age for p in panellists]
    assert 13 <= min(ages) and max(ages) <= 85
    assert 1 <= sum(age < choices.ADULT_AGE for age in ages) <= 20
    assert {band.code for band in choices.AGE_BANDS} == {p.age_band for p in panellists}
    assert {"woman", "man", "unsaid", ""} <= {p.gender for p in panellists}
    assert all(p.languages for p in panellists)
    assert {"et", "ru", "en"} <= {language for p in panellists for language in p.languages}
    assert all(p.interests.all() for p in panellists)
    assert len({p.occupation for p in panellists}) >= 5 and len({p.digital_skill for p in panellists}) == 4
    assert 10 <= sum(bool(p.accessibility_needs) for p in panellists) <= 100
    assert all(p.mobility for p in panellists) and all(p.test_frequency for p in panellists)
    names = {p.user.display_name for p in panellists}
    assert len(names) >= 250 and any("õ" in name or "ä" in name or "ü" in name for name in names)

    in_force = terms_version_in_force()
    assert {(p.terms_version, p.consented_at is not None) for p in panellists} == {(in_force, True)}
    withdrawn = [p for p in panellists if p.withdrawn_at is not None]
    assert len(withdrawn) == len(panellists) // 20
    events = Counter(ConsentEvent.objects.filter(panellist__in=generated).values_list("panellist_id", "action"))
    assert all(events[(p.pk, ConsentEvent.Action.GIVEN)] == 1 for p in panellists)
    assert {p.pk for p in withdrawn} == {pk for pk, action in events if action == ConsentEvent.Action.WITHDRAWN}
    assert all(abs(p.joined_at - p.consented_at) < timedelta(seconds=1) for p in panellists)
    assert len({p.joined_at.date() for p in panellists}) > 100  # joined over many months, not all today
    assert EmailAddress.objects.filter(email__endswith=PANEL_DOMAIN, verified=True, primary=True).count() == 301


def test_campaigns_are_in_every_state_with_consistent_dates_decisions_and_owners():
    seed()
    today = timezone.localdate()

    campaigns = {c.status: c for c in Campaign.objects.select_related("organisation", "proposed_by", "decided_by")}
    assert set(campaigns) == set(S.values) and Campaign.objects.count() == len(S.values)
    with_project = [c for c in campaigns.values() if c.project_id]
    assert len(with_project) >= 2
    for campaign in with_project:
        owners = ProjectParticipation.objects.filter(project_id=campaign.project_id)
        assert campaign.organisation_id in owners.values_list("organisation_id", flat=True), campaign.title
    for campaign in campaigns.values():
        assert campaign.ends_on >= campaign.starts_on
        assert Membership.objects.filter(user=campaign.proposed_by, organisation=campaign.organisation).exists()
        assert campaign.title == campaign.title_et and campaign.title_en and campaign.prototype_en and campaign.tasks_en
        assert (campaign.submitted_at is None) == (campaign.status == S.DRAFT)
        is_decided = campaign.status not in {S.DRAFT, S.SUBMITTED}
        assert (campaign.decided_by is not None) == (campaign.decided_at is not None) == is_decided
        if is_decided:
            assert campaign.decided_by.is_staff and campaign.submitted_at < campaign.decided_at
        assert campaign.created_at <= (campaign.submitted_at or timezone.now())
        screener = campaign.questions.get(purpose=Question.Purpose.SCREENER)
        assert screener.kind == Question.Kind.SINGLE
        assert {option.is_accepted for option in screener.options.all()} == {True, False}
        feedback = campaign.questions.filter(purpose=Question.Purpose.FEEDBACK)
        assert set(feedback.values_list("kind", flat=True)) == set(Question.Kind.values)
    assert campaigns[S.RETURNED].staff_note
    assert campaigns[S.FINISHED].ends_on < today
    assert campaigns[S.RUNNING].starts_on <= today <= campaigns[S.RUNNING].ends_on
    assert campaigns[S.RECRUITING].starts_on > today and campaigns[S.APPROVED].starts_on > today
    assert Quota.objects.values("campaign").distinct().count() >= 5
    assert {"age_band", "municipality", "mobility"} <= {key for c in campaigns.values() for key in c.criteria}


def test_campaigns_that_began_have_matching_participants_and_the_finished_one_has_results(client):
    output = seed()
    campaigns = {c.status: c for c in Campaign.objects.all()}
    in_force = terms_version_in_force()

    for status in (S.DRAFT, S.SUBMITTED, S.RETURNED, S.APPROVED):
        assert not campaigns[status].participations.exists()
    statuses = set()
    for status in (S.RECRUITING, S.RUNNING, S.FINISHED):
        campaign = campaigns[status]
        participations = campaign.participations.all()
        found = participations.status_counts()
        statuses |= set(found)
        assert 1 <= found[P.ACCEPTED] <= campaign.testers_wanted
        if found.get(P.WAITLISTED):
            assert found[P.ACCEPTED] == campaign.testers_wanted  # a waiting list only when the places are taken
        fitting = matching.matching(campaign.criteria, include_minors=campaign.include_minors, terms_version=in_force)
        assert set(participations.values_list("panellist_id", flat=True)) <= set(fitting.values_list("pk", flat=True))
        for participation in participations:
            assert bool(participation.answered_at) == (participation.status != P.INVITED)
            if participation.status in {P.ACCEPTED, P.WAITLISTED, P.SCREENED_OUT}:
                (chosen,) = participation.screener_answers.values()
                accepted = QuestionOption.objects.get(pk=chosen[0]).is_accepted
                assert accepted == (participation.status != P.SCREENED_OUT)
    assert {P.ACCEPTED, P.INVITED, P.DECLINED, P.WAITLISTED, P.SCREENED_OUT} <= statuses

    finished = campaigns[S.FINISHED]
    responses = FeedbackResponse.objects.filter(campaign=finished).select_related("participation")
    assert responses.count() >= 10
    assert all(r.participation.status == P.ACCEPTED and r.pseudonym == r.participation.pseudonym for r in responses)
    assert all(r.submitted_at < timezone.now() for r in responses)
    figures = results.results_for(finished)
    for result in figures.questions:
        if result.question.kind == Question.Kind.SCALE:
            assert result.average is not None and sum(n for _label, n in result.bars) == responses.count()
        elif result.question.has_options:
            assert sum(n for _label, n in result.bars) >= responses.count()
        else:
            assert 3 <= len(result.texts) < responses.count()
    assert FeedbackResponse.objects.filter(campaign=campaigns[S.RUNNING]).exists()

    client.force_login(finished.proposed_by)
    page = client.get(reverse("livinglab:campaign_results", kwargs={"pk": finished.pk}))
    assert page.status_code == 200 and figures.questions[-1].texts[0][1] in page.content.decode()

    pille = Panellist.objects.get(user__email=PERSONA_EMAIL)
    assert set(pille.participations.values_list("campaign__status", "status")) == {
        (S.RECRUITING, P.INVITED),
        (S.RUNNING, P.ACCEPTED),
    }
    assert not FeedbackResponse.objects.filter(participation__panellist=pille).exists()
    assert not Participation.objects.filter(panellist__withdrawn_at__isnull=False).exists()
    assert f"  Panellist:      {PERSONA_EMAIL} / {DEMO_PASSWORD}" in output


def test_the_panellist_persona_signs_in_with_the_demo_password(client):
    seed()

    response = client.post(reverse("account_login"), {"login": PERSONA_EMAIL, "password": DEMO_PASSWORD})

    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(User.objects.get(email=PERSONA_EMAIL).pk)
    assert User.objects.get(email=PERSONA_EMAIL).display_name == "Pille Paneel"


def test_seeding_sends_no_email_and_a_second_run_creates_and_changes_nothing():
    for path in SEEDERS[:-1]:
        import_string(path)(scale=1)
    emails = OutboxEmail.objects.count()

    seed_livinglab(scale=1)

    assert OutboxEmail.objects.count() == emails
    first = counts()
    stamps = set(Campaign.objects.values_list("pk", "updated_at")) | set(
        Panellist.objects.values_list("pk", "updated_at")
    )

    seed()

    assert counts() == first
    assert (
        set(Campaign.objects.values_list("pk", "updated_at")) | set(Panellist.objects.values_list("pk", "updated_at"))
        == stamps
    )
    assert OutboxEmail.objects.count() == emails
