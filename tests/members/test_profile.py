import pytest

from members.models import Membership, User
from tests.factories import MembershipFactory


@pytest.mark.django_db
def test_person_changes_their_name_and_language(client, member):
    client.force_login(member)

    response = client.post("/et/me/", {"display_name": "Mari Uus", "preferred_language": "en"}, follow=True)

    member.refresh_from_db()
    assert (member.display_name, member.preferred_language) == ("Mari Uus", "en")
    assert "Sinu profiil on salvestatud." in response.content.decode()


@pytest.mark.django_db
def test_bad_input_is_explained_next_to_the_field_and_kept(client, member):
    client.force_login(member)

    response = client.post("/en/me/", {"display_name": "Kept Name", "preferred_language": "xx"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_preferred_language_errors"' in html
    assert 'aria-invalid="true"' in html
    assert 'value="Kept Name"' in html
    assert 'class="error-summary"' in html
    assert User.objects.get(pk=member.pk).preferred_language == "et"


def profile_data(user, **titles):
    data = {"display_name": user.display_name, "preferred_language": user.preferred_language}
    data.update({f"job_title_{membership.pk}": title for membership, title in titles.values()})
    return data


@pytest.mark.django_db
def test_person_changes_their_job_title_in_each_organisation(client, member, organisation):
    second = MembershipFactory(user=member, job_title="Adviser")
    first = member.memberships.get(organisation=organisation)
    client.force_login(member)

    response = client.post(
        "/en/me/",
        profile_data(member, a=(first, "  Chief   data officer "), b=(second, "Board member")),
    )

    assert response.status_code == 302
    titles = dict(Membership.objects.filter(user=member).values_list("organisation__slug", "job_title"))
    assert titles == {organisation.slug: "Chief data officer", second.organisation.slug: "Board member"}


@pytest.mark.django_db
def test_person_cannot_change_someone_elses_job_title(client, member, other_member):
    theirs = other_member.memberships.get()
    client.force_login(member)

    client.post("/en/me/", {**profile_data(member), f"job_title_{theirs.pk}": "Hijacked"})

    assert Membership.objects.get(pk=theirs.pk).job_title == "Project manager"


@pytest.mark.django_db
def test_over_long_job_title_is_explained_and_kept(client, member):
    membership = member.memberships.get()
    client.force_login(member)

    response = client.post("/en/me/", profile_data(member, a=(membership, "T" * 151)))

    html = response.content.decode()
    assert f'id="id_job_title_{membership.pk}_errors"' in html
    assert "T" * 151 in html
    assert Membership.objects.get(pk=membership.pk).job_title == "Project manager"


@pytest.mark.django_db
def test_page_shows_the_title_for_each_organisation_and_links_admins_to_the_edit_page(client, org_admin, member):
    client.force_login(org_admin)
    admin_page = client.get("/en/me/").content.decode()
    client.force_login(member)
    member_page = client.get("/en/me/").content.decode()

    assert "Job title at Tartu Mobility Ltd" in admin_page
    assert 'value="Project manager"' in admin_page
    assert 'href="/en/members/tartu-mobility/edit/"' in admin_page
    assert 'href="/en/members/tartu-mobility/edit/"' not in member_page
    assert 'href="/en/members/tartu-mobility/"' in member_page


@pytest.mark.django_db
@pytest.mark.parametrize("organisations", [1, 8])
def test_profile_page_runs_the_same_queries_for_one_or_many_organisations(
    organisations, client, member, assert_page_queries
):
    for _ in range(organisations - 1):
        MembershipFactory(user=member)
    client.force_login(member)

    response = assert_page_queries("/en/me/", 4)

    assert response.content.decode().count('name="job_title_') == organisations
