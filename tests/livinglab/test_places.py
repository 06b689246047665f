"""After approval the owner may change the number of testers: more places move the waiting list up."""

import pytest
from django.urls import reverse

from livinglab import services
from livinglab.models import CampaignStatus, Participation
from livinglab.services.invitations import change_places
from messaging.models import Notification
from tests.livinglab.factories import CampaignFactory, ParticipationFactory, QuotaFactory

pytestmark = pytest.mark.django_db

Status = Participation.Status


def places_url(campaign):
    return reverse("livinglab:campaign_places", kwargs={"pk": campaign.pk})


@pytest.fixture
def full_campaign(organisation):
    """Two places taken, three people waiting in the order they accepted."""
    campaign = CampaignFactory(organisation=organisation, testers_wanted=2, status=CampaignStatus.RECRUITING)
    people = ParticipationFactory.create_batch(5, campaign=campaign)
    for participation in people:
        services.accept_invitation(participation, screener_answers={})
    return campaign


def test_more_places_go_to_the_longest_waiting_and_they_are_told(full_campaign):
    waiting = list(full_campaign.participations.filter(status=Status.WAITLISTED).order_by("waitlisted_at", "pk"))

    moved = change_places(full_campaign, testers_wanted=4)

    assert [p.pk for p in moved] == [waiting[0].pk, waiting[1].pk]
    assert full_campaign.participations.filter(status=Status.ACCEPTED).count() == 4
    assert full_campaign.participations.get(pk=waiting[2].pk).status == Status.WAITLISTED
    told = Notification.objects.filter(kind="livinglab.place_confirmed").values_list("recipient", flat=True)
    assert set(told) == {waiting[0].panellist.user_id, waiting[1].panellist.user_id}


def test_the_owner_changes_the_number_on_its_page(client, member, full_campaign):
    client.force_login(member)
    assert client.get(places_url(full_campaign)).status_code == 200

    response = client.post(places_url(full_campaign), {"testers_wanted": "3"}, follow=True)

    full_campaign.refresh_from_db()
    assert full_campaign.testers_wanted == 3
    assert "Kampaania ootab nüüd 3 testijat; ootejärjekorrast sai koha 1." in response.content.decode()


def test_fewer_than_the_places_taken_is_refused_at_the_field_keeping_the_number(client, member, full_campaign):
    client.force_login(member)

    response = client.post(places_url(full_campaign), {"testers_wanted": "1"})

    assert response.status_code == 200
    assert response.context["form"].errors["testers_wanted"] == ["2 testijal on juba koht: küsige vähemalt nii palju."]
    assert 'value="1"' in response.content.decode()
    full_campaign.refresh_from_db()
    assert full_campaign.testers_wanted == 2


def test_fewer_than_a_quota_asks_for_is_refused():
    campaign = CampaignFactory(testers_wanted=10)
    QuotaFactory(campaign=campaign, value="60-74", minimum=6)

    with pytest.raises(services.LivingLabError, match="vähemalt 6 testijat"):
        change_places(campaign, testers_wanted=5)


def test_a_draft_or_finished_campaign_has_no_places_page(client, member, organisation):
    client.force_login(member)
    for status in (CampaignStatus.DRAFT, CampaignStatus.SUBMITTED, CampaignStatus.FINISHED):
        campaign = CampaignFactory(organisation=organisation, status=status)
        assert client.get(places_url(campaign)).status_code == 403
        with pytest.raises(services.LivingLabError):
            change_places(campaign, testers_wanted=9)
