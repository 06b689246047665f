"""Staff curate calls and news in the admin and use the digest tools.

The admin is not in the site crawl or the permission matrix, so these tests guard it: the
pages open, the lists are ordered and filtered as staff need, the actions and the
duplicate button call the curation services, the change lists run a fixed number of
queries, and nobody but staff reaches any of it.
"""

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Permission
from django.utils import timezone

from funding.models import Call, CallStatus, DigestDelivery, DigestRun, News, Subscription
from members.models import FocusArea
from messaging.models import OutboxEmail
from tests.factories import (
    CallFactory,
    CallFollowFactory,
    MembershipFactory,
    NewsFactory,
    ProgrammeFactory,
    SubscriptionFactory,
    UserFactory,
)
from tests.funding.factories import DigestDeliveryFactory

CALLS = "/admin/funding/call/"
NEWS = "/admin/funding/news/"
PROGRAMMES = "/admin/funding/programme/"
SUBSCRIPTIONS = "/admin/funding/subscription/"
DELIVERIES = "/admin/funding/digestdelivery/"
RUNS = "/admin/funding/digestrun/"
RECIPIENTS = RUNS + "recipients/"
RUN_NOW = RUNS + "run/"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_admin(client):
    # The admin follows the browser's language.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def make_staff(*permissions):
    """A staff member who is not a superuser: only the given permissions, with two-factor on."""
    user = UserFactory(is_staff=True, display_name="Kalle Piiratud")
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
    user.user_permissions.add(*(Permission.objects.get(codename=codename) for codename in permissions))
    return user


def run_action(client, url, action, objects):
    return client.post(url, {"action": action, "_selected_action": [obj.pk for obj in objects], "index": 0})


def days(n):
    return timezone.now() + timedelta(days=n)


def listed(response):
    return list(response.context["cl"].result_list)


# --- Pages -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        CALLS,
        CALLS + "add/",
        CALLS + "?status=closing_soon&programme__kind__exact=eu&state__exact=published",
        CALLS + "?q=HORIZON",
        NEWS,
        NEWS + "add/",
        NEWS + "?state=scheduled&is_featured__exact=1",
        PROGRAMMES,
        PROGRAMMES + "add/",
        SUBSCRIPTIONS,
        DELIVERIES,
        RUNS,
        RECIPIENTS,
    ],
)
def test_staff_open_the_funding_admin_pages(staff_client, path):
    CallFactory()
    NewsFactory()

    assert staff_client.get(path).status_code == 200


def test_staff_open_each_object_page(staff_client, member):
    call = CallFactory(eligible_kinds=["company"])
    news = NewsFactory()
    delivery = DigestDeliveryFactory(user=member)
    run = DigestRun.objects.create(kind="weekly", period="2026-W48")
    pages = [
        f"{CALLS}{call.pk}/change/",
        f"{NEWS}{news.pk}/change/",
        f"{PROGRAMMES}{call.programme.pk}/change/",
        f"{SUBSCRIPTIONS}{member.subscription.pk}/change/",
        f"{DELIVERIES}{delivery.pk}/change/",
        f"{RUNS}{run.pk}/change/",
    ]

    for page in pages:
        assert staff_client.get(page).status_code == 200, page


def test_the_call_page_offers_duplicate_and_view_on_site(staff_client):
    call = CallFactory(draft=True)

    page = staff_client.get(f"{CALLS}{call.pk}/change/").content.decode()

    assert f"{CALLS}{call.pk}/duplicate/" in page
    assert "View on site" in page


@pytest.mark.parametrize("persona", ["member", "org_admin", "visitor"])
def test_people_who_are_not_staff_are_sent_to_the_admin_sign_in(persona_client, persona, member):
    call = CallFactory(draft=True)
    client = persona_client(persona)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"

    for path in [
        CALLS,
        f"{CALLS}{call.pk}/duplicate/",
        f"{SUBSCRIPTIONS}{member.subscription.pk}/preview/",
        f"{SUBSCRIPTIONS}{member.subscription.pk}/preview/email.html",
        RECIPIENTS,
    ]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert "/admin/login/" in response["Location"]
    response = client.post(f"{CALLS}{call.pk}/duplicate/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    response = client.post(RUN_NOW, {"kind": "daily"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert Call.objects.count() == 1
    assert not DigestRun.objects.exists()


# --- The calls list ----------------------------------------------------------------------------


def test_calls_are_listed_by_nearest_deadline_with_rolling_then_closed_last(staff_client):
    later = CallFactory(title="Later", deadline=days(40))
    soon = CallFactory(title="Soon", deadline=days(3))
    rolling = CallFactory(title="Rolling", rolling=True)
    closed_recently = CallFactory(title="Closed recently", opens_at=days(-90), deadline=days(-2))
    closed_long_ago = CallFactory(title="Closed long ago", opens_at=days(-300), deadline=days(-200))
    two_stage = CallFactory(title="Two-stage", opens_at=days(-60), deadline=days(-5), second_deadline=days(20))

    response = staff_client.get(CALLS)

    assert listed(response) == [soon, two_stage, later, rolling, closed_recently, closed_long_ago]


def test_the_calls_list_shows_status_next_deadline_state_and_followers(staff_client):
    call = CallFactory(title="Mobility pilots", deadline=days(5))
    CallFactory(title="Investor intake", rolling=True, draft=True)
    CallFollowFactory.create_batch(3, call=call)

    response = staff_client.get(CALLS)
    page = response.content.decode()

    rows = {row.title: row for row in listed(response)}
    assert rows["Mobility pilots"].followers_total == 3
    assert rows["Mobility pilots"].current_status == CallStatus.CLOSING_SOON
    assert "Closing soon" in page
    assert "Rolling intake" in page
    assert "Draft" in page
    assert call.get_absolute_url() in page


@pytest.mark.parametrize(
    "status, expected",
    [
        ("forthcoming", {"Forthcoming"}),
        ("open", {"Open", "Rolling"}),
        ("closing_soon", {"Closing soon"}),
        ("closed", {"Closed"}),
        ("nonsense", {"Forthcoming", "Open", "Rolling", "Closing soon", "Closed"}),
    ],
)
def test_the_status_filter_goes_by_the_dates(staff_client, status, expected):
    CallFactory(title="Forthcoming", opens_at=days(10), deadline=days(60))
    CallFactory(title="Open", deadline=days(60))
    CallFactory(title="Rolling", rolling=True)
    CallFactory(title="Closing soon", deadline=days(5))
    CallFactory(title="Closed", opens_at=days(-60), deadline=days(-1))

    response = staff_client.get(f"{CALLS}?status={status}")

    assert response.status_code == 200
    assert {call.title for call in listed(response)} == expected


def test_staff_filter_calls_by_programme_kind_and_programme_and_state(staff_client):
    investor = ProgrammeFactory(name="Baltic Angels", kind="private")
    angel_call = CallFactory(title="Angel intake", programme=investor, rolling=True)
    CallFactory(title="Horizon call")
    draft = CallFactory(title="Draft call", draft=True)

    by_kind = staff_client.get(f"{CALLS}?programme__kind__exact=private")
    by_programme = staff_client.get(f"{CALLS}?programme__id__exact={investor.pk}")
    by_state = staff_client.get(f"{CALLS}?state__exact=draft")

    assert listed(by_kind) == [angel_call]
    assert listed(by_programme) == [angel_call]
    assert listed(by_state) == [draft]


def test_staff_search_calls_by_either_title_or_identifier(staff_client):
    call = CallFactory(title_et="Targad linnad", title_en="Smart cities", identifier="DIGITAL-2027-CLOUD-01")
    CallFactory(title_et="Muu", title_en="Other", identifier="HORIZON-CL5-2027-D6-01")

    for query in ["smart", "targad", "CLOUD"]:
        assert listed(staff_client.get(f"{CALLS}?q={query}")) == [call], query


def _calls_with_followers(count):
    programmes = ProgrammeFactory.create_batch(3)
    for number in range(count):
        call = CallFactory(programme=programmes[number % 3], deadline=days(number + 1), rolling=number % 7 == 0)
        CallFollowFactory(call=call)


@pytest.mark.parametrize("count", [5, 50])
def test_the_calls_list_runs_a_fixed_number_of_queries(staff_client, assert_page_queries, count):
    _calls_with_followers(count)

    assert_page_queries(CALLS, 7)


@pytest.mark.parametrize("count", [5, 50])
def test_the_news_list_runs_a_fixed_number_of_queries(staff_client, staff, assert_page_queries, count):
    for number in range(count):
        NewsFactory(author=staff if number % 2 else UserFactory(), published_at=days(number % 3 - 1))

    assert_page_queries(NEWS, 7)


@pytest.mark.parametrize("count", [5, 50])
def test_the_programme_list_runs_a_fixed_number_of_queries(staff_client, assert_page_queries, count):
    for programme in ProgrammeFactory.create_batch(count):
        CallFactory(programme=programme)

    assert_page_queries(PROGRAMMES, 6)


@pytest.mark.parametrize("count", [5, 50])
def test_the_subscription_list_runs_a_fixed_number_of_queries(staff_client, assert_page_queries, count):
    for _number in range(count):
        SubscriptionFactory(user=UserFactory(), frequency="daily")

    assert_page_queries(SUBSCRIPTIONS, 6)


@pytest.mark.parametrize("count", [5, 50])
def test_the_delivery_list_runs_a_fixed_number_of_queries(staff_client, assert_page_queries, count):
    for number in range(count):
        user = UserFactory()
        email = OutboxEmail.objects.create(
            kind="digest",
            to=user.email,
            from_email="x@example.ee",
            subject=f"Digest {number}",
            body_text="Hi",
            message_id=f"<{number}@x>",
        )
        DigestDeliveryFactory(user=user, email=email, item_count=3)

    assert_page_queries(DELIVERIES, 8)


# --- Actions and the duplicate button ----------------------------------------------------------


def test_the_publish_action_publishes_drafts_and_sets_their_publication_time(staff_client):
    drafts = CallFactory.create_batch(2, draft=True)

    response = run_action(staff_client, CALLS, "publish_selected", drafts)

    assert response.status_code == 302
    for call in drafts:
        call.refresh_from_db()
        assert call.state == Call.State.PUBLISHED and call.published_at is not None
    messages = [str(message) for message in response.wsgi_request._messages]
    assert "Published 2 calls." in messages


def test_the_back_to_draft_action_hides_published_calls(staff_client):
    calls = CallFactory.create_batch(2)

    run_action(staff_client, CALLS, "back_to_draft_selected", calls)

    assert set(Call.objects.values_list("state", flat=True)) == {Call.State.DRAFT}


def test_the_duplicate_action_makes_a_draft_copy_of_each_selected_call(staff_client, staff):
    calls = CallFactory.create_batch(2)

    run_action(staff_client, CALLS, "duplicate_selected", calls)

    copies = Call.objects.exclude(pk__in=[call.pk for call in calls])
    assert copies.count() == 2
    assert set(copies.values_list("state", flat=True)) == {Call.State.DRAFT}
    assert set(copies.values_list("created_by", flat=True)) == {staff.pk}


def test_the_duplicate_button_makes_a_draft_copy_and_opens_it(staff_client):
    call = CallFactory(title_en="Urban pilots", eligible_kinds=["public"])

    response = staff_client.post(f"{CALLS}{call.pk}/duplicate/")

    copy = Call.objects.exclude(pk=call.pk).get()
    assert response.status_code == 302
    assert response["Location"] == f"{CALLS}{copy.pk}/change/"
    assert copy.state == Call.State.DRAFT
    assert copy.title_en == "Copy of Urban pilots"
    assert list(copy.eligible_kinds.values_list("kind", flat=True)) == ["public"]


def test_the_duplicate_button_wants_a_post(staff_client):
    call = CallFactory()

    assert staff_client.get(f"{CALLS}{call.pk}/duplicate/").status_code == 405
    assert Call.objects.count() == 1


@pytest.mark.parametrize("junk", ["999999", "not-a-number", "1%2F2"])
def test_duplicating_a_call_that_does_not_exist_is_a_404(staff_client, junk):
    assert staff_client.post(f"{CALLS}{junk}/duplicate/").status_code == 404


def test_staff_who_may_only_view_calls_cannot_duplicate_or_publish(client):
    client.force_login(make_staff("view_call"))
    call = CallFactory(draft=True)

    assert client.post(f"{CALLS}{call.pk}/duplicate/").status_code == 403
    run_action(client, CALLS, "publish_selected", [call])

    assert Call.objects.count() == 1
    call.refresh_from_db()
    assert call.state == Call.State.DRAFT


def test_a_new_call_is_created_by_the_staff_member_who_adds_it(staff_client, staff):
    programme = ProgrammeFactory()
    data = {
        "slug": "uus-voor",
        "identifier": "EIS-2027-01",
        "programme": programme.pk,
        "link": "https://eis.ee/",
        "title_et": "Uus voor",
        "title_en": "",
        "summary_et": "Kokkuvõte",
        "summary_en": "",
        "description_et": "",
        "description_en": "",
        "opens_at_0": "",
        "opens_at_1": "",
        "deadline_0": "",
        "deadline_1": "",
        "second_deadline_0": "",
        "second_deadline_1": "",
        "deadline_timezone": "Europe/Tallinn",
        "budget_eur": "",
        "funding_rate": "",
        "ticket_min_eur": "",
        "ticket_max_eur": "",
        "eligible_kinds-TOTAL_FORMS": "1",
        "eligible_kinds-INITIAL_FORMS": "0",
        "eligible_kinds-0-kind": "company",
    }

    response = staff_client.post(CALLS + "add/", data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    call = Call.objects.get(slug="uus-voor")
    assert call.created_by == staff
    assert call.state == Call.State.DRAFT
    assert call.published_at is None
    assert list(call.eligible_kinds.values_list("kind", flat=True)) == ["company"]


# --- News --------------------------------------------------------------------------------------


def test_news_are_listed_drafts_first_then_by_publication_time_with_their_state(staff_client):
    published = NewsFactory(title="Published", published_at=days(-2))
    scheduled = NewsFactory(title="Scheduled", published_at=days(3))
    draft = NewsFactory(title="Draft", published_at=None)
    older = NewsFactory(title="Older", published_at=days(-20))

    response = staff_client.get(NEWS)

    assert listed(response) == [draft, scheduled, published, older]
    page = response.content.decode()
    assert "Scheduled" in page and "Draft" in page and "Published" in page


@pytest.mark.parametrize(
    "state, expected", [("draft", {"Draft"}), ("scheduled", {"Scheduled"}), ("published", {"Old"})]
)
def test_the_news_state_filter(staff_client, state, expected):
    NewsFactory(title="Old", published_at=days(-2))
    NewsFactory(title="Scheduled", published_at=days(3))
    NewsFactory(title="Draft", published_at=None)

    response = staff_client.get(f"{NEWS}?state={state}")

    assert {item.title for item in listed(response)} == expected


def test_news_filter_by_focus_area_and_featured(staff_client):
    mobility = FocusArea.objects.get(slug="mobility")
    featured = NewsFactory(title="Featured", is_featured=True, focus_areas=[mobility])
    NewsFactory(title="Plain")

    assert listed(staff_client.get(f"{NEWS}?is_featured__exact=1")) == [featured]
    assert listed(staff_client.get(f"{NEWS}?focus_areas__id__exact={mobility.pk}")) == [featured]


def test_a_new_news_item_has_the_staff_member_as_author(staff_client, staff):
    form = staff_client.get(NEWS + "add/").context["adminform"].form

    assert form.initial["author"] == staff.pk


def test_the_publish_action_publishes_news_now(staff_client):
    draft = NewsFactory(published_at=None)
    scheduled = NewsFactory(published_at=days(5))

    run_action(staff_client, NEWS, "publish_selected", [draft, scheduled])

    assert all(item.is_published for item in News.objects.all())


# --- Digest tools ------------------------------------------------------------------------------


@pytest.fixture
def daily_reader(member):
    """The member, on a daily digest, with a new call in it and another person on the same run."""
    SubscriptionFactory(user=member, frequency="daily")
    CallFactory(title_en="Urban data spaces", title_et="Linnaandmeruumid")
    return member


def test_the_preview_shows_the_items_and_both_parts_without_saving_anything(staff_client, daily_reader):
    subscription = daily_reader.subscription

    response = staff_client.get(f"{SUBSCRIPTIONS}{subscription.pk}/preview/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Linnaandmeruumid" in page  # the member reads Estonian
    assert f"{SUBSCRIPTIONS}{subscription.pk}/preview/email.html" in page
    assert "<iframe" in page and "sandbox" in page
    assert response.context["text"]
    assert not DigestDelivery.objects.exists()
    assert not OutboxEmail.objects.exists()


def test_the_previewed_html_is_served_sandboxed_for_the_preview_frame_only(staff_client, daily_reader):
    response = staff_client.get(f"{SUBSCRIPTIONS}{daily_reader.subscription.pk}/preview/email.html")

    assert response.status_code == 200
    assert "Linnaandmeruumid" in response.content.decode()
    policy = response["Content-Security-Policy"]
    assert "sandbox" in policy
    assert "frame-ancestors 'self'" in policy
    assert "script-src" not in policy and "default-src 'none'" in policy
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_a_person_who_turned_digests_off_is_previewed_as_weekly(staff_client, member):
    SubscriptionFactory(user=member, frequency="off")

    response = staff_client.get(f"{SUBSCRIPTIONS}{member.subscription.pk}/preview/")

    assert response.status_code == 200
    assert response.context["kind"] == "weekly"


def test_a_preview_with_nothing_new_says_it_would_not_be_sent(staff_client, member):
    SubscriptionFactory(user=member, frequency="daily")

    response = staff_client.get(f"{SUBSCRIPTIONS}{member.subscription.pk}/preview/")

    assert response.context["digest"].is_empty
    assert "empty digests are not sent" in response.content.decode()


@pytest.mark.parametrize("junk", ["999999", "x"])
def test_previewing_a_subscription_that_does_not_exist_is_a_404(staff_client, junk):
    assert staff_client.get(f"{SUBSCRIPTIONS}{junk}/preview/").status_code == 404
    assert staff_client.get(f"{SUBSCRIPTIONS}{junk}/preview/email.html").status_code == 404


def test_the_recipients_page_counts_who_a_run_would_mail(staff_client, daily_reader, other_member):
    SubscriptionFactory(user=other_member, frequency="daily")
    SubscriptionFactory(user=MembershipFactory().user, frequency="weekly")

    response = staff_client.get(f"{RECIPIENTS}?kind=daily")

    assert response.status_code == 200
    assert response.context["total"] == 2
    people = {digest.user for digest, _count in response.context["rows"]}
    assert people == {daily_reader, other_member}
    assert all(count >= 1 for _digest, count in response.context["rows"])
    assert "A run now would mail 2 people." in response.content.decode()
    assert not DigestDelivery.objects.exists()


@pytest.mark.parametrize("kind", ["weekly", "monthly", "reminder", "nonsense"])
def test_the_recipients_page_opens_for_every_kind_and_junk(staff_client, kind):
    assert staff_client.get(f"{RECIPIENTS}?kind={kind}").status_code == 200


def test_run_now_queues_the_run_which_plans_the_digests(staff_client, daily_reader, mail_after_commit):
    with mail_after_commit():
        response = staff_client.post(RUN_NOW, {"kind": "daily"})

    assert response.status_code == 302
    assert response["Location"] == f"{RECIPIENTS}?kind=daily"
    assert DigestRun.objects.filter(kind="daily").exists()
    delivery = DigestDelivery.objects.get(user=daily_reader, kind="daily")
    assert delivery.item_count >= 1 and delivery.email is not None
    messages = [str(message) for message in response.wsgi_request._messages]
    assert any("Queued a daily digest run" in message for message in messages)


def test_run_now_queues_reminders_through_their_own_task(staff_client, monkeypatch):
    from funding import tasks

    queued = []
    monkeypatch.setattr(tasks.send_reminders, "delay_on_commit", lambda *args: queued.append(("reminders", args)))
    monkeypatch.setattr(tasks.run_digests, "delay_on_commit", lambda *args: queued.append(("digests", args)))

    staff_client.post(RUN_NOW, {"kind": "reminder"})
    staff_client.post(RUN_NOW, {"kind": "monthly"})

    assert queued == [("reminders", ()), ("digests", ("monthly",))]


def test_run_now_wants_a_post_and_a_known_kind(staff_client, monkeypatch):
    from funding import tasks

    queued = []
    monkeypatch.setattr(tasks.run_digests, "delay_on_commit", lambda *args: queued.append(args))

    assert staff_client.get(RUN_NOW).status_code == 405
    assert staff_client.post(RUN_NOW, {"kind": "hourly"}).status_code == 302
    assert queued == []


def test_staff_who_may_only_view_runs_cannot_start_one(client, monkeypatch):
    from funding import tasks

    queued = []
    monkeypatch.setattr(tasks.run_digests, "delay_on_commit", lambda *args: queued.append(args))
    client.force_login(make_staff("view_digestrun"))

    assert client.get(f"{RECIPIENTS}?kind=daily").status_code == 200
    assert client.post(RUN_NOW, {"kind": "daily"}).status_code == 403
    assert queued == []


def test_the_delivery_list_shows_the_email_status_with_a_link_to_the_outbox(staff_client, member):
    email = OutboxEmail.objects.create(
        kind="digest",
        to=member.email,
        from_email="x@example.ee",
        subject="Your weekly digest",
        body_text="Hi",
        message_id="<d1@x>",
        status="failed",
        last_error="550 mailbox unavailable",
    )
    DigestDeliveryFactory(user=member, email=email, item_count=4)

    page = staff_client.get(DELIVERIES).content.decode()

    assert f"/admin/messaging/outboxemail/{email.pk}/change/" in page
    assert email.get_status_display() in page


def test_subscriptions_are_found_by_email(staff_client, member, other_member):
    response = staff_client.get(f"{SUBSCRIPTIONS}?q={member.email}")

    assert [subscription.user for subscription in listed(response)] == [member]
    assert Subscription.objects.count() >= 2
