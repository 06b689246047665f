"""Probes for /healthz: each answers None when healthy or a short reason when not.

They never raise, so the health view can always answer (503 when something is down).
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection

from escc.celery import app as celery_app


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any failure is "down"
        return type(error).__name__
    return None


def check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", timeout=5)
        if cache.get(key) != "1":
            return "value not read back"
        cache.delete(key)
    except Exception as error:  # noqa: BLE001
        return type(error).__name__
    return None


def check_broker():
    if settings.CELERY_TASK_ALWAYS_EAGER and settings.CELERY_BROKER_URL.startswith("memory://"):
        return None
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as error:  # noqa: BLE001
        return type(error).__name__
    return None


CHECKS = {"database": check_database, "cache": check_cache, "broker": check_broker}


def run_checks():
    return {name: check() for name, check in CHECKS.items()}
