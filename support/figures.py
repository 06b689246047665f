"""The queue's figures: median time to first answer and to done, per service and month asked.

On PostgreSQL one grouped query with PERCENTILE_CONT does it all in the database, whatever
the number of requests; the embedded SQLite mode has no percentile, so there the medians are
taken in Python over the same rows. A request not yet answered or not yet done counts only
in the columns it has reached (the percentile skips the NULLs).
"""

import statistics

from django.db import connection
from django.db.models import Aggregate, Case, Count, F, FloatField, When
from django.db.models.functions import Extract, TruncMonth

from support.models import RequestStatus, Service


class Median(Aggregate):
    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def response_times(queryset):
    """Rows of (month, service, its label, asked, median hours to first answer, median days to done), newest first."""
    rows = _in_postgresql(queryset) if connection.vendor == "postgresql" else _in_python(queryset)
    labels = dict(Service.choices)
    return [{**row, "label": labels.get(row["service"], row["service"])} for row in rows]


def _in_postgresql(queryset):
    to_answer = Extract(F("first_answered_at") - F("created_at"), "epoch") / 3600
    to_done = Case(When(status=RequestStatus.DONE, then=Extract(F("closed_at") - F("created_at"), "epoch") / 86400))
    return list(
        queryset.annotate(month=TruncMonth("created_at"))
        .values("month", "service")
        .annotate(asked=Count("pk"), hours_to_answer=Median(to_answer), days_to_done=Median(to_done))
        .order_by("-month", "service")
    )


def _in_python(queryset):
    groups = {}
    rows = queryset.annotate(month=TruncMonth("created_at")).values_list(
        "month", "service", "status", "created_at", "first_answered_at", "closed_at"
    )
    for month, service, status, created, answered, closed in rows.order_by():
        group = groups.setdefault((month, service), {"asked": 0, "answer": [], "done": []})
        group["asked"] += 1
        if answered:
            group["answer"].append((answered - created).total_seconds() / 3600)
        if closed and status == RequestStatus.DONE:
            group["done"].append((closed - created).total_seconds() / 86400)
    ordered = sorted(groups.items(), key=lambda item: (-item[0][0].toordinal(), item[0][1]))
    return [
        {
            "month": month,
            "service": service,
            "asked": group["asked"],
            "hours_to_answer": statistics.median(group["answer"]) if group["answer"] else None,
            "days_to_done": statistics.median(group["done"]) if group["done"] else None,
        }
        for (month, service), group in ordered
    ]
