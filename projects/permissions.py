"""Who may see and change what in projects. Every view asks here.

`get_project_for` is the one way a view loads a project by its address: a project the
person may not see is a 404 (members-only projects cannot be probed), one they may see
but not change is a 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from members.models import Membership, MembershipStatus, Role
from projects.models import ParticipantRole, Participation, Project

VIEW = "view"
EDIT = "edit"  # edit the project, decide requests, invite, hand over the lead
POST_UPDATE = "post_update"


def lead_organisation_id(project):
    return (
        Participation.objects.filter(project=project, role=ParticipantRole.LEAD)
        .values_list("organisation_id", flat=True)
        .first()
    )


def is_lead_admin(user, project):
    """An admin of the lead organisation (or staff) manages the project."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return Membership.objects.filter(
        user=user,
        role=Role.ADMIN,
        organisation__participations__project=project,
        organisation__participations__role=ParticipantRole.LEAD,
    ).exists()


def is_participant(user, project):
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(user=user, organisation__participations__project=project).exists()


def organisations_acting_for(user, *, admin_only=False):
    """Active member organisations on whose behalf the person may request to join projects."""
    if not user.is_authenticated:
        return Membership.objects.none()
    memberships = Membership.objects.filter(user=user, organisation__membership_status=MembershipStatus.ACTIVE)
    if admin_only:
        memberships = memberships.filter(role=Role.ADMIN)
    return memberships.values_list("organisation_id", flat=True)


def can_act_for(user, organisation, *, admin_only=False):
    return organisation.pk in set(organisations_acting_for(user, admin_only=admin_only))


def get_project_for(user, slug, action=VIEW, queryset=None):
    queryset = queryset if queryset is not None else Project.objects.all()
    project = queryset.visible_to(user).filter(slug=slug).first()
    if project is None:
        raise Http404
    if action == EDIT and not is_lead_admin(user, project):
        raise PermissionDenied
    if action == POST_UPDATE and not (is_participant(user, project) or (user.is_authenticated and user.is_staff)):
        raise PermissionDenied
    return project
