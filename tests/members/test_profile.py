import pytest

from members.models import User


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
