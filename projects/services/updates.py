"""Participants post updates to their project; the other participants' people hear of it."""

from django.db import transaction
from django.utils.translation import gettext as _

from members.models import User
from projects.markdown import render_markdown
from projects.models import NotificationKind, Participation, ProjectUpdate
from projects.notifications import notify
from projects.services.common import is_staff, others
from projects.services.errors import ProjectError

MAX_BODY_LENGTH = ProjectUpdate._meta.get_field("body").max_length


def post_update(project, *, actor, body) -> ProjectUpdate:
    """Post an update (Markdown) to a project; the people of its participants and staff may.

    The update is signed with the author's participant organisation (none for staff from
    outside the project). Every person of every participant organisation but the author
    is notified. Raises ProjectError for an empty or too long text. Returns the update.
    """
    author_participation = (
        Participation.objects.filter(project=project, organisation__memberships__user=actor)
        .select_related("organisation")
        .order_by("joined_at", "pk")
        .first()
        if actor is not None and actor.is_authenticated
        else None
    )
    if author_participation is None and not is_staff(actor):
        raise ProjectError(_("Only the people of the project's participants can post updates."))
    body = (body or "").strip()
    if not body:
        raise ProjectError(_("Write the update first."))
    if len(body) > MAX_BODY_LENGTH:
        raise ProjectError(
            _("An update can be at most %(limit)s characters long; this one has %(length)s.")
            % {"limit": MAX_BODY_LENGTH, "length": len(body)}
        )
    organisation = author_participation.organisation if author_participation else None
    with transaction.atomic():
        update = ProjectUpdate.objects.create(project=project, author=actor, organisation=organisation, body=body)
        people = User.objects.filter(
            is_active=True, memberships__organisation__participations__project=project
        ).distinct()
        notify(
            NotificationKind.UPDATE_POSTED,
            project=project,
            recipients=others(people.order_by("pk"), actor),
            organisation=organisation,
            email_context={"update": update, "update_html": render_markdown(body), "author": actor},
        )
    return update
