"""Structured logging: one JSON object per line on stdout.

Both structlog's loggers (django-structlog's request events, ours) and the standard
library's (Django, Celery) go through the same processors, so every line carries the
request id that django-structlog's middleware binds for the request.
"""

import structlog

SHARED_PROCESSORS = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_logger_name,
    structlog.stdlib.add_log_level,
    # Fields passed as logging's `extra=` become keys of the JSON line.
    structlog.stdlib.ExtraAdder(),
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]


def configure_structlog():
    structlog.configure(
        processors=[
            *SHARED_PROCESSORS,
            structlog.stdlib.filter_by_level,
            structlog.processors.StackInfoRenderer(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )


def _formatter(renderer):
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=SHARED_PROCESSORS,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            renderer,
        ],
    )


def json_formatter():
    return _formatter(structlog.processors.JSONRenderer())


def console_formatter():
    return _formatter(structlog.dev.ConsoleRenderer(colors=False))
