"""One-click unsubscribe: a signed link, no login, and a POST a mail client can send without CSRF."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from funding.models import Subscription
from members.invitations import make_token as invitation_token
from messaging import unsubscribe
from tests.factories import InvitationFactory, SubscriptionFactory, UserFactory

pytestmark = pytest.mark.django_db


def link_path(user, scope="digest", language="et"):
    with translation.override(language):
        return reverse("messaging:unsubscribe", kwargs={"token": unsubscribe.make_token(user, scope)})


@pytest.fixture
def weekly():
    return SubscriptionFactory(frequency="weekly", user=UserFactory(email="mari@example.ee", preferred_language="en"))


def test_the_link_is_absolute_under_the_persons_language(settings, weekly):
    settings.SITE_URL = "https://portal.escc.example"

    url = unsubscribe.unsubscribe_url(weekly.user, "digest")

    assert url == "https://portal.escc.example" + link_path(weekly.user, language="en")
    assert url.startswith("https://portal.escc.example/en/unsubscribe/")


def test_the_headers_name_the_link_and_ask_for_one_click_posts(settings, weekly):
    settings.SITE_URL = "https://portal.escc.example"

    headers = unsubscribe.list_unsubscribe_headers(weekly.user, "reminders", language="et")

    assert headers == {
        "List-Unsubscribe": f"<https://portal.escc.example{link_path(weekly.user, 'reminders')}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def test_a_visitor_sees_what_the_link_turns_off_and_nothing_changes(client, weekly):
    response = client.get(link_path(weekly.user, language="en"))

    assert response.status_code == 200
    assert "Unsubscribe mari@example.ee from the weekly digest?" in response.text
    assert response.text.count("<h1") == 1
    weekly.refresh_from_db()
    assert weekly.frequency == "weekly"


def test_posting_the_link_turns_the_digest_off_without_signing_in(client, weekly):
    response = client.post(link_path(weekly.user, language="en"))

    assert response.status_code == 200
    assert "You are unsubscribed" in response.text
    assert reverse("messaging:preferences") in response.text
    weekly.refresh_from_db()
    assert (weekly.frequency, weekly.send_reminders) == ("off", True)


def test_a_mail_clients_one_click_post_needs_no_csrf_token(weekly):
    mail_client = Client(enforce_csrf_checks=True)

    response = mail_client.post(link_path(weekly.user), {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    weekly.refresh_from_db()
    assert weekly.frequency == "off"


def test_the_reminders_link_turns_off_reminders_only(client, weekly):
    client.post(link_path(weekly.user, "reminders"))

    weekly.refresh_from_db()
    assert (weekly.frequency, weekly.send_reminders) == ("weekly", False)


def test_posting_twice_is_harmless(client, weekly):
    first = client.post(link_path(weekly.user))
    second = client.post(link_path(weekly.user))

    assert first.status_code == second.status_code == 200
    weekly.refresh_from_db()
    assert weekly.frequency == "off"


def test_a_person_already_unsubscribed_is_told_so(client, weekly):
    client.post(link_path(weekly.user))

    response = client.get(link_path(weekly.user, language="en"))

    assert response.status_code == 200
    assert "You are not subscribed" in response.text
    assert "<form" not in response.text.split("<main", 1)[-1]


def test_a_person_without_a_subscription_gets_one_that_is_off(client):
    user = UserFactory()
    Subscription.objects.filter(user=user).delete()

    client.post(link_path(user))

    assert Subscription.objects.get(user=user).frequency == "off"


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        "",
        "a" * 500,
        "WzEsImRpZ2VzdCJd:1vA:tampered",
    ],
)
def test_a_bad_token_answers_400_with_a_page(client, token):
    url = reverse("messaging:unsubscribe", kwargs={"token": token}) if token else "/et/unsubscribe/%20/"

    for response in (client.get(url), client.post(url)):
        assert response.status_code == 400
        assert "<h1" in response.text


def test_a_tampered_token_changes_nothing(client, weekly):
    other = SubscriptionFactory(frequency="daily")
    own_signature = unsubscribe.make_token(weekly.user, "digest").rsplit(":", 1)[1]
    others_payload = unsubscribe.make_token(other.user, "digest").rsplit(":", 1)[0]
    forged = f"{others_payload}:{own_signature}"

    response = client.post(reverse("messaging:unsubscribe", kwargs={"token": forged}))

    assert response.status_code == 400
    other.refresh_from_db()
    assert other.frequency == "daily"


def test_a_token_signed_for_something_else_is_refused(client, weekly):
    token = invitation_token(InvitationFactory())

    assert client.post(reverse("messaging:unsubscribe", kwargs={"token": token})).status_code == 400


def test_a_link_of_a_deleted_or_deactivated_person_is_refused(client, weekly):
    path = link_path(weekly.user)
    weekly.user.is_active = False
    weekly.user.save()

    assert client.get(path).status_code == 400


def test_an_unknown_scope_cannot_be_signed(weekly):
    with pytest.raises(ValueError):
        unsubscribe.make_token(weekly.user, "everything")


@pytest.mark.parametrize("language", ["et", "en"])
@pytest.mark.parametrize("valid", [True, False])
def test_the_pages_carry_their_language_one_heading_and_no_inline_code(client, weekly, language, valid):
    with translation.override(language):
        token = unsubscribe.make_token(weekly.user, "digest") if valid else "not-a-token"
        path = reverse("messaging:unsubscribe", kwargs={"token": token})

    for response in (client.get(path), client.post(path)):
        html = response.text
        assert f'<html lang="{language}">' in html
        assert html.count("<h1") == 1
        assert " style=" not in html and "<style" not in html
        assert "<script>" not in html


@pytest.mark.parametrize("payload", ["12:digest", "[1, 2]", "x", "[99999999999999999999, 'digest']"])
def test_a_validly_signed_token_of_another_shape_answers_400(client, payload):
    from django.core import signing

    token = signing.Signer(salt=unsubscribe.SALT).sign(payload)

    for response in (client.get(link_for(token)), client.post(link_for(token))):
        assert response.status_code == 400


def link_for(token):
    return reverse("messaging:unsubscribe", kwargs={"token": token})
