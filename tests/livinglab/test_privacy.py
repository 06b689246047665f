"""Owners never see who a panellist is; the export holds everything; erasure leaves only anonymous answers.

A panellist with a unique value in every personal field takes part in a campaign and
answers it. Every response an owner can reach (pages, CSV, chart, inbox, the e-mails sent
to them) is searched for those values.
"""

import json

import pytest
from django.apps import apps
from django.urls import reverse

from livinglab import services
from livinglab.models import Answer, CampaignStatus, FeedbackResponse, Participation
from messaging.models import OutboxEmail
from tests.livinglab.factories import CampaignFactory, PanellistFactory, QuestionFactory

pytestmark = pytest.mark.django_db

PLANTED = {
    "email": "zq-planted-mail@example.ee",
    "display_name": "Zqplanted Inimene",
    "district": "Zqplanted-linnaosa",
}
ANSWER_TEXT = "Zqplanted-vastus: ekraan oli hästi loetav"


@pytest.fixture
def tester(organisation):
    panellist = PanellistFactory(
        user__email=PLANTED["email"], user__display_name=PLANTED["display_name"], district=PLANTED["district"]
    )
    campaign = CampaignFactory(organisation=organisation, status=CampaignStatus.RECRUITING, testers_wanted=1)
    screener = QuestionFactory(campaign=campaign, purpose="screener", kind="single", answers=[("Jah", True)])
    text = QuestionFactory(campaign=campaign, kind="text")
    QuestionFactory(campaign=campaign, kind="scale")
    [participation] = services.invite_panellists(campaign, actor=None)
    services.accept_invitation(participation, screener_answers={screener.pk: [screener.options.get().pk]})
    services.start_test(campaign, actor=None)
    services.submit_feedback(participation, answers={text: ANSWER_TEXT})
    services.finish_campaign(campaign, actor=None)
    return panellist, campaign, text


def owner_pages(campaign, text):
    pk = {"pk": campaign.pk}
    return [
        reverse("livinglab:campaign_list"),
        reverse("livinglab:campaign_detail", kwargs=pk),
        reverse("livinglab:campaign_results", kwargs=pk),
        reverse("livinglab:campaign_results", kwargs=pk) + "?municipality=tartu",
        reverse("livinglab:campaign_results_csv", kwargs=pk),
        reverse("messaging:inbox"),
    ]


def test_no_page_csv_or_email_an_owner_reaches_names_the_panellist(client, member, org_admin, tester):
    panellist, campaign, text = tester
    for owner in (member, org_admin):
        client.force_login(owner)
        for url in owner_pages(campaign, text):
            response = client.get(url)
            assert response.status_code == 200, url
            body = response.content.decode()
            assert not [value for value in PLANTED.values() if value in body], url
        assert Participation.objects.get().pseudonym in client.get(owner_pages(campaign, text)[2]).content.decode()
    owner_mail = OutboxEmail.objects.exclude(to=PLANTED["email"])
    for email in owner_mail:
        assert not [value for value in PLANTED.values() if value in email.subject + email.body_text + email.body_html]


def test_the_export_holds_every_planted_value(client, tester):
    panellist, _campaign, _text = tester
    client.force_login(panellist.user)

    exported = client.get(reverse("livinglab:panel_export")).content.decode()

    data = json.loads(exported)
    for value in [*PLANTED.values(), ANSWER_TEXT, str(panellist.birth_year)]:
        assert value in exported
    assert data["participations"][0]["screener_answers"]
    assert any(email["to"] == PLANTED["email"] for email in data["emails"])


def every_text_in_the_database():
    """(model, text of each row) for every model of every installed app."""
    for model in apps.get_models():
        for row in model._default_manager.values():
            yield model._meta.label, " ".join(str(value) for value in row.values())


def test_after_erasure_only_the_anonymous_answer_remains(tester):
    panellist, campaign, text = tester

    services.delete_panel_data(panellist)

    left = [(label, value) for label, row in every_text_in_the_database() for value in PLANTED.values() if value in row]
    assert left == []
    answer = Answer.objects.get(question=text)
    assert answer.text == ANSWER_TEXT
    assert FeedbackResponse.objects.get(campaign=campaign).participation is None
