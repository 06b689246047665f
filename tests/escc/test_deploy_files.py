"""The deployment files name only things that exist, and agree with each other and the README.

There is no Docker engine to build or start them here, so these checks read the files: every
command a container runs must point at a real config file, module or management command.
"""

import importlib.util
import json
import os
import re
import secrets
import shlex
import subprocess
import sys
from pathlib import Path

import yaml
from celery.app.utils import find_app
from django.core.management import get_commands
from django.urls import resolve
from django.utils.module_loading import import_string

PROJECT_ROOT = Path(__file__).resolve().parents[2]
APP_SERVICES = ["web", "worker", "beat", "migrate"]


def compose():
    return yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text())


def command_words(command):
    return shlex.split(command) if isinstance(command, str) else list(command)


def dockerfile_instructions(keyword):
    """The arguments of each `keyword` instruction, continuation lines joined."""
    text = (PROJECT_ROOT / "Dockerfile").read_text()
    logical_lines = re.sub(r"\\\n\s*", " ", text).splitlines()
    return [line.split(None, 1)[1].strip() for line in logical_lines if line.split(None, 1)[:1] == [keyword]]


def heading_level(line):
    return len(line) - len(line.lstrip("#")) if re.match(r"#+ ", line) else 0


def readme_section(title):
    """The README's section under the heading `title`, up to the next heading of its level or above."""
    lines = (PROJECT_ROOT / "README.md").read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if heading_level(line) and line.lstrip("#").strip() == title)
    level = heading_level(lines[start])
    rest = lines[start + 1 :]
    end = next((i for i, line in enumerate(rest) if 0 < heading_level(line) <= level), len(rest))
    return "\n".join(rest[:end])


def assert_gunicorn_target_exists(words):
    assert words[:2] == ["gunicorn", "-c"], words
    config_file, wsgi_module = words[2:]
    assert (PROJECT_ROOT / config_file).is_file()
    assert importlib.util.find_spec(wsgi_module.split(":")[0]) is not None


def assert_celery_target_exists(words):
    assert words[:3] == ["celery", "-A", "escc"], words
    assert find_app("escc").main == "escc"
    assert importlib.util.find_spec("escc.celery") is not None
    if "--scheduler" in words:
        scheduler = words[words.index("--scheduler") + 1]
        assert import_string(scheduler.replace(":", "."))


def assert_management_command_exists(words):
    assert words[:2] == ["python", "manage.py"], words
    assert words[2] in get_commands()


def test_compose_has_every_service():
    assert set(compose()["services"]) == {"web", "worker", "beat", "migrate", "db", "redis", "mail"}


def test_compose_uses_no_top_level_keys_that_older_compose_rejects():
    assert not {"name", "include", "version"} & set(compose())


def test_every_compose_command_names_something_real():
    checked = []
    for name, service in compose()["services"].items():
        if "command" not in service:
            continue
        words = command_words(service["command"])
        if words[0] == "gunicorn":
            assert_gunicorn_target_exists(words)
        elif words[0] == "celery":
            assert_celery_target_exists(words)
        else:
            assert_management_command_exists(words)
        checked.append(name)

    assert sorted(checked) == sorted(APP_SERVICES)


def test_web_worker_and_beat_share_one_production_environment():
    services = compose()["services"]
    environment = services["web"]["environment"]

    for name in APP_SERVICES:
        assert services[name]["environment"] == environment
    assert environment["DEBUG"] == "false"
    # Compose refuses to start, rather than run with an empty or guessed key.
    assert environment["SECRET_KEY"].startswith("${SECRET_KEY:?")
    assert environment["DATABASE_URL"].startswith("postgres://")
    assert environment["REDIS_URL"].startswith("redis://redis:")
    assert environment["EMAIL_URL"] == "smtp://mail:1025"


def test_app_services_start_only_after_the_migration_succeeded():
    services = compose()["services"]

    for name in ["web", "worker", "beat"]:
        assert services[name]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}
    assert services["migrate"]["depends_on"]["db"] == {"condition": "service_healthy"}
    assert "healthcheck" in services["db"]
    assert "healthcheck" in services["redis"]


def test_web_health_check_asks_a_host_the_portal_answers_to():
    web = compose()["services"]["web"]
    probe = " ".join(web["healthcheck"]["test"])

    assert "urllib" in probe
    assert "http://127.0.0.1:8000/healthz" in probe
    assert resolve("/healthz").url_name == "healthz"
    assert "127.0.0.1" in web["environment"]["ALLOWED_HOSTS"].split(",")


def test_dockerfile_cmd_is_the_compose_web_command():
    (cmd,) = dockerfile_instructions("CMD")

    assert json.loads(cmd) == command_words(compose()["services"]["web"]["command"])


def test_dockerfile_installs_production_dependencies_only_and_runs_as_a_non_root_user():
    runs = dockerfile_instructions("RUN")

    assert "pip install --no-cache-dir ." in runs
    assert any("collectstatic --noinput" in run for run in runs)
    (user,) = dockerfile_instructions("USER")
    assert user not in {"root", "0"}


def test_readme_lists_every_dockerfile_run_step():
    section = readme_section("Building the image")

    for run in dockerfile_instructions("RUN"):
        assert run in section


def test_env_example_lists_every_variable_the_settings_read():
    settings_source = (PROJECT_ROOT / "escc/settings.py").read_text()
    gunicorn_source = (PROJECT_ROOT / "escc/gunicorn.conf.py").read_text()
    read_by_settings = set(re.findall(r"""env(?:\.\w+)?\(\s*["']([A-Z0-9_]+)["']""", settings_source))
    read_by_settings |= set(re.findall(r"""["']([A-Z0-9_]+)["'] in env\b""", settings_source))
    read_by_gunicorn = set(re.findall(r"""os\.environ\.get\(\s*["']([A-Z0-9_]+)["']""", gunicorn_source))
    example_lines = (PROJECT_ROOT / ".env.example").read_text().splitlines()
    documented = {match[1] for line in example_lines if (match := re.match(r"# ([A-Z0-9_]+)=", line))}

    assert "EMAIL_URL" in read_by_settings
    assert documented == read_by_settings | read_by_gunicorn
    # Commented out: a copied .env.example changes nothing until someone chooses a value.
    assert all(line == "" or line.startswith("#") for line in example_lines)


def test_gunicorn_loads_the_application_in_production_mode(tmp_path):
    gunicorn = Path(sys.executable).parent / "gunicorn"
    env = os.environ | {
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'gunicorn.sqlite3'}",
    }

    result = subprocess.run(
        [gunicorn, "--check-config", "-c", "escc/gunicorn.conf.py", "escc.wsgi"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
