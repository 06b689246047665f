"""The inbox: sentences in the reader's language, unread marks, marking read, the header's count,
and the choice of e-mail or inbox only per kind of notification."""

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from messaging.context_processors import notifications as notifications_context
from messaging.models import Notification
from projects.models import NotificationKind
from tests.factories import JoinRequestFactory, OrganisationFactory, ProjectFactory, project_notification

pytestmark = pytest.mark.django_db

INBOX_URL = "/en/notifications/"
READ_URL = "/en/notifications/read/"
SETTINGS_URL = "/en/notifications/settings/"


@pytest.fixture
def project(organisation):
    return ProjectFactory(slug="smart-bus-stops", title="Smart bus stops", lead=organisation)


def notify(recipient, kind, project, *, organisation=None, join_request=None, is_read=False, minutes_ago=0):
    notification = project_notification(
        recipient=recipient,
        kind=kind,
        project=project,
        organisation=organisation,
        join_request=join_request,
        is_read=is_read,
    )
    # created_at is auto_now_add: set an age to test the order.
    Notification.objects.filter(pk=notification.pk).update(created_at=timezone.now() - timedelta(minutes=minutes_ago))
    return notification


def page(response):
    return response.content.decode()


# --- The list ---------------------------------------------------------------------------------


def test_each_kind_reads_as_a_sentence_about_its_project_and_organisation(
    client, project, org_admin, other_organisation
):
    accepted = JoinRequestFactory(project=project, organisation=other_organisation, status="accepted")
    declined = JoinRequestFactory(
        project=ProjectFactory(title="Green roofs"), organisation=other_organisation, status="declined"
    )
    for kind, join_request in [
        (NotificationKind.REQUEST_RECEIVED, None),
        (NotificationKind.REQUEST_DECIDED, accepted),
        (NotificationKind.INVITATION_RECEIVED, None),
        (NotificationKind.INVITATION_DECIDED, declined),
        (NotificationKind.PARTICIPANT_LEFT, None),
        (NotificationKind.LEAD_CHANGED, None),
        (NotificationKind.UPDATE_POSTED, None),
    ]:
        notify(
            org_admin,
            kind,
            join_request.project if join_request else project,
            organisation=other_organisation,
            join_request=join_request,
        )
    client.force_login(org_admin)

    html = page(client.get(INBOX_URL))

    for sentence in [
        "Air Sense Ltd asks to join Smart bus stops",
        "The request of Air Sense Ltd to join Smart bus stops was accepted",
        "Air Sense Ltd is invited to join Smart bus stops",
        "Air Sense Ltd declined the invitation to Green roofs",
        "Air Sense Ltd left Smart bus stops",
        "Air Sense Ltd now leads Smart bus stops",
        "Air Sense Ltd posted an update in Smart bus stops",
    ]:
        assert sentence in html


def test_sentences_follow_the_readers_language(client, project, org_admin, other_organisation):
    notify(org_admin, NotificationKind.REQUEST_RECEIVED, project, organisation=other_organisation)
    client.force_login(org_admin)

    html = page(client.get("/et/notifications/"))

    # The organisation's name is written at display time, in the page's language.
    assert "Õhuseire AS" in html
    assert "Air Sense Ltd" not in html


def test_names_are_escaped_once(client, org_admin, organisation):
    project = ProjectFactory(title="Bus <stops> & more", lead=organisation)
    notify(org_admin, NotificationKind.PARTICIPANT_LEFT, project, organisation=OrganisationFactory(name_en="A&B Ltd"))
    client.force_login(org_admin)

    html = page(client.get(INBOX_URL))

    assert "A&amp;B Ltd left Bus &lt;stops&gt; &amp; more" in html
    assert "&amp;amp;" not in html


def test_newest_first_unread_marked_in_words_and_read_ones_as_plain_links(
    client, project, org_admin, other_organisation
):
    notify(
        org_admin,
        NotificationKind.PARTICIPANT_LEFT,
        project,
        organisation=other_organisation,
        is_read=True,
        minutes_ago=60,
    )
    unread = notify(org_admin, NotificationKind.LEAD_CHANGED, project, organisation=other_organisation, minutes_ago=5)
    client.force_login(org_admin)

    html = page(client.get(INBOX_URL))

    assert html.index("now leads") < html.index("left Smart bus stops")
    assert html.count('class="inbox-item__new">New</span>') == 1
    assert "1 unread notification" in html
    assert f'name="notification" value="{unread.pk}"' in html
    assert (
        '<a href="/en/projects/smart-bus-stops/" class="inbox-item__text">Air Sense Ltd left Smart bus stops</a>'
        in html
    )


def test_the_notification_number_in_the_form_has_no_thousands_separator(client, project, org_admin, other_organisation):
    project_notification(
        pk=1234567,
        recipient=org_admin,
        kind=NotificationKind.LEAD_CHANGED,
        project=project,
        organisation=other_organisation,
    )
    client.force_login(org_admin)

    assert 'name="notification" value="1234567"' in page(client.get(INBOX_URL))


def test_requests_and_invitations_link_to_the_answers_on_the_dashboard(client, project, org_admin, other_organisation):
    notify(org_admin, NotificationKind.REQUEST_RECEIVED, project, organisation=other_organisation, is_read=True)
    client.force_login(org_admin)

    assert 'href="/en/projects/mine/#waiting"' in page(client.get(INBOX_URL))


def test_a_decision_shows_its_note(client, project, other_member, other_organisation):
    declined = JoinRequestFactory(
        project=project, organisation=other_organisation, status="declined", decision_note="We are full."
    )
    notify(
        other_member, NotificationKind.REQUEST_DECIDED, project, organisation=other_organisation, join_request=declined
    )
    client.force_login(other_member)

    html = page(client.get(INBOX_URL))

    assert "The request of Air Sense Ltd to join Smart bus stops was declined" in html
    assert "We are full." in html


def test_only_ones_own_notifications_are_listed(client, project, org_admin, other_member, other_organisation):
    notify(other_member, NotificationKind.LEAD_CHANGED, project, organisation=other_organisation)
    client.force_login(org_admin)

    html = page(client.get(INBOX_URL))

    assert "now leads" not in html
    assert "Nothing here yet." in html


def test_the_inbox_has_pages_of_twenty(client, project, org_admin, other_organisation):
    for minutes in range(25):
        notify(
            org_admin, NotificationKind.PARTICIPANT_LEFT, project, organisation=other_organisation, minutes_ago=minutes
        )
    client.force_login(org_admin)

    first, second = page(client.get(INBOX_URL)), page(client.get(INBOX_URL + "?page=2"))

    assert first.count('<li class="inbox-item') == 20
    assert second.count('<li class="inbox-item') == 5
    assert 'href="?page=2"' in first


def test_visitor_is_sent_to_sign_in(client):
    for url in [INBOX_URL, SETTINGS_URL]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/")
    assert client.post(READ_URL)["Location"].startswith("/en/accounts/login/")


@pytest.mark.parametrize("count", [5, 50])
def test_inbox_runs_the_same_queries_whatever_the_number_of_notifications(
    client, project, org_admin, other_organisation, assert_page_queries, count
):
    for index in range(count):
        join_request = JoinRequestFactory(project=project, organisation=OrganisationFactory(), status="accepted")
        notify(
            org_admin,
            NotificationKind.REQUEST_DECIDED,
            project,
            organisation=join_request.organisation,
            join_request=join_request,
            is_read=index % 2 == 0,
        )
    client.force_login(org_admin)

    # session, user, count for the pages, the page of notifications, its projects, requests and
    # organisations (projects' renderer), the waiting answers (projects' notice), the unread count
    response = assert_page_queries(INBOX_URL, 9)

    assert page(response).count('<li class="inbox-item') == min(count, 20)


def test_the_inbox_says_how_many_answers_wait_and_where(client, project, org_admin, other_organisation):
    # A request created without its notification (as older data and imports have): the
    # inbox still tells the lead's admin that it waits, with the same count as the dashboard.
    JoinRequestFactory(project=project, organisation=other_organisation)
    JoinRequestFactory(project=project, organisation=OrganisationFactory())
    client.force_login(org_admin)

    text = page(client.get(INBOX_URL))

    assert "2 requests and invitations wait for your answer" in text
    assert 'href="/en/projects/mine/#waiting"' in text
    dashboard = page(client.get("/en/projects/mine/"))
    assert dashboard.count("/accept/") == 2


def test_the_inbox_says_nothing_of_answers_when_none_wait(client, project, org_admin, other_organisation):
    JoinRequestFactory(project=project, organisation=other_organisation, status="declined")
    client.force_login(org_admin)

    assert "wait for your answer" not in page(client.get(INBOX_URL))


# --- Marking read -----------------------------------------------------------------------------


def test_opening_an_unread_notification_marks_it_read_and_goes_to_its_page(
    client, project, org_admin, other_organisation
):
    opened = notify(org_admin, NotificationKind.LEAD_CHANGED, project, organisation=other_organisation)
    other = notify(org_admin, NotificationKind.PARTICIPANT_LEFT, project, organisation=other_organisation)
    client.force_login(org_admin)

    response = client.post(READ_URL, {"notification": opened.pk, "next": "/en/projects/smart-bus-stops/"})

    assert response.status_code == 302
    assert response["Location"] == "/en/projects/smart-bus-stops/"
    opened.refresh_from_db()
    other.refresh_from_db()
    assert (opened.is_read, other.is_read) == (True, False)


def test_mark_all_as_read_marks_only_ones_own(client, project, org_admin, other_member, other_organisation):
    mine = [
        notify(org_admin, NotificationKind.LEAD_CHANGED, project, organisation=other_organisation) for _ in range(3)
    ]
    theirs = notify(other_member, NotificationKind.LEAD_CHANGED, project, organisation=other_organisation)
    client.force_login(org_admin)

    response = client.post(READ_URL, follow=True)

    assert response.redirect_chain == [(INBOX_URL, 302)]
    assert "All notifications are marked as read." in page(response)
    assert not Notification.objects.filter(pk__in=[n.pk for n in mine], is_read=False).exists()
    theirs.refresh_from_db()
    assert theirs.is_read is False


def test_someone_elses_notification_cannot_be_marked_read(client, project, org_admin, other_member, other_organisation):
    theirs = notify(other_member, NotificationKind.LEAD_CHANGED, project, organisation=other_organisation)
    client.force_login(org_admin)

    client.post(READ_URL, {"notification": theirs.pk})

    theirs.refresh_from_db()
    assert theirs.is_read is False


def test_marking_read_never_redirects_off_site(client, project, org_admin, other_organisation):
    notification = notify(org_admin, NotificationKind.LEAD_CHANGED, project, organisation=other_organisation)
    client.force_login(org_admin)

    response = client.post(READ_URL, {"notification": notification.pk, "next": "https://evil.example/"})

    assert response["Location"] == INBOX_URL


@pytest.mark.parametrize("junk", ["²", "abc", "1e3"])
def test_a_junk_notification_id_is_refused_and_marks_nothing(client, project, org_admin, other_organisation, junk):
    notification = notify(org_admin, NotificationKind.LEAD_CHANGED, project, organisation=other_organisation)
    client.force_login(org_admin)

    response = client.post(READ_URL, {"notification": junk})

    assert response.status_code == 400
    notification.refresh_from_db()
    assert notification.is_read is False


def test_marking_read_is_a_post_only(client, org_admin):
    client.force_login(org_admin)

    assert client.get(READ_URL).status_code == 405


# --- The header's count -------------------------------------------------------------------------


def test_header_shows_my_projects_and_the_unread_count_in_words(client, project, org_admin, other_organisation):
    for _ in range(3):
        notify(org_admin, NotificationKind.LEAD_CHANGED, project, organisation=other_organisation)
    notify(org_admin, NotificationKind.LEAD_CHANGED, project, organisation=other_organisation, is_read=True)
    client.force_login(org_admin)

    html = page(client.get("/en/"))

    assert '<a href="/en/projects/mine/">My projects</a>' in html
    assert (
        '<a href="/en/notifications/">Inbox <span class="projects-unread-badge">'
        '3<span class="projects-sr-only"> unread</span></span></a>'
    ) in html


def test_header_inbox_without_unread_has_no_count(client, org_admin):
    client.force_login(org_admin)

    html = page(client.get("/en/"))

    assert '<a href="/en/notifications/">Inbox</a>' in html


def test_visitors_get_no_inbox_and_no_count(client):
    html = page(client.get("/en/"))

    assert "/en/notifications/" not in html
    assert "/en/projects/mine/" not in html


def test_the_count_costs_one_query_however_often_a_page_shows_it(
    org_admin, project, other_organisation, django_assert_num_queries
):
    for _ in range(2):
        notify(org_admin, NotificationKind.LEAD_CHANGED, project, organisation=other_organisation)
    request = RequestFactory().get("/")
    request.user = org_admin

    count = notifications_context(request)["unread_notification_count"]

    with django_assert_num_queries(1):
        assert (count(), count()) == (2, 2)


def test_the_count_is_nothing_for_visitors():
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = AnonymousUser()

    assert notifications_context(request) == {}
