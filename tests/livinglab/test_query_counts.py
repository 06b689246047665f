"""The matching count, the invite action and the results run a fixed number of queries at any panel size."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from livinglab import services
from livinglab.models import Answer, CampaignStatus, FeedbackResponse, Panellist, Participation
from tests.livinglab.factories import CampaignFactory, QuestionFactory, QuotaFactory
from tests.livinglab.panel_in_bulk import bulk_panel

pytestmark = pytest.mark.django_db
SIZES = [10, 3000]


def queries_of(action):
    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured)


def campaign_of(organisation, **fields):
    campaign = CampaignFactory(
        organisation=organisation, testers_wanted=5, criteria={"mobility": ["walking"]}, **fields
    )
    QuotaFactory(campaign=campaign, attribute="district", value="", maximum_percent=40)
    QuotaFactory(campaign=campaign, attribute="age_band", value="60-74", minimum=1)
    return campaign


@pytest.mark.parametrize("size", SIZES)
def test_the_campaign_page_with_its_matching_count(client, member, organisation, size, django_assert_num_queries):
    bulk_panel(size)
    campaign = campaign_of(organisation)
    client.force_login(member)

    with django_assert_num_queries(14):
        response = client.get(reverse("livinglab:campaign_detail", kwargs={"pk": campaign.pk}))

    assert response.status_code == 200
    assert response.context["invitable"] >= 5


@pytest.mark.parametrize("size", SIZES)
def test_the_campaign_form_with_its_matching_count(client, member, organisation, size, django_assert_num_queries):
    bulk_panel(size)
    campaign = campaign_of(organisation, status=CampaignStatus.DRAFT)
    client.force_login(member)

    with django_assert_num_queries(9):
        response = client.get(reverse("livinglab:campaign_edit", kwargs={"pk": campaign.pk}))

    assert response.context["match"]["count"] >= 5


def test_inviting_costs_the_same_for_10_and_3000_panellists(organisation):
    ContentType.objects.get_for_model(Participation)  # cached for the process: read it before measuring
    counts = []
    for size in SIZES:
        bulk_panel(size, prefix=f"p{size}-")
        campaign = campaign_of(organisation)
        counts.append(queries_of(lambda campaign=campaign: services.invite_panellists(campaign, actor=None)))
        assert Participation.objects.filter(campaign=campaign).count() == 5
        Participation.objects.all().delete()
        campaign.delete()
        Panellist.objects.all().delete()

    assert counts[0] == counts[1]


@pytest.mark.parametrize("size", SIZES)
def test_the_results_page(client, member, organisation, size, django_assert_num_queries):
    panel = bulk_panel(size)
    campaign = CampaignFactory(organisation=organisation, status=CampaignStatus.FINISHED)
    scale = QuestionFactory(campaign=campaign)
    choice = QuestionFactory(campaign=campaign, kind="multiple", answers=[("Jah", True), ("Ei", True)])
    text = QuestionFactory(campaign=campaign, kind="text")
    yes, no = choice.options.all()
    for number, panellist in enumerate(panel[: min(size, 40)]):
        participation = Participation.objects.create(campaign=campaign, panellist=panellist, status="accepted")
        response = FeedbackResponse.objects.create(
            campaign=campaign, participation=participation, pseudonym=participation.pseudonym
        )
        Answer.objects.create(response=response, question=scale, scale=1 + number % 5)
        Answer.objects.create(response=response, question=choice).options.set([yes] if number % 2 else [yes, no])
        Answer.objects.create(response=response, question=text, text=f"Vastus {number}")
    client.force_login(member)

    with django_assert_num_queries(13):
        page = client.get(reverse("livinglab:campaign_results", kwargs={"pk": campaign.pk}) + "?languages=et")

    assert page.status_code == 200
    assert not page.context["results"].too_few
