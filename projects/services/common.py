"""Small pieces the service modules share: who belongs where, locks, the lead."""

from django.utils.translation import gettext as _

from members.models import Membership, Organisation, Role
from projects.models import ParticipantRole, Participation, Project
from projects.services.errors import ProjectError


def is_person_of(user, organisation, *, admin_only=False):
    """Whether the person is one of the organisation's people (an admin, if `admin_only`)."""
    if user is None or not user.is_authenticated:
        return False
    memberships = Membership.objects.filter(user=user, organisation=organisation)
    if admin_only:
        memberships = memberships.filter(role=Role.ADMIN)
    return memberships.exists()


def is_staff(user):
    return user is not None and user.is_authenticated and user.is_staff


def lock_project(project):
    """Re-read the project under a row lock: writes about one project's people queue up here."""
    return Project.objects.select_for_update().get(pk=project.pk)


def lead_organisation(project):
    participation = (
        Participation.objects.filter(project=project, role=ParticipantRole.LEAD).select_related("organisation").first()
    )
    return participation.organisation if participation else None


def refuse_closed(project):
    if project.is_closed:
        raise ProjectError(_("This project is completed or cancelled: it no longer takes new partners."))


def refuse_inactive(organisation):
    if not organisation.is_active_member:
        raise ProjectError(
            _("%(organisation)s is not an active member of the cluster, so it cannot join projects.")
            % {"organisation": organisation.name}
        )


def refuse_participant(project, organisation):
    if Participation.objects.filter(project=project, organisation=organisation).exists():
        raise ProjectError(
            _("%(organisation)s already takes part in this project.") % {"organisation": organisation.name}
        )


def refuse_unknown_role(proposed_role):
    if proposed_role not in ParticipantRole.values or proposed_role == ParticipantRole.LEAD:
        raise ProjectError(
            _("Choose the role the organisation would have: partner, research partner, pilot site or test partner.")
        )


def reload_organisation(organisation):
    return Organisation.objects.get(pk=organisation.pk)


def others(people, actor):
    """Nobody is notified of what they did themselves."""
    return [person for person in people if person is not None and person.pk != getattr(actor, "pk", None)]
