"""Join requests and invitations: asked, answered once, or taken back.

A REQUEST goes from an organisation to a project and is answered by the lead's admins; an
INVITATION goes from the lead to an organisation and is answered by that organisation's
admins (staff may answer either). Every write locks the project row first and then the
join request row, always in that order, so two people answering at once are served one
after the other: the second finds the request answered and changes nothing.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from projects.models import JoinRequest, NotificationKind, Participation
from projects.notifications import notify, people_to_notify
from projects.permissions import is_lead_admin
from projects.services.common import (
    is_person_of,
    is_staff,
    lead_organisation,
    lock_project,
    others,
    refuse_closed,
    refuse_inactive,
    refuse_participant,
    refuse_unknown_role,
    reload_organisation,
)
from projects.services.errors import ProjectError

Direction = JoinRequest.Direction
Status = JoinRequest.Status
MESSAGE_MAX_LENGTH = JoinRequest._meta.get_field("message").max_length
NOTE_MAX_LENGTH = JoinRequest._meta.get_field("decision_note").max_length


def request_to_join(project, *, actor, organisation, proposed_role, message="") -> JoinRequest:
    """Ask, on behalf of one's organisation, to join a project in a proposed role.

    The actor must be one of the organisation's people, the organisation an active member,
    the project open for requests, and neither a participation nor a pending request or
    invitation may exist for the pair. Each broken rule raises ProjectError with its own
    message. The lead's admins are notified.
    """
    if not is_person_of(actor, organisation):
        raise ProjectError(_("You can ask to join only on behalf of an organisation you belong to."))
    refuse_unknown_role(proposed_role)
    message = _checked_text(message, MESSAGE_MAX_LENGTH)
    with transaction.atomic():
        locked = lock_project(project)
        organisation = reload_organisation(organisation)
        refuse_inactive(organisation)
        refuse_closed(locked)
        if not locked.accepts_requests:
            raise ProjectError(_("This project is not looking for partners at the moment."))
        refuse_participant(locked, organisation)
        join_request = _create_pending(
            project=locked,
            organisation=organisation,
            direction=Direction.REQUEST,
            proposed_role=proposed_role,
            message=message,
            created_by=actor,
        )
        lead = lead_organisation(locked)
        notify(
            NotificationKind.REQUEST_RECEIVED,
            project=locked,
            recipients=others(people_to_notify(lead, admins_only=True), actor) if lead else [],
            join_request=join_request,
            organisation=organisation,
        )
    return join_request


def invite_organisation(project, *, actor, organisation, proposed_role, message="") -> JoinRequest:
    """Invite an organisation to join the project in a proposed role; the lead's admins and staff may.

    The organisation must be an active member, not a participant, and without a pending
    request or invitation for the project; the project must not be completed or cancelled
    (its partner search may be closed: the lead chose whom to invite). The invited
    organisation's admins are notified.
    """
    refuse_unknown_role(proposed_role)
    message = _checked_text(message, MESSAGE_MAX_LENGTH)
    with transaction.atomic():
        locked = lock_project(project)
        if not is_lead_admin(actor, locked):
            raise ProjectError(_("Only the lead organisation's admins can invite organisations to this project."))
        organisation = reload_organisation(organisation)
        refuse_closed(locked)
        refuse_inactive(organisation)
        refuse_participant(locked, organisation)
        join_request = _create_pending(
            project=locked,
            organisation=organisation,
            direction=Direction.INVITATION,
            proposed_role=proposed_role,
            message=message,
            created_by=actor,
        )
        notify(
            NotificationKind.INVITATION_RECEIVED,
            project=locked,
            recipients=others(people_to_notify(organisation, admins_only=True), actor),
            join_request=join_request,
            organisation=organisation,
            email_context={"lead": lead_organisation(locked)},
        )
    return join_request


def accept_join_request(join_request, *, actor, note="") -> Participation:
    """Accept a request (lead's admins) or an invitation (invited organisation's admins).

    In one transaction the organisation becomes a participant in the proposed role, with
    the person who sent the request (or, for an invitation, the admin who accepts it) as
    its contact person, and the other side is notified. The request is locked and must
    still be pending: answering twice raises ProjectError and changes nothing. Refused too
    if the project is completed or cancelled or the organisation no longer an active member.
    Returns the new participation.
    """
    note = _checked_text(note, NOTE_MAX_LENGTH)
    with transaction.atomic():
        locked = _lock_for_answer(join_request, actor)
        refuse_closed(locked.project)
        refuse_inactive(locked.organisation)
        refuse_participant(locked.project, locked.organisation)
        participation = Participation.objects.create(
            project=locked.project, organisation=locked.organisation, role=locked.proposed_role
        )
        contact = locked.created_by if locked.direction == Direction.REQUEST else actor
        if is_person_of(contact, locked.organisation):
            participation.contact_people.add(contact)
        _decide(locked, actor=actor, status=Status.ACCEPTED, note=note)
    return participation


def decline_join_request(join_request, *, actor, note="") -> JoinRequest:
    """Decline a request (lead's admins) or an invitation (invited organisation's admins), with a note.

    The request is locked and must still be pending: answering twice raises ProjectError
    and changes nothing. The other side is notified. Returns the request.
    """
    note = _checked_text(note, NOTE_MAX_LENGTH)
    with transaction.atomic():
        locked = _lock_for_answer(join_request, actor)
        _decide(locked, actor=actor, status=Status.DECLINED, note=note)
    return locked


def withdraw_join_request(join_request, *, actor) -> JoinRequest:
    """The side that sent it takes it back while it is still pending.

    A REQUEST may be withdrawn by the people of the requesting organisation, an INVITATION
    by the lead's admins; staff may withdraw either. Nobody is notified: the other side's
    inbox shows the request as withdrawn. Returns the request.
    """
    with transaction.atomic():
        locked = _lock(join_request)
        if not _may_withdraw(actor, locked):
            raise ProjectError(_("Only the side that sent it can withdraw a request or invitation."))
        _refuse_answered(locked)
        locked.status = Status.WITHDRAWN
        locked.decided_by = actor
        locked.decided_at = timezone.now()
        locked.save(update_fields=["status", "decided_by", "decided_at"])
    return locked


def _checked_text(text, limit):
    text = (text or "").strip()
    if len(text) > limit:
        raise ProjectError(
            _("A message can be at most %(limit)s characters long; this one has %(length)s.")
            % {"limit": limit, "length": len(text)}
        )
    return text


def _create_pending(**fields):
    """Create the pending request; the one-pending constraint catches a duplicate sent at the same moment."""
    existing = (
        JoinRequest.objects.pending()
        .filter(project=fields["project"], organisation=fields["organisation"])
        .values_list("direction", flat=True)
        .first()
    )
    if existing is not None:
        raise _pending_exists(existing, fields["organisation"])
    try:
        with transaction.atomic():
            return JoinRequest.objects.create(**fields)
    except IntegrityError:
        raise _pending_exists(fields["direction"], fields["organisation"]) from None


def _pending_exists(direction, organisation):
    if direction == Direction.INVITATION:
        message = _("%(organisation)s has already been invited to this project and has not answered yet.")
    else:
        message = _("%(organisation)s has already asked to join this project and is waiting for an answer.")
    return ProjectError(message % {"organisation": organisation.name})


def _lock(join_request):
    # The project first, then the request: the same order as every other joining write.
    lock_project(join_request.project)
    return (
        JoinRequest.objects.select_for_update(of=("self",))
        .select_related("project", "organisation", "created_by")
        .get(pk=join_request.pk)
    )


def _lock_for_answer(join_request, actor):
    locked = _lock(join_request)
    if not _may_answer(actor, locked):
        if locked.direction == Direction.REQUEST:
            raise ProjectError(_("Only the lead organisation's admins can answer a request to join."))
        raise ProjectError(_("Only the invited organisation's admins can answer an invitation."))
    _refuse_answered(locked)
    return locked


def _refuse_answered(join_request):
    if join_request.status != Status.PENDING:
        raise ProjectError(_("This request has already been answered."))


def _may_answer(actor, join_request):
    if join_request.direction == Direction.REQUEST:
        return is_lead_admin(actor, join_request.project)
    return is_staff(actor) or is_person_of(actor, join_request.organisation, admin_only=True)


def _may_withdraw(actor, join_request):
    if join_request.direction == Direction.INVITATION:
        return is_lead_admin(actor, join_request.project)
    return is_staff(actor) or is_person_of(actor, join_request.organisation)


def _decide(join_request, *, actor, status, note):
    join_request.status = status
    join_request.decided_by = actor
    join_request.decided_at = timezone.now()
    join_request.decision_note = note
    join_request.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    if join_request.direction == Direction.REQUEST:
        kind = NotificationKind.REQUEST_DECIDED
        recipients = [join_request.created_by, *people_to_notify(join_request.organisation, admins_only=True)]
    else:
        kind = NotificationKind.INVITATION_DECIDED
        lead = lead_organisation(join_request.project)
        recipients = people_to_notify(lead, admins_only=True) if lead else []
    notify(
        kind,
        project=join_request.project,
        recipients=others(recipients, actor),
        join_request=join_request,
        organisation=join_request.organisation,
    )
