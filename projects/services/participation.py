"""Who takes part in a project and how: leaving, the lead removing a partner or changing its
role, and handing the lead over to another participant.

A project always has exactly one lead (a database constraint): the lead cannot leave or be
removed, and a handover demotes the old lead before it promotes the new one, in one
transaction. Every write locks the project row first, then the participation rows.
"""

import structlog
from django.db import transaction
from django.utils.translation import gettext as _

from projects.models import JOINABLE_ROLES, NotificationKind, ParticipantRole, Participation
from projects.notifications import notify, people_to_notify
from projects.permissions import is_lead_admin
from projects.services.common import (
    is_person_of,
    is_staff,
    lead_organisation,
    lock_project,
    others,
    refuse_inactive,
    reload_organisation,
)
from projects.services.errors import ProjectError

logger = structlog.get_logger(__name__)


def leave_project(participation, *, actor) -> None:
    """Take an organisation out of a project; its admins and staff may.

    The lead cannot leave: it hands the lead over first. The lead's admins are notified.
    Raises ProjectError if the organisation has already left.
    """
    with transaction.atomic():
        project = lock_project(participation.project)
        locked = _lock_participation(participation)
        if not (is_staff(actor) or is_person_of(actor, locked.organisation, admin_only=True)):
            raise ProjectError(_("Only the organisation's admins can take it out of a project."))
        if locked.role == ParticipantRole.LEAD:
            raise ProjectError(_("The lead cannot leave the project: hand the lead over to another participant first."))
        locked.delete()
        lead = lead_organisation(project)
        notify(
            NotificationKind.PARTICIPANT_LEFT,
            project=project,
            recipients=others(people_to_notify(lead, admins_only=True), actor) if lead else [],
            organisation=locked.organisation,
        )


def remove_partner(participation, *, actor) -> None:
    """The lead's admins (or staff) take a partner organisation out of the project.

    The lead cannot be removed (hand the lead over first). The removed organisation's
    people are notified. Raises ProjectError if it no longer takes part.
    """
    with transaction.atomic():
        project = lock_project(participation.project)
        # Checked under the lock: an admin of a lead that was just replaced may no longer act.
        if not is_lead_admin(actor, project):
            raise ProjectError(_("Only the lead organisation's admins can remove a partner."))
        locked = _lock_participation(participation)
        if locked.role == ParticipantRole.LEAD:
            raise ProjectError(
                _("The lead cannot be removed from its project: hand the lead over to another participant first.")
            )
        locked.delete()
        notify(
            NotificationKind.PARTNER_REMOVED,
            project=project,
            recipients=others(people_to_notify(locked.organisation, admins_only=False), actor),
            organisation=locked.organisation,
        )
    logger.info(
        "projects.partner.removed",
        project_id=project.pk,
        organisation_id=locked.organisation_id,
        role=locked.role,
        actor_id=actor.pk,
    )


def change_partner_role(participation, *, actor, role) -> Participation:
    """The lead's admins (or staff) give a partner another role: partner, research partner, pilot site or test partner.

    The lead's own role changes only by handing the lead over. The partner's admins and
    contact people are notified. Returns the participation.
    """
    if role not in dict(JOINABLE_ROLES):
        raise ProjectError(
            _("Choose the role the organisation would have: partner, research partner, pilot site or test partner.")
        )
    with transaction.atomic():
        project = lock_project(participation.project)
        if not is_lead_admin(actor, project):
            raise ProjectError(_("Only the lead organisation's admins can change a partner's role."))
        locked = _lock_participation(participation)
        if locked.role == ParticipantRole.LEAD:
            raise ProjectError(_("The lead's role changes only by handing the lead over to another participant."))
        if locked.role == role:
            raise ProjectError(
                _("%(organisation)s already has this role.") % {"organisation": locked.organisation.name}
            )
        previous = locked.role
        locked.role = role
        locked.save(update_fields=["role"])
        recipients = [*people_to_notify(locked.organisation, admins_only=True), *locked.contact_people.all()]
        notify(
            NotificationKind.PARTNER_ROLE_CHANGED,
            project=project,
            recipients=others(recipients, actor),
            organisation=locked.organisation,
            # Lazy labels: each e-mail is rendered in its recipient's language.
            email_context={"role": ParticipantRole(role).label, "previous_role": ParticipantRole(previous).label},
        )
    logger.info(
        "projects.partner.role_changed",
        project_id=project.pk,
        organisation_id=locked.organisation_id,
        previous_role=previous,
        role=role,
        actor_id=actor.pk,
    )
    return locked


def _lock_participation(participation):
    locked = (
        Participation.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .filter(pk=participation.pk)
        .first()
    )
    if locked is None:
        raise ProjectError(_("This organisation no longer takes part in the project."))
    return locked


def hand_over_lead(project, *, actor, to_organisation) -> Participation:
    """Make another participant the lead; the old lead stays on as a partner.

    Only the lead's admins and staff may; the new lead must take part in the project and be
    an active member. Both organisations' admins are notified. Returns the new lead's
    participation.
    """
    with transaction.atomic():
        locked_project = lock_project(project)
        # Checked under the lock: an admin of a lead that was just replaced may no longer act.
        if not is_lead_admin(actor, locked_project):
            raise ProjectError(_("Only the lead organisation's admins can hand over the lead."))
        participations = {
            participation.organisation_id: participation
            for participation in Participation.objects.select_for_update(of=("self",))
            .select_related("organisation")
            .filter(project=locked_project)
        }
        target = participations.get(to_organisation.pk)
        if target is None:
            raise ProjectError(
                _("%(organisation)s must take part in the project before it can lead it.")
                % {"organisation": to_organisation.name}
            )
        if target.role == ParticipantRole.LEAD:
            raise ProjectError(
                _("%(organisation)s already leads this project.") % {"organisation": to_organisation.name}
            )
        refuse_inactive(reload_organisation(to_organisation))
        old_leads = [p for p in participations.values() if p.role == ParticipantRole.LEAD]
        # The one-lead constraint holds at every statement: demote first, then promote.
        for old in old_leads:
            old.role = ParticipantRole.PARTNER
            old.save(update_fields=["role"])
        target.role = ParticipantRole.LEAD
        target.save(update_fields=["role"])
        recipients = [person for old in old_leads for person in people_to_notify(old.organisation, admins_only=True)]
        recipients += people_to_notify(target.organisation, admins_only=True)
        notify(
            NotificationKind.LEAD_CHANGED,
            project=locked_project,
            recipients=others(recipients, actor),
            organisation=target.organisation,
        )
    return target
