"""Named reads of projects. A page gets what it shows from one `with_*` method."""

from datetime import timedelta

from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q, prefetch_related_objects
from django.utils import timezone

from members.querysets import is_cluster_member


class ProjectQuerySet(models.QuerySet):
    def visible_to(self, user, *, in_cluster=None):
        """Public projects for everyone; members-only ones for cluster members and participants.

        `in_cluster` is `is_cluster_member(user)` when the caller has asked it already.
        """
        if in_cluster is None:
            in_cluster = is_cluster_member(user)
        if user.is_authenticated and in_cluster:
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
        return self.prefetch_related("focus_areas", "sought_kinds", "sought_competences", _leads())

    def with_page_details(self):
        """The project page: card details, the funding call it targets, every participant with its contact people."""
        from projects.models import Participation

        return (
            self.with_card_details()
            .select_related("target_call")
            .prefetch_related(
                Prefetch(
                    "participations",
                    queryset=Participation.objects.select_related("organisation").prefetch_related("contact_people"),
                    to_attr="all_participations",
                ),
            )
        )


class JoinRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status="pending")

    # --- Joining and the dashboard --------------------------------------------------------
    # "Deciding" belongs to the side that did not send: a REQUEST is answered by the lead's
    # admins, an INVITATION by the invited organisation's admins. These filters are the rule;
    # views use them to authorise and the dashboard to list.

    def concerning(self, user):
        """Requests a person has something to do with: their organisation asks or is asked, or leads the project."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self
        own = _organisation_ids(user)
        return self.filter(Q(organisation_id__in=own) | Q(project_id__in=_projects_led_by(own)))

    def decidable_by(self, user):
        """What the person may accept or decline (staff: everything)."""
        if user.is_authenticated and user.is_staff:
            return self
        return self.waiting_for(user, pending_only=False)

    def waiting_for(self, user, *, pending_only=True):
        """Pending requests to projects the person's organisations lead, and invitations to their
        organisations, where the person is an admin: the dashboard's "waiting for your decision"."""
        if not user.is_authenticated:
            return self.none()
        admin_of = _organisation_ids(user, admin_only=True)
        queryset = self.filter(
            Q(direction="request", project_id__in=_projects_led_by(admin_of))
            | Q(direction="invitation", organisation_id__in=admin_of)
        )
        return queryset.pending() if pending_only else queryset

    def withdrawable_by(self, user):
        """What the sending side may take back: a request by the requesting organisation's
        people; an invitation by the lead's admins (staff: everything)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self
        return self.filter(_withdrawable_condition(user))

    def sent_by(self, user):
        """Requests the person's organisations sent, and invitations from projects they lead,
        with `can_withdraw` for the person."""
        if not user.is_authenticated:
            return self.none()
        own = _organisation_ids(user)
        withdrawable = Q(status="pending")
        if not user.is_staff:
            withdrawable &= _withdrawable_condition(user)
        return self.filter(
            Q(direction="request", organisation_id__in=own)
            | Q(direction="invitation", project_id__in=_projects_led_by(own))
        ).annotate(can_withdraw=models.ExpressionWrapper(withdrawable, output_field=models.BooleanField()))

    def recent_or_pending(self, *, days=180):
        since = timezone.now() - timedelta(days=days)
        return self.filter(
            Q(status="pending") | Q(decided_at__gte=since) | Q(decided_at__isnull=True, created_at__gte=since)
        )

    def with_dashboard_details(self):
        """What a dashboard row shows: the project, the organisation, the sender (the lead: `attach_leads`)."""
        return self.select_related("project", "organisation", "created_by", "decided_by")


def _organisation_ids(user, *, admin_only=False):
    from members.models import Membership

    memberships = Membership.objects.filter(user=user)
    if admin_only:
        memberships = memberships.filter(role="admin")
    return memberships.values("organisation_id")


def _projects_led_by(organisation_ids):
    from projects.models import Participation

    return Participation.objects.filter(role="lead", organisation_id__in=organisation_ids).values("project_id")


def _withdrawable_condition(user):
    return Q(direction="request", organisation_id__in=_organisation_ids(user)) | Q(
        direction="invitation", project_id__in=_projects_led_by(_organisation_ids(user, admin_only=True))
    )


def projects_of_person(user):
    """The dashboard's projects: those the person's organisations take part in, newest change first.

    Each project carries `my_participations` (the person's organisations in it, with
    `can_leave` and `can_manage` for the person); `attach_leads` adds the leads.
    """
    from members.models import Membership
    from projects.models import Participation, Project

    if not user.is_authenticated:
        return Project.objects.none()
    own = _organisation_ids(user)
    is_admin = models.Exists(
        Membership.objects.filter(user=user, role="admin", organisation_id=OuterRef("organisation_id"))
    )
    mine = (
        Participation.objects.filter(organisation_id__in=own)
        .select_related("organisation")
        .annotate(
            can_leave=models.Case(
                models.When(is_admin & ~Q(role="lead"), then=True), default=False, output_field=models.BooleanField()
            ),
            can_manage=models.Case(
                models.When(is_admin & Q(role="lead"), then=True), default=False, output_field=models.BooleanField()
            ),
        )
        .order_by("organisation__name", "pk")
    )
    return (
        Project.objects.filter(pk__in=Participation.objects.filter(organisation_id__in=own).values("project_id"))
        .prefetch_related(Prefetch("participations", queryset=mine, to_attr="my_participations"))
        .order_by("-updated_at", "pk")
    )


def attach_leads(projects):
    """Give each project its `lead_participations` (with the organisation), one query for all.

    For a page whose lists show the leads of overlapping sets of projects: one query instead
    of a prefetch per list. The same project may come several times, as different objects.
    """
    prefetch_related_objects(projects, _leads())
    return projects


def _leads():
    """The lead of each project, with its organisation, as `lead_participations`."""
    from projects.models import Participation

    return Prefetch(
        "participations",
        queryset=Participation.objects.filter(role="lead").select_related("organisation"),
        to_attr="lead_participations",
    )
