"""Following calls, saving searches, and the My calls page."""

import pytest

from funding.models import CallFollow, SavedSearch
from funding.services import following
from funding.services.calendar import calendar_feed_for
from tests.factories import CallFactory, CallFollowFactory, SavedSearchFactory

pytestmark = pytest.mark.django_db

MY_CALLS = "/en/calls/mine/"
SAVE = "/en/calls/searches/"


# --- Services ------------------------------------------------------------------------------


def test_following_twice_keeps_one_follow(member):
    call = CallFactory()

    following.follow_call(call, user=member)
    following.follow_call(call, user=member)

    assert CallFollow.objects.filter(user=member, call=call).count() == 1


def test_a_draft_cannot_be_followed(staff):
    with pytest.raises(following.FollowingError):
        following.follow_call(CallFactory(draft=True), user=staff)


def test_unfollowing_a_call_not_followed_changes_nothing(member):
    following.unfollow_call(CallFactory(), user=member)

    assert not CallFollow.objects.exists()


def test_saved_query_keeps_only_the_filters_sorted_without_page_or_sort():
    query = "sort=title&page=3&status=open&q=+bus+&status=closing_soon&utm_source=x&programme_kind=&q=bus"

    assert following.normalise_query(query) == "q=bus&status=closing_soon&status=open"


def test_same_search_saved_twice_is_one_row(member):
    first, created = following.save_search(user=member, name="Buses", query="status=open&q=bus")
    second, created_again = following.save_search(user=member, name="Again", query="q=bus&status=open&page=2")

    assert created and not created_again
    assert first == second
    assert SavedSearch.objects.get().name == "Buses"


def test_search_without_filters_is_refused(member):
    with pytest.raises(following.FollowingError):
        following.save_search(user=member, name="All", query="sort=title&page=2")


def test_saved_searches_per_person_are_limited(member):
    for number in range(following.MAX_SAVED_SEARCHES):
        SavedSearchFactory(user=member, query=f"q=word{number}")

    with pytest.raises(following.FollowingError):
        following.save_search(user=member, name="One more", query="q=more")


def test_deleting_another_persons_search_leaves_it(member, other_member):
    search = SavedSearchFactory(user=other_member)

    following.delete_saved_search(search, user=member)

    assert SavedSearch.objects.filter(pk=search.pk).exists()


# --- Follow and unfollow views ----------------------------------------------------------


def test_member_follows_a_call_and_is_sent_back_to_it(client, member):
    call = CallFactory()
    client.force_login(member)

    response = client.post(f"/en/calls/{call.slug}/follow/", follow=True)

    assert response.redirect_chain[-1][0] == f"/en/calls/{call.slug}/"
    assert "You follow this call" in response.content.decode()
    assert CallFollow.objects.filter(user=member, call=call).exists()


def test_member_unfollows_a_call(client, member):
    call = CallFollowFactory(user=member).call
    client.force_login(member)

    response = client.post(f"/en/calls/{call.slug}/unfollow/")

    assert response.status_code == 302
    assert not CallFollow.objects.exists()


def test_follow_by_get_is_405(client, member):
    client.force_login(member)

    assert client.get(f"/en/calls/{CallFactory().slug}/follow/").status_code == 405


def test_visitor_is_sent_to_sign_in(client):
    response = client.post(f"/en/calls/{CallFactory().slug}/follow/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not CallFollow.objects.exists()


def test_following_a_draft_or_unknown_call_is_404(client, member):
    client.force_login(member)

    assert client.post(f"/en/calls/{CallFactory(draft=True).slug}/follow/").status_code == 404
    assert client.post("/en/calls/nothing-here/follow/").status_code == 404


# --- Saved search views -------------------------------------------------------------


def test_member_saves_a_search_and_sees_its_results(client, member):
    client.force_login(member)

    response = client.post(SAVE, {"name": "Buses", "query": "q=bus&page=2"}, follow=True)

    search = SavedSearch.objects.get(user=member)
    assert search.query == "q=bus"
    assert response.redirect_chain[-1][0] == "/en/calls/?q=bus"
    assert "Search saved." in response.content.decode()


def test_saving_the_same_search_again_says_it_is_saved_already(client, member):
    SavedSearchFactory(user=member, name="Buses", query="q=bus")
    client.force_login(member)

    response = client.post(SAVE, {"name": "Other name", "query": "q=bus"}, follow=True)

    assert SavedSearch.objects.count() == 1
    assert "You have already saved this search as “Buses”." in response.content.decode()


@pytest.mark.parametrize("data", [{"name": "", "query": "q=bus"}, {"name": "All", "query": ""}, {}])
def test_saving_without_a_name_or_filters_saves_nothing_and_says_why(client, member, data):
    client.force_login(member)

    response = client.post(SAVE, data, follow=True)

    assert response.status_code == 200
    assert not SavedSearch.objects.exists()
    assert "message--error" in response.content.decode()


def test_member_deletes_their_own_search(client, member):
    search = SavedSearchFactory(user=member)
    client.force_login(member)

    response = client.post(f"/en/calls/searches/{search.pk}/delete/")

    assert response.status_code == 302
    assert response["Location"] == MY_CALLS
    assert not SavedSearch.objects.exists()


def test_deleting_someone_elses_search_is_404(client, member, other_member):
    search = SavedSearchFactory(user=other_member)
    client.force_login(member)

    assert client.post(f"/en/calls/searches/{search.pk}/delete/").status_code == 404
    assert SavedSearch.objects.filter(pk=search.pk).exists()


# --- My calls ----------------------------------------------------------------------------------


def test_my_calls_needs_sign_in(client):
    response = client.get(MY_CALLS)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_my_calls_lists_followed_calls_searches_and_the_calendar_address(client, member, other_member, settings):
    settings.SITE_URL = "https://portal.example.ee"
    CallFollowFactory(user=member, call=CallFactory(title="Followed call"))
    CallFollowFactory(user=other_member, call=CallFactory(title="Someone else's call"))
    SavedSearchFactory(user=member, name="My buses", query="q=bus")
    client.force_login(member)

    html = client.get(MY_CALLS).content.decode()

    token = calendar_feed_for(member).token
    assert "Followed call" in html
    assert "Someone else's call" not in html
    assert 'href="/en/calls/?q=bus">My buses</a>' in html
    assert f'value="https://portal.example.ee/en/calls/deadlines/{token}.ics"' in html
    assert 'action="/en/calls/deadlines/reset/"' in html
    assert "Closes in" in html


def test_account_menu_links_to_my_calls(client, member):
    client.force_login(member)

    assert f'href="{MY_CALLS}" aria-current="page"' in client.get(MY_CALLS).content.decode()


@pytest.mark.parametrize("count", [3, 25])
def test_my_calls_queries_do_not_grow(client, member, assert_page_queries, count):
    for number in range(count):
        CallFollowFactory(user=member, call=CallFactory(second_deadline=None))
        SavedSearchFactory(user=member, query=f"q=word{number}")
    client.force_login(member)
    calendar_feed_for(member)

    # Session, user, the calendar address, followed calls, saved searches, and the header's inbox count.
    assert_page_queries(MY_CALLS, 6)
