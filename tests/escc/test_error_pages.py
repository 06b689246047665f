import pytest
from django.template.loader import render_to_string
from django.utils import translation


@pytest.mark.django_db
def test_missing_page_answers_404_in_the_site_design(client):
    response = client.get("/et/no-such-page/")

    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="et">' in html
    assert "Lehte ei leitud" in html
    assert 'class="site-header"' in html


@pytest.mark.django_db
def test_forbidden_page_answers_403_in_the_site_design(client, member):
    client.force_login(member)

    # The admin sends a signed-in non-staff person to its login, which refuses them.
    response = client.get("/admin/login/")

    assert response.status_code == 403
    assert "Pole lubatud" in response.content.decode()


def test_server_error_page_renders_without_a_request():
    with translation.override("en"):
        html = render_to_string("500.html")

    assert "Something went wrong" in html
    assert "/static/css/site.css" in html
