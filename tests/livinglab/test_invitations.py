"""Inviting, answering, the waiting list, and nobody invited twice, also under two owners at once."""

import threading

import pytest
from django.db import connection
from django.utils import timezone

from livinglab import services
from livinglab.models import CampaignStatus, Participation
from messaging.models import Notification, OutboxEmail
from tests.livinglab.factories import CampaignFactory, PanellistFactory, ParticipationFactory, QuestionFactory

Status = Participation.Status


@pytest.mark.django_db
def test_a_round_invites_as_many_as_there_are_places_and_emails_each_in_their_language():
    panel = [PanellistFactory(user__preferred_language=language) for language in ["et", "en"] * 5]
    campaign = CampaignFactory(testers_wanted=3, title_et="Piletiäpp", title_en="Ticket app")

    invited = services.invite_panellists(campaign, actor=None)

    assert len(invited) == 3
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.RECRUITING
    emails = OutboxEmail.objects.filter(kind="livinglab.invitation_received")
    assert emails.count() == 3
    by_address = {panellist.user.email: panellist.user.preferred_language for panellist in panel}
    for email in emails:
        assert ("Piletiäpp" if by_address[email.to] == "et" else "Ticket app") in email.subject


@pytest.mark.django_db
def test_a_second_press_invites_nobody_until_people_answer():
    PanellistFactory.create_batch(8)
    campaign = CampaignFactory(testers_wanted=3)
    services.invite_panellists(campaign, actor=None)

    assert services.invite_panellists(campaign, actor=None) == []

    services.decline_invitation(campaign.participations.first())
    again = services.invite_panellists(campaign, actor=None)
    assert len(again) == 1
    assert campaign.participations.count() == 4
    assert campaign.participations.values("panellist").distinct().count() == 4


@pytest.mark.django_db
def test_a_draft_or_submitted_campaign_invites_nobody():
    PanellistFactory.create_batch(3)
    with pytest.raises(services.LivingLabError):
        services.invite_panellists(CampaignFactory(submitted=True), actor=None)
    assert not Participation.objects.exists()


@pytest.mark.django_db
def test_accepting_past_the_places_waitlists_and_a_decline_moves_the_first_waiting_up():
    campaign = CampaignFactory(testers_wanted=1, status=CampaignStatus.RECRUITING)
    first, second, third = ParticipationFactory.create_batch(3, campaign=campaign)

    assert services.accept_invitation(first, screener_answers={}).status == Status.ACCEPTED
    assert services.accept_invitation(second, screener_answers={}).status == Status.WAITLISTED
    assert services.accept_invitation(third, screener_answers={}).status == Status.WAITLISTED

    services.decline_invitation(first)

    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.status, third.status) == (Status.ACCEPTED, Status.WAITLISTED)
    assert Notification.objects.filter(kind="livinglab.place_confirmed", recipient=second.panellist.user).exists()


@pytest.mark.django_db
def test_a_wrong_screener_answer_screens_the_person_out():
    campaign = CampaignFactory(status=CampaignStatus.RECRUITING)
    question = QuestionFactory(
        campaign=campaign, purpose="screener", kind="single", answers=[("Jah", True), ("Ei", False)]
    )
    wrong = question.options.get(label_et="Ei")
    participation = ParticipationFactory(campaign=campaign)

    assert (
        services.accept_invitation(participation, screener_answers={question.pk: [wrong.pk]}).status
        == Status.SCREENED_OUT
    )


@pytest.mark.django_db
def test_answering_twice_is_refused():
    participation = ParticipationFactory(campaign=CampaignFactory(status=CampaignStatus.RECRUITING))
    services.accept_invitation(participation, screener_answers={})

    with pytest.raises(services.LivingLabError):
        services.accept_invitation(participation, screener_answers={})


@pytest.mark.django_db(transaction=True)
def test_two_owners_pressing_invite_at_once_never_invite_anyone_twice():
    PanellistFactory.create_batch(12)
    campaign = CampaignFactory(testers_wanted=10)
    barrier = threading.Barrier(2)
    errors = []

    def press():
        try:
            barrier.wait()
            services.invite_panellists(campaign, actor=None)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=press) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    participations = Participation.objects.filter(campaign=campaign)
    assert participations.count() == 10
    assert participations.values("panellist").distinct().count() == 10
    assert OutboxEmail.objects.filter(kind="livinglab.invitation_received").count() == 10


@pytest.mark.django_db
def test_old_unanswered_invitations_free_the_round_and_late_acceptances_wait():
    PanellistFactory.create_batch(3)
    campaign = CampaignFactory(testers_wanted=1)
    [old] = services.invite_panellists(campaign, actor=None)
    Participation.objects.filter(pk=old.pk).update(invited_at=timezone.now() - timezone.timedelta(days=8))

    [new] = services.invite_panellists(campaign, actor=None)
    assert services.accept_invitation(new, screener_answers={}).status == Status.ACCEPTED
    assert services.accept_invitation(old, screener_answers={}).status == Status.WAITLISTED
