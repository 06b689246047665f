"""Joining the panel, consent and its renewal at sign-in, withdrawal, the data export and erasure."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from livinglab import consent, services
from livinglab.models import ConsentEvent, FeedbackResponse, Panellist, PanelTerms, Participation
from members.models import FocusArea, User
from messaging.models import OutboxEmail
from tests.factories import TEST_PASSWORD, UserFactory
from tests.livinglab.factories import CampaignFactory, PanellistFactory, ParticipationFactory

pytestmark = pytest.mark.django_db
YEAR = timezone.now().year

PROFILE = {
    "birth_year": "1984",
    "gender": "unsaid",
    "municipality": "tartu",
    "district": "Karlova",
    "occupation": "employed",
    "languages": ["et", "ru"],
    "devices": ["smartphone", "laptop"],
    "operating_systems": ["android"],
    "digital_skill": "advanced",
    "mobility": ["cycling", "public_transport"],
    "test_frequency": "monthly",
}


def join_data(**changes):
    return {
        **PROFILE,
        "interests": [FocusArea.objects.get(slug="mobility").pk],
        "display_name": "Kati Kodanik",
        "email": "kati@example.ee",
        "password1": "a-long-enough-passphrase",
        "password2": "a-long-enough-passphrase",
        "consent": "on",
        "terms_version": "1",
        **changes,
    }


def test_a_visitor_joins_with_an_account_and_consent_is_recorded(client):
    response = client.post(reverse("livinglab:panel_join"), join_data())

    assert response.status_code == 302
    panellist = Panellist.objects.get(user__email="kati@example.ee")
    assert panellist.terms_version == 1
    assert panellist.languages == ["et", "ru"]
    assert panellist.mobility == ["cycling", "public_transport"]
    assert list(panellist.interests.values_list("slug", flat=True)) == ["mobility"]
    [event] = ConsentEvent.objects.filter(panellist=panellist)
    assert (event.action, event.terms_version) == ("given", 1)


def test_a_signed_in_member_joins_as_themselves(client, member):
    client.force_login(member)
    data = {
        key: value
        for key, value in join_data().items()
        if key not in {"display_name", "email", "password1", "password2"}
    }

    assert client.post(reverse("livinglab:panel_join"), data).status_code == 302
    assert Panellist.objects.filter(user=member).exists()


def test_an_under_thirteen_cannot_join_and_keeps_what_they_typed(client):
    response = client.post(reverse("livinglab:panel_join"), join_data(birth_year=str(YEAR - 13)))

    assert response.status_code == 200
    assert "birth_year" in response.context["form"].errors
    assert 'value="Karlova"' in response.content.decode()
    assert not User.objects.filter(email="kati@example.ee").exists()


def test_a_thirteen_to_seventeen_year_old_joins_and_the_profile_says_so(client):
    client.post(reverse("livinglab:panel_join"), join_data(birth_year=str(YEAR - 15)))
    panellist = Panellist.objects.get(user__email="kati@example.ee")

    assert panellist.is_minor
    client.force_login(panellist.user)
    assert 'class="panel-minor"' in client.get(reverse("livinglab:panel_profile")).content.decode()


def test_joining_without_consent_asks_for_it_next_to_the_box(client):
    response = client.post(reverse("livinglab:panel_join"), join_data(consent=""))

    assert "consent" in response.context["form"].errors
    assert not Panellist.objects.exists()


def test_joining_against_terms_that_changed_meanwhile_is_refused(client):
    PanelTerms.objects.create(version=2, body="Uued tingimused", body_et="Uued tingimused")

    response = client.post(reverse("livinglab:panel_join"), join_data(terms_version="1"))

    assert "consent" in response.context["form"].errors
    assert not Panellist.objects.exists()


def test_new_terms_ask_for_consent_again_at_sign_in_and_until_then_nobody_matches_them(client):
    panellist = PanellistFactory(user__email="kati@example.ee")
    PanelTerms.objects.create(version=2, body="Uued tingimused", body_et="Uued tingimused")

    client.post(reverse("account_login"), {"login": "kati@example.ee", "password": TEST_PASSWORD})
    assert client.session[consent.SESSION_KEY] is True
    response = client.get(reverse("livinglab:panel_profile"))
    assert response.status_code == 302 and response.url.startswith(reverse("livinglab:consent"))
    assert not Panellist.objects.matchable(2).filter(pk=panellist.pk).exists()

    client.post(reverse("livinglab:consent"), {"consent": "on", "terms_version": "2"})

    assert client.get(reverse("livinglab:panel_profile")).status_code == 200
    assert Panellist.objects.matchable(2).filter(pk=panellist.pk).exists()


def test_withdrawing_leaves_running_campaigns_unless_the_person_stays():
    staying, leaving = PanellistFactory(), PanellistFactory()
    campaign = CampaignFactory(testers_wanted=2, status="recruiting")
    for panellist in (staying, leaving):
        ParticipationFactory(campaign=campaign, panellist=panellist, status=Participation.Status.ACCEPTED)

    services.withdraw_consent(staying, keep_running=True)
    services.withdraw_consent(leaving, keep_running=False)

    statuses = dict(campaign.participations.values_list("panellist_id", "status"))
    assert statuses == {staying.pk: "accepted", leaving.pk: "left"}
    assert not Panellist.objects.matchable(1).filter(pk__in=[staying.pk, leaving.pk]).exists()
    assert ConsentEvent.objects.filter(action="withdrawn").count() == 2


def test_the_export_is_the_persons_data_as_json(client):
    panellist = PanellistFactory(user__email="kati@example.ee", district="Karlova")
    ParticipationFactory(panellist=panellist, screener_answers={"1": [2]})
    client.force_login(panellist.user)

    response = client.get(reverse("livinglab:panel_export"))

    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == "kati@example.ee"
    assert data["panel_profile"]["district"] == "Karlova"
    assert data["participations"][0]["screener_answers"] == {"1": [2]}


def test_deleting_keeps_only_anonymous_answers(client):
    panellist = PanellistFactory(user__email="kati@example.ee")
    participation = ParticipationFactory(panellist=panellist, status=Participation.Status.ACCEPTED)
    response = FeedbackResponse.objects.create(
        campaign=participation.campaign, participation=participation, pseudonym=participation.pseudonym
    )
    OutboxEmail.objects.create(
        kind="livinglab.invitation_received",
        to="kati@example.ee",
        subject="Kutse",
        body_text="…",
        message_id="<x@escc>",
    )
    client.force_login(panellist.user)

    client.post(reverse("livinglab:panel_delete"), {"confirm": "on"})

    assert not User.objects.filter(email="kati@example.ee").exists()
    assert not Panellist.objects.exists() and not Participation.objects.exists() and not ConsentEvent.objects.exists()
    assert not OutboxEmail.objects.filter(to="kati@example.ee").exists()
    response.refresh_from_db()
    assert response.participation is None and response.pseudonym == participation.pseudonym


def test_a_member_who_deletes_panel_data_keeps_the_account(member):
    panellist = PanellistFactory(user=member)

    assert services.delete_panel_data(panellist) is False
    assert User.objects.filter(pk=member.pk).exists()
    assert not Panellist.objects.exists()


def test_someone_not_on_the_panel_gets_404_on_the_panel_pages(client):
    client.force_login(UserFactory())
    for name in ["livinglab:panel_profile", "livinglab:panel_export", "livinglab:panel_delete"]:
        assert client.get(reverse(name)).status_code == 404
