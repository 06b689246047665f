"""A call's page: what it shows, drafts as staff previews, following, consortia for it, and its queries."""

from datetime import timedelta

import pytest
from django.utils import timezone

from funding.models import CallFollow
from tests.factories import CallFactory, CallFollowFactory, ProgrammeFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db


def url(call, language="en"):
    return f"/{language}/calls/{call.slug}/"


def test_page_shows_the_call_rendered_and_sanitised(client):
    call = CallFactory(
        title="Smart buses",
        description="Consortia of **three**.<script>alert(1)</script>",
        eligible_kinds=["company"],
        programme=ProgrammeFactory(name="Horizon Europe", website="https://horizon.example.eu/"),
        budget_eur=5000000,
    )

    html = client.get(url(call)).content.decode()

    assert ">Smart buses</h1>" in html
    assert "<strong>three</strong>" in html
    assert "<script>alert" not in html
    assert "Company" in html
    assert 'href="https://horizon.example.eu/"' in html
    assert 'href="https://ec.europa.eu/info/funding-tenders/"' in html
    assert "5,000,000 €" in html
    assert "Closes in" in html


def test_call_open_to_anyone_says_so(client):
    assert "Organisations of any kind." in client.get(url(CallFactory())).content.decode()


def test_estonian_page_marks_an_english_only_summary(client):
    call = CallFactory(summary_et="", summary_en="Pilots with the city.")

    label = '<span class="text-language" lang="et">inglise keeles</span>'
    summary = f'<p class="org-lead" lang="en">Pilots with the city. {label}</p>'
    assert summary in client.get(url(call, "et")).content.decode()


def test_draft_is_404_for_everyone_but_staff(client, member):
    call = CallFactory(draft=True)

    assert client.get(url(call)).status_code == 404
    client.force_login(member)
    assert client.get(url(call)).status_code == 404


def test_staff_preview_a_draft_with_a_notice_and_an_admin_link(client, staff):
    call = CallFactory(draft=True)
    client.force_login(staff)

    html = client.get(url(call)).content.decode()

    assert "Draft: this call is not published." in html
    assert "Follow this call" not in html
    assert f'href="/admin/funding/call/{call.pk}/change/">Edit in admin</a>' in html


def test_staff_without_the_change_permission_do_not_see_drafts(client):
    call = CallFactory(draft=True)
    client.force_login(UserFactory(is_staff=True))

    assert client.get(url(call)).status_code == 404


def test_members_get_no_admin_link(client, member):
    client.force_login(member)

    assert "Edit in admin" not in client.get(url(CallFactory())).content.decode()


def test_unknown_call_is_404(client):
    assert client.get("/en/calls/no-such-call/").status_code == 404


def test_visitor_is_asked_to_sign_in_to_follow(client):
    call = CallFactory()

    html = client.get(url(call)).content.decode()

    assert f'href="/en/accounts/login/?next=/en/calls/{call.slug}/"' in html
    assert "Follow this call" not in html


def test_signed_in_person_sees_follow_then_stop_following(client, member):
    call = CallFactory()
    client.force_login(member)

    assert "Follow this call" in client.get(url(call)).content.decode()
    CallFollow.objects.create(user=member, call=call)
    assert "Stop following" in client.get(url(call)).content.decode()


def test_consortia_are_listed_open_for_partners_first(client):
    call = CallFactory()
    ProjectFactory(slug="a-closed", title="A closed consortium", target_call=call, is_open_for_joining=False)
    ProjectFactory(slug="b-open", title="B open consortium", target_call=call, is_open_for_joining=True)
    ProjectFactory(slug="elsewhere", title="Other call's project", target_call=CallFactory())

    html = client.get(url(call)).content.decode()

    assert html.index("B open consortium") < html.index("A closed consortium")
    assert "Other call's project" not in html
    assert "See the project and ask to join" in html


def test_members_only_consortia_are_hidden_from_visitors(client, member):
    call = CallFactory()
    ProjectFactory(title="Secret consortium", target_call=call, visibility="members")

    assert "Secret consortium" not in client.get(url(call)).content.decode()
    client.force_login(member)
    assert "Secret consortium" in client.get(url(call)).content.decode()


def make_consortia(call, count):
    for number in range(count):
        ProjectFactory(target_call=call, is_open_for_joining=bool(number % 2), lead=None)


@pytest.mark.parametrize("count", [2, 12])
def test_page_queries_do_not_grow_with_consortia(assert_page_queries, count):
    call = CallFactory(eligible_kinds=["company"], focus_areas=[])
    make_consortia(call, count)

    # The call, its focus areas and eligible kinds; the projects with their focus areas,
    # sought kinds and competences, and lead participations.
    assert_page_queries(url(call), 8)


def test_member_page_queries_are_fixed(client, member, assert_page_queries):
    call = CallFactory()
    make_consortia(call, 5)
    CallFollowFactory(user=member, call=call)
    client.force_login(member)

    # The visitor's 8, plus session, user, cluster membership, following, and the header's inbox count.
    assert_page_queries(url(call), 13)


def test_closed_call_page_still_answers(client):
    call = CallFactory(opens_at=timezone.now() - timedelta(days=60), deadline=timezone.now() - timedelta(days=1))

    response = client.get(url(call))

    assert response.status_code == 200
    assert "Closed" in response.content.decode()


def test_a_closed_call_offers_no_follow_but_its_followers_can_stop(client, member):
    call = CallFactory(opens_at=timezone.now() - timedelta(days=60), deadline=timezone.now() - timedelta(days=1))
    client.force_login(member)

    assert "Follow this call" not in client.get(url(call)).content.decode()
    CallFollow.objects.create(user=member, call=call)
    assert "Stop following" in client.get(url(call)).content.decode()
