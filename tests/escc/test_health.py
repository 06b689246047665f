"""/healthz reports the database, cache and broker, and answers 503 (never 500) when one is down."""

import pytest
from django.db import OperationalError

from escc.celery import app as celery_app

DEAD_REDIS = "redis://127.0.0.1:1/0"


@pytest.mark.django_db
def test_all_up_answers_200_with_each_check(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {
            "database": {"ok": True, "error": None},
            "cache": {"ok": True, "error": None},
            "broker": {"ok": True, "error": None},
        },
    }
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_cache_down_answers_503_naming_the_cache(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": DEAD_REDIS}}

    response = client.get("/healthz")

    body = response.json()
    assert response.status_code == 503
    assert body["status"] == "unavailable"
    assert body["checks"]["cache"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True


@pytest.mark.django_db
def test_broker_down_answers_503_naming_the_broker(client, monkeypatch):
    monkeypatch.setattr(celery_app.conf, "broker_url", DEAD_REDIS)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["broker"]["ok"] is False


@pytest.mark.django_db
def test_database_down_answers_503_not_500(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("escc.health.connection.cursor", refuse)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["database"] == {"ok": False, "error": "OperationalError"}
