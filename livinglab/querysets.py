"""Named reads of the living lab."""

from django.db import models
from django.utils import timezone

from livinglab import choices


class PanellistQuerySet(models.QuerySet):
    def matchable(self, terms_version):
        """Panellists who may be matched now: consent to the terms in force, not withdrawn, old enough.

        `terms_version` is the version in force (None when no terms are published: nobody).
        """
        if terms_version is None:
            return self.none()
        youngest_birth_year = timezone.now().year - choices.MINIMUM_AGE
        return self.filter(
            terms_version=terms_version,
            withdrawn_at__isnull=True,
            user__is_active=True,
            birth_year__lte=youngest_birth_year,
        )

    def on_panel(self):
        """Everyone who has not withdrawn: the panel's size as the public page shows it."""
        return self.filter(withdrawn_at__isnull=True, user__is_active=True)

    def with_profile(self):
        return self.select_related("user").prefetch_related("interests")


class CampaignQuerySet(models.QuerySet):
    def owned_by(self, organisation_ids):
        return self.filter(organisation_id__in=organisation_ids)

    def with_owner(self):
        return self.select_related("organisation", "project", "proposed_by")


class ParticipationQuerySet(models.QuerySet):
    def holding_a_place(self):
        """Invitations not yet answered and accepted places: the ones that count against the testers wanted."""
        return self.filter(status__in=[self.model.Status.INVITED, self.model.Status.ACCEPTED])

    def status_counts(self):
        """{status: how many} in one query."""
        rows = self.values("status").annotate(n=models.Count("pk")).order_by()
        return {row["status"]: row["n"] for row in rows}

    def with_campaign(self):
        return self.select_related("campaign", "campaign__organisation")
