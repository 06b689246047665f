"""A campaign's life through its pages: propose, add questions and quotas, submit, return, resubmit, approve."""

import pytest
from django.urls import reverse

from livinglab.models import Campaign, CampaignStatus, Question
from messaging.models import Notification
from tests.livinglab.factories import CampaignFactory

pytestmark = pytest.mark.django_db

PROPOSAL = {
    "title_et": "Lumekoristuse teavitus",
    "title_en": "Snow-clearing reports",
    "prototype_et": "Äpp, millega teatada lumest tänaval.",
    "tasks_et": "Teata kahest lumisest kohast.",
    "mode": "online",
    "starts_on": "2031-01-10",
    "ends_on": "2031-01-24",
    "testers_wanted": "12",
    "criteria_age_band": ["60-74", "75+"],
    "criteria_municipality": ["tartu"],
}


def url(name, campaign, **kwargs):
    return reverse(f"livinglab:{name}", kwargs={"pk": campaign.pk, **kwargs})


def test_a_member_proposes_and_staff_return_then_approve(client, member, organisation, staff):
    client.force_login(member)
    response = client.post(reverse("livinglab:campaign_create"), {**PROPOSAL, "organisation": organisation.pk})
    campaign = Campaign.objects.get()
    assert response.url == campaign.get_absolute_url()
    assert (campaign.status, campaign.organisation, campaign.proposed_by) == ("draft", organisation, member)
    assert campaign.criteria == {"age_band": ["60-74", "75+"], "municipality": ["tartu"]}

    client.post(
        url("question_add", campaign, purpose="screener"),
        {
            "screener-kind": "single",
            "screener-text_et": "Kas sa kõnnid talvel?",
            "screener-options_et": "Jah",
            "screener-other_et": "Ei",
        },
    )
    client.post(url("question_add", campaign, purpose="feedback"), {"kind": "scale", "text_et": "Kui lihtne?"})
    client.post(url("quota_add", campaign), {"attribute": "age_band", "value": "75+", "minimum": "3"})
    screener = campaign.questions.get(purpose=Question.Purpose.SCREENER)
    assert [(o.label, o.is_accepted) for o in screener.options.all()] == [("Jah", True), ("Ei", False)]
    assert campaign.quotas.get().minimum == 3

    client.post(url("campaign_submit", campaign))
    campaign.refresh_from_db()
    assert campaign.status == "submitted"
    assert Notification.objects.filter(recipient=staff, kind="livinglab.campaign_submitted").exists()
    assert client.get(url("campaign_edit", campaign)).status_code == 403

    client.force_login(staff)
    response = client.post(url("campaign_decide", campaign), {"decision": "return", "note": ""})
    assert "note" in response.context["form"].errors
    client.post(url("campaign_decide", campaign), {"decision": "return", "note": "Lisa testijate arv."})
    campaign.refresh_from_db()
    assert (campaign.status, campaign.staff_note) == ("returned", "Lisa testijate arv.")

    client.force_login(member)
    assert "Lisa testijate arv." in client.get(campaign.get_absolute_url()).content.decode()
    client.post(url("campaign_edit", campaign), {**PROPOSAL, "testers_wanted": "15"})
    client.post(url("campaign_submit", campaign))
    client.force_login(staff)
    client.post(url("campaign_decide", campaign), {"decision": "approve"})

    campaign.refresh_from_db()
    assert (campaign.status, campaign.testers_wanted) == ("approved", 15)
    assert Notification.objects.filter(recipient=member, kind="livinglab.campaign_decided").count() == 2


def test_dates_out_of_order_are_refused_next_to_the_field(client, member, organisation):
    client.force_login(member)

    response = client.post(
        reverse("livinglab:campaign_create"), {**PROPOSAL, "organisation": organisation.pk, "ends_on": "2030-12-01"}
    )

    assert "ends_on" in response.context["form"].errors
    assert 'value="Lumekoristuse teavitus"' in response.content.decode()
    assert not Campaign.objects.exists()


def test_a_member_cannot_propose_for_another_organisation(client, member, other_organisation):
    client.force_login(member)

    response = client.post(reverse("livinglab:campaign_create"), {**PROPOSAL, "organisation": other_organisation.pk})

    assert "organisation" in response.context["form"].errors
    assert not Campaign.objects.exists()


def test_an_approved_campaign_cannot_be_changed(client, member, organisation):
    campaign = CampaignFactory(organisation=organisation, status=CampaignStatus.APPROVED)
    client.force_login(member)

    assert client.post(url("campaign_edit", campaign), PROPOSAL).status_code == 403
    assert client.post(url("quota_add", campaign), {"attribute": "gender", "maximum_percent": "50"}).status_code == 403
