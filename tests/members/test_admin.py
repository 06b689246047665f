"""Staff manage people and focus areas in the Django admin."""

import pytest

from members.models import FocusArea

ADMIN_PAGES = [
    "/admin/",
    "/admin/members/user/",
    "/admin/members/user/add/",
    "/admin/members/focusarea/",
    "/admin/django_celery_beat/periodictask/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_staff_with_two_factor_open_the_admin_pages(client, staff, path):
    client.force_login(staff)

    assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_staff_edit_a_focus_area_in_both_languages(client, staff):
    client.force_login(staff)
    area = FocusArea.objects.get(slug="tourism")

    page = client.get(f"/admin/members/focusarea/{area.pk}/change/").content.decode()

    assert 'name="name_et"' in page
    assert 'name="name_en"' in page


@pytest.mark.django_db
def test_staff_search_people_by_name(client, staff, member):
    client.force_login(staff)

    response = client.get("/admin/members/user/", {"q": "Mari"})

    assert member.email in response.content.decode()
