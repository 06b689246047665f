"""The Celery app: configuration that keeps work from being lost, and the health task."""

import pytest
from celery.contrib.django.task import DjangoTask

from escc import tasks
from escc.celery import app


def test_tasks_are_acknowledged_late_one_at_a_time():
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    assert app.conf.worker_prefetch_multiplier == 1
    assert app.conf.timezone == "Europe/Tallinn"


def test_every_task_can_be_sent_after_commit():
    assert isinstance(tasks.health, DjangoTask)
    assert callable(tasks.health.delay_on_commit)


def test_tasks_are_discovered_and_beat_keeps_schedules_in_the_database():
    app.loader.import_default_modules()

    assert "escc.health" in app.tasks
    assert app.conf.beat_scheduler == "django_celery_beat.schedulers:DatabaseScheduler"


def test_health_task_answers_ok():
    assert tasks.health.delay().get()["status"] == "ok"


@pytest.mark.django_db
def test_delay_on_commit_waits_for_the_transaction(django_capture_on_commit_callbacks, monkeypatch):
    sent = []
    monkeypatch.setattr(tasks.health, "delay", lambda *a, **k: sent.append(a))

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        tasks.health.delay_on_commit()
        assert sent == []

    assert len(callbacks) == 1
    assert sent == [()]
