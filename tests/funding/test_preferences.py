"""The digest preferences page and the subscription services behind it."""

import pytest
from django.utils import translation

from funding.models import Frequency, Subscription
from funding.services.subscriptions import subscription_for, update_subscription
from members.models import FocusArea
from tests.factories import CallFactory, CallFollowFactory, SubscriptionFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/et/digest/"
EN_URL = "/en/digest/"


def form_data(**overrides):
    """What the page posts when a person keeps a weekly digest of everything."""
    data = {
        "frequency": "weekly",
        "include_calls": "on",
        "include_saved_searches": "on",
        "include_news": "on",
        "include_projects": "on",
        "include_activity": "on",
        "send_reminders": "on",
        "language": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


# --- Defaults -------------------------------------------------------------------------------------


def test_member_of_an_organisation_gets_a_weekly_digest_by_default(member):
    assert subscription_for(member).frequency == Frequency.WEEKLY


def test_person_in_no_organisation_gets_no_digest_by_default():
    person = UserFactory()

    subscription = subscription_for(person)

    assert subscription.frequency == Frequency.OFF
    assert Subscription.objects.filter(user=person).count() == 1


def test_a_chosen_frequency_is_kept(member):
    SubscriptionFactory(user=member, frequency="off")

    assert subscription_for(member).frequency == Frequency.OFF


def test_page_shows_the_current_choices(client, member):
    SubscriptionFactory(user=member, frequency="monthly", include_news=False, language="en")
    client.force_login(member)

    form = client.get(URL).context["form"]
    assert form["frequency"].value() == "monthly"
    assert form["include_news"].value() is False
    assert form["language"].value() == "en"


def test_page_explains_what_a_digest_is_and_when_it_is_sent(client, member):
    client.force_login(member)

    html = client.get(EN_URL).content.decode()

    assert "<h1>E-mail digest</h1>" in html
    assert "every morning at 07:00" in html
    assert "on Mondays at 08:00" in html
    assert "on the 1st of each month at 08:00" in html
    assert "Tallinn time" in html
    assert "7 days and 1 day before" in html


# --- Saving ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("frequency", ["daily", "weekly", "monthly", "off"])
def test_saving_each_frequency(client, member, frequency):
    client.force_login(member)

    response = client.post(URL, form_data(frequency=frequency))

    assert response.status_code == 302
    assert response["Location"] == URL
    assert Subscription.objects.get(user=member).frequency == frequency


@pytest.mark.parametrize(
    "field",
    [
        "include_calls",
        "include_saved_searches",
        "include_news",
        "include_projects",
        "include_activity",
        "send_reminders",
    ],
)
def test_unticking_one_kind_leaves_the_others_on(client, member, field):
    client.force_login(member)

    client.post(URL, form_data(**{field: None}))

    subscription = Subscription.objects.get(user=member)
    kinds = ["include_calls", "include_saved_searches", "include_news", "include_projects", "include_activity"]
    for name in [*kinds, "send_reminders"]:
        assert getattr(subscription, name) is (name != field)


def test_saving_focus_areas_and_then_none_meaning_all(client, member):
    mobility, tourism = FocusArea.objects.get(slug="mobility"), FocusArea.objects.get(slug="tourism")
    client.force_login(member)

    client.post(URL, form_data(focus_areas=[mobility.pk, tourism.pk]))
    assert set(Subscription.objects.get(user=member).focus_areas.all()) == {mobility, tourism}

    client.post(URL, form_data())
    assert not Subscription.objects.get(user=member).focus_areas.exists()


@pytest.mark.parametrize(("language", "digest_language"), [("et", "et"), ("en", "en"), ("", "et")])
def test_saving_the_language(client, member, language, digest_language):
    client.force_login(member)

    client.post(URL, form_data(language=language))

    subscription = Subscription.objects.get(user=member)
    assert subscription.language == language
    assert subscription.digest_language == digest_language


def test_my_accounts_language_is_named(client, member):
    member.preferred_language = "en"
    member.save()
    client.force_login(member)

    html = client.get(EN_URL).content.decode()

    assert "My account&#x27;s language (English)" in html


def test_saving_says_so(client, member):
    client.force_login(member)

    response = client.post(EN_URL, form_data(frequency="daily"), follow=True)

    assert "Your digest settings were saved." in response.content.decode()


def test_saving_changes_only_ones_own_subscription(client, member, other_member):
    client.force_login(member)

    client.post(URL, form_data(frequency="daily", user=other_member.pk))

    assert Subscription.objects.get(user=member).frequency == "daily"
    assert Subscription.objects.get(user=other_member).frequency == "weekly"


# --- Bad input ------------------------------------------------------------------------------------


def test_unknown_frequency_shows_an_error_next_to_the_field_and_keeps_the_rest(client, member):
    mobility = FocusArea.objects.get(slug="mobility")
    client.force_login(member)

    response = client.post(EN_URL, form_data(frequency="hourly", include_news=None, focus_areas=[mobility.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_frequency_errors"' in html
    assert "Select a valid choice" in html
    form = response.context["form"]
    assert form["include_news"].value() is False
    assert form["focus_areas"].value() == [str(mobility.pk)]
    assert Subscription.objects.get(user=member).frequency == "weekly"


@pytest.mark.parametrize(
    "data",
    [
        {},
        form_data(frequency=""),
        form_data(language="fr"),
        form_data(focus_areas=["999999"]),
        form_data(focus_areas=["not-a-number"]),
        form_data(frequency="\x00"),
    ],
)
def test_junk_input_is_a_form_error_never_a_crash(client, member, data):
    client.force_login(member)

    response = client.post(URL, data)

    assert response.status_code == 200
    assert response.context["form"].errors
    assert Subscription.objects.get(user=member).frequency == "weekly"


def test_visitor_is_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/et/accounts/login/")
    assert client.post(URL, form_data()).status_code == 302
    assert not Subscription.objects.exists()


# --- The service ----------------------------------------------------------------------------------


def test_update_subscription_changes_only_what_it_is_given(member):
    subscription = SubscriptionFactory(user=member, frequency="weekly", include_news=False)
    mobility = FocusArea.objects.get(slug="mobility")

    updated = update_subscription(subscription, actor=member, frequency="daily", focus_areas=[mobility])

    assert updated.frequency == "daily"
    assert updated.include_news is False
    assert list(updated.focus_areas.all()) == [mobility]


def test_update_subscription_refuses_fields_that_are_not_preferences(member):
    with pytest.raises(TypeError):
        update_subscription(subscription_for(member), actor=None, user=UserFactory())


# --- Page ------------------------------------------------------------------------------------------


def test_account_menu_links_the_digest_page(client, member):
    client.force_login(member)

    html = client.get(URL).content.decode()

    assert f'<a href="{URL}" aria-current="page">' in html


def test_page_links_the_feeds_and_the_private_calendar(client, member):
    client.force_login(member)

    html = client.get(URL).content.decode()

    for url in ["/et/news/feed/rss/", "/et/news/feed/atom/", "/et/calls/feed/rss/", "/et/calls/feed/atom/"]:
        assert f'href="{url}"' in html
    assert 'href="/et/calls/deadlines.ics"' in html
    token = member.calendar_feed.token
    assert f'href="/et/calls/deadlines/{token}.ics"' in html
    assert f"http://testserver/et/calls/deadlines/{token}.ics" in html


def test_page_queries_are_fixed(client, member, django_assert_num_queries):
    SubscriptionFactory(user=member, focus_areas=list(FocusArea.objects.all()))
    for call in CallFactory.create_batch(3):
        CallFollowFactory(user=member, call=call)
    client.force_login(member)
    client.get(URL)  # makes the calendar address

    with translation.override("et"):
        with django_assert_num_queries(
            7
        ):  # session, user, subscription, its focus areas, the calendar address, inbox badge, focus areas
            assert client.get(URL).status_code == 200
