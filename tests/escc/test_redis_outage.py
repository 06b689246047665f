"""With Redis down, pages that need no Redis answer; sign-in says clearly that it cannot."""

import pytest

from tests.factories import TEST_PASSWORD

DEAD_REDIS = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
}


@pytest.fixture
def redis_down(settings):
    settings.CACHES = DEAD_REDIS


@pytest.mark.django_db
def test_home_and_profile_still_answer(client, member, redis_down):
    assert client.get("/et/").status_code == 200
    client.force_login(member)
    assert client.get("/en/me/").status_code == 200


@pytest.mark.django_db
def test_sign_in_answers_503_with_a_clear_message(client, member, redis_down):
    response = client.post("/en/accounts/login/", {"login": member.email, "password": TEST_PASSWORD})

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "Please try again in a few minutes" in response.content.decode()


@pytest.mark.django_db
def test_sign_in_message_is_estonian_on_estonian_pages(client, member, redis_down):
    response = client.post("/et/accounts/login/", {"login": member.email, "password": TEST_PASSWORD})

    assert response.status_code == 503
    assert "Palun proovi mõne minuti pärast uuesti" in response.content.decode()
