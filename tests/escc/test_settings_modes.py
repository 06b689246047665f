"""The settings' modes, each loaded in a fresh interpreter with a controlled environment.

Settings are read once per process, so every mode needs its own subprocess (about a second each):
keep these few.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# Variables the suite itself runs with (Makefile's `test`), removed so each mode starts clean.
SUITE_VARIABLES = [
    "DATABASE_URL",
    "REDIS_URL",
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "EMAIL_URL",
    "CELERY_TASK_ALWAYS_EAGER",
    "CELERY_BROKER_URL",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
]

# A developer's .env would leak into every mode: the child skips reading it.
IGNORE_DOT_ENV = "import environ; environ.Env.read_env = lambda *args, **kwargs: None"

PRINT_SETTINGS = """
import json
from django.conf import settings
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "ENGINE": settings.DATABASES["default"]["ENGINE"],
    "CACHE": settings.CACHES["default"]["BACKEND"],
    "BROKER": settings.CELERY_BROKER_URL,
    "EAGER": settings.CELERY_TASK_ALWAYS_EAGER,
    "EMAIL_BACKEND": settings.EMAIL_BACKEND,
    "EMAIL_TIMEOUT": settings.EMAIL_TIMEOUT,
    "SESSION_ENGINE": settings.SESSION_ENGINE,
}))
"""

DEPLOY_CHECK = """
from django.core.management import execute_from_command_line
execute_from_command_line(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
"""


def run_python(code, **variables):
    env = {name: value for name, value in os.environ.items() if name not in SUITE_VARIABLES}
    env["DJANGO_SETTINGS_MODULE"] = "escc.settings"
    env.update(variables)
    return subprocess.run(
        [sys.executable, "-c", f"{IGNORE_DOT_ENV}\n{code}"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def load_settings(**variables):
    result = run_python(PRINT_SETTINGS, **variables)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def error_line(result):
    assert result.returncode != 0
    return result.stderr.strip().splitlines()[-1]


def production_secret_key():
    return secrets.token_urlsafe(50)


def test_no_variables_gives_the_embedded_mode():
    settings = load_settings()

    assert settings["DEBUG"] is True
    assert settings["ENGINE"] == "django.db.backends.sqlite3"
    assert settings["CACHE"] == "django.core.cache.backends.locmem.LocMemCache"
    assert settings["BROKER"] == "memory://"
    assert settings["EAGER"] is True
    assert settings["EMAIL_BACKEND"] in {
        "django.core.mail.backends.filebased.EmailBackend",
        "django.core.mail.backends.console.EmailBackend",
    }
    assert settings["EMAIL_TIMEOUT"] > 0
    assert settings["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"


def test_database_and_redis_urls_switch_to_postgresql_redis_and_a_real_broker():
    settings = load_settings(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/escc",
        REDIS_URL="redis://127.0.0.1:6379/1",
    )

    assert settings["ENGINE"] == "django.db.backends.postgresql"
    assert settings["CACHE"] == "django.core.cache.backends.redis.RedisCache"
    assert settings["BROKER"] == "redis://127.0.0.1:6379/1"
    assert settings["EAGER"] is False
    # Sessions stay in the database, so a Redis outage signs nobody out.
    assert settings["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"


def test_production_refuses_to_start_without_a_secret_key():
    result = run_python(PRINT_SETTINGS, DEBUG="false", ALLOWED_HOSTS="portal.example.ee")

    line = error_line(result)
    assert "ImproperlyConfigured" in line
    assert "SECRET_KEY" in line


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_python(PRINT_SETTINGS, DEBUG="false", SECRET_KEY=production_secret_key())

    line = error_line(result)
    assert "ImproperlyConfigured" in line
    assert "ALLOWED_HOSTS" in line


def test_production_settings_pass_the_deploy_check_without_warnings(tmp_path):
    result = run_python(
        DEPLOY_CHECK,
        DEBUG="false",
        SECRET_KEY=production_secret_key(),
        ALLOWED_HOSTS="portal.example.ee",
        DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
