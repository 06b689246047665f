import json
import logging

import structlog
from django.conf import settings

from escc.log_format import json_formatter


def test_log_lines_are_json_with_the_request_id():
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Not Found: %s", ("/x",), None)

    with structlog.contextvars.bound_contextvars(request_id="abc-123"):
        line = json_formatter().format(record)

    entry = json.loads(line)
    assert entry["event"] == "Not Found: /x"
    assert entry["request_id"] == "abc-123"
    assert entry["level"] == "warning"
    assert "timestamp" in entry


def test_requests_get_an_id_and_logs_go_to_stdout():
    assert "django_structlog.middlewares.RequestMiddleware" in settings.MIDDLEWARE
    assert settings.LOGGING["handlers"]["stdout"]["stream"] == "ext://sys.stdout"
    assert settings.LOGGING["handlers"]["stdout"]["formatter"] == "json"
