"""The panel's size and make-up over time, for staff: a fixed number of queries at any panel size."""

from collections import Counter
from datetime import timedelta

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from livinglab import choices
from livinglab.models import ConsentEvent, Panellist

MONTHS = 12


def _by_month(queryset, field):
    since = (timezone.now() - timedelta(days=31 * MONTHS)).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    rows = (
        queryset.filter(**{f"{field}__gte": since})
        .annotate(month=TruncMonth(field))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    return {row["month"].date().replace(day=1): row["n"] for row in rows}


def overview():
    on_panel = Panellist.objects.on_panel()
    joined = _by_month(Panellist.objects.all(), "joined_at")
    withdrawn = _by_month(ConsentEvent.objects.filter(action=ConsentEvent.Action.WITHDRAWN), "at")
    months = sorted(set(joined) | set(withdrawn))
    year = timezone.now().year
    ages = Counter()
    for row in on_panel.values("birth_year").annotate(n=Count("pk")).order_by():
        ages[choices.age_band_of(choices.age_in(year, row["birth_year"]))] += row["n"]

    def grouped(field, labels):
        counts = dict(on_panel.values_list(field).annotate(n=Count("pk")).order_by())
        return [(str(label), counts.get(value, 0)) for value, label in labels]

    return {
        "size": on_panel.count(),
        "withdrawn": Panellist.objects.filter(withdrawn_at__isnull=False).count(),
        "months": [(month, joined.get(month, 0), withdrawn.get(month, 0)) for month in months],
        "make_up": [  # (heading key for the template, [(label, count)])
            ("age", [(str(band.label), ages.get(band.code, 0)) for band in choices.AGE_BANDS]),
            ("gender", grouped("gender", [*choices.Gender.choices, ("", "—")])),
            ("municipality", grouped("municipality", choices.MUNICIPALITY_CHOICES)),
            ("digital_skill", grouped("digital_skill", choices.DigitalSkill.choices)),
            ("test_frequency", grouped("test_frequency", choices.TestFrequency.choices)),
        ],
    }
