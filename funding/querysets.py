"""Named reads of calls and news. The status is computed here in SQL, the same way as Call.status."""

from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone


class CallQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state="published")

    def with_status(self, now=None):
        """Annotate `next_deadline_at` (first deadline still ahead, NULL if none) and `current_status`.

        Mirrors Call.next_deadline and Call.status, so the list filters and sorts by what
        the page shows.
        """
        from funding.models import CLOSING_SOON, CallStatus

        now = now or timezone.now()
        next_deadline = Case(
            When(deadline__gte=now, then=F("deadline")),
            When(second_deadline__gte=now, then=F("second_deadline")),
            default=None,
            output_field=models.DateTimeField(),
        )
        return self.annotate(next_deadline_at=next_deadline).annotate(
            current_status=Case(
                When(opens_at__gt=now, then=Value(CallStatus.FORTHCOMING.value)),
                When(deadline__isnull=True, then=Value(CallStatus.OPEN.value)),
                When(next_deadline_at__isnull=True, then=Value(CallStatus.CLOSED.value)),
                When(next_deadline_at__lte=now + CLOSING_SOON, then=Value(CallStatus.CLOSING_SOON.value)),
                default=Value(CallStatus.OPEN.value),
                output_field=models.CharField(),
            )
        )

    def with_status_in(self, statuses, now=None):
        return self.with_status(now).filter(current_status__in=list(statuses))

    def not_closed(self, now=None):
        now = now or timezone.now()
        return self.filter(Q(deadline__isnull=True) | Q(deadline__gte=now) | Q(second_deadline__gte=now))

    def by_nearest_deadline(self):
        """Soonest next deadline first; rolling intake after them; closed calls last, latest first.

        Needs with_status().
        """
        return self.order_by(
            F("next_deadline_at").asc(nulls_last=True),
            F("deadline").desc(nulls_first=True),
            "pk",
        )

    def with_card_details(self):
        return self.select_related("programme").prefetch_related("focus_areas", "eligible_kinds")

    def eligible_for(self, kind):
        """Calls open to organisations of `kind`: those listing it, and those listing no kind at all."""
        from funding.models import EligibleKind

        listed = EligibleKind.objects.filter(call=models.OuterRef("pk"))
        return self.filter(models.Exists(listed.filter(kind=kind)) | ~models.Exists(listed))


class NewsQuerySet(models.QuerySet):
    def published(self, now=None):
        """Items whose publication time has come: drafts (no time) and scheduled ones are left out."""
        return self.filter(published_at__lte=now or timezone.now())
