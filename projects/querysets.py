"""Named reads of projects. A page gets what it shows from one `with_*` method."""

from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from members.querysets import is_cluster_member


class ProjectQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Public projects for everyone; members-only ones for cluster members and participants."""
        if user.is_authenticated and is_cluster_member(user):
            return self
        if user.is_authenticated:
            from projects.models import Participation

            own = Participation.objects.filter(project=OuterRef("pk"), organisation__memberships__user=user)
            return self.filter(Q(visibility="public") | Exists(own))
        return self.filter(visibility="public")

    def open_for_partners(self, *, today=None):
        today = today or timezone.localdate()
        return (
            self.filter(is_open_for_joining=True)
            .exclude(stage__in=["completed", "cancelled"])
            .filter(Q(partner_search_ends_on__isnull=True) | Q(partner_search_ends_on__gte=today))
        )

    def led_by(self, organisation):
        return self.filter(participations__organisation=organisation, participations__role="lead")

    def with_card_details(self):
        """What a project card shows: lead organisation, focus areas, sought kinds and competences."""
        from projects.models import Participation

        return self.prefetch_related(
            "focus_areas",
            "sought_kinds",
            "sought_competences",
            Prefetch(
                "participations",
                queryset=Participation.objects.filter(role="lead").select_related("organisation"),
                to_attr="lead_participations",
            ),
        )

    def with_page_details(self):
        """The project page: card details plus every participant with its contact people."""
        from projects.models import Participation

        return self.with_card_details().prefetch_related(
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("organisation").prefetch_related("contact_people"),
                to_attr="all_participations",
            ),
        )


class JoinRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status="pending")
