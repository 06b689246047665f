"""Named reads of members' data. Pages get everything they show from a `with_*` method."""

from django.db import models
from django.db.models import Case, Q, When
from django.utils import timezone


class OrganisationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(membership_status="active")

    def visible_to(self, user):
        """Active members for everyone; staff see all; people see their own organisation."""
        if user.is_authenticated and user.is_staff:
            return self
        if user.is_authenticated:
            return self.filter(Q(membership_status="active") | Q(memberships__user=user)).distinct()
        return self.active()

    def with_directory_details(self):
        """What a directory card shows: focus areas, competences, and the staleness flag."""
        from members.models import PROFILE_CONFIRMATION_PERIOD

        stale_before = timezone.now() - PROFILE_CONFIRMATION_PERIOD
        return self.prefetch_related("focus_areas", "competences").annotate(
            is_stale=Case(
                When(profile_confirmed_at__lt=stale_before, then=True),
                When(profile_confirmed_at__isnull=True, created_at__lt=stale_before, then=True),
                default=False,
                output_field=models.BooleanField(),
            )
        )

    def administered_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user, memberships__role="admin")


def is_cluster_member(user):
    """Staff, or a person in an active member organisation: who may see people and contacts."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    from members.models import Membership

    return Membership.objects.filter(user=user, organisation__membership_status="active").exists()
