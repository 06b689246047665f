import pytest
from django.urls import reverse

from members.models import FocusArea


@pytest.mark.django_db
def test_home_says_what_the_cluster_is_in_estonian(client):
    response = client.get("/et/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="et">' in html
    assert "Eesti Nutika Linna Klaster" in html
    assert "Nutikas ja roheline liikuvus" in html


@pytest.mark.django_db
def test_home_lists_focus_areas_and_five_services_in_english(client):
    response = client.get("/en/")

    html = response.content.decode()
    assert '<html lang="en">' in html
    for area in FocusArea.objects.all():
        assert area.name_en in html
    assert html.count('<li class="card"><h3>') == 5


@pytest.mark.django_db
def test_home_runs_a_fixed_number_of_queries(client, member, assert_page_queries):
    for number in range(20):
        FocusArea.objects.create(slug=f"extra-{number}", name_et=f"Lisa {number}", name_en=f"Extra {number}")
    client.force_login(member)

    # session, user, unread notifications, focus areas
    assert_page_queries(reverse("home"), 4)
