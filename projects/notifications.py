"""What projects notify people of, through messaging: the kinds, who is told, and the inbox's sentences.

Services call `notify` inside their transaction (see messaging/notifications.py for what it
guarantees). A notification is about a project (its target); `params` carry the join
request and the organisation the event is about: the one that asked or was invited, the
one that left, the new lead, or the author's organisation for an update. A notification
about a join request is unique per recipient, kind and request, so a retried decision never
notifies anybody twice. The e-mails come from `templates/emails/project_<kind>_*`.

`register()` runs from ProjectsConfig.ready(): the kinds, their inbox renderer, and the
inbox notice that points at the requests waiting for an answer.
"""

from members.models import Organisation, Role, User
from messaging import inbox, kinds
from messaging import notifications as messaging
from projects.models import JoinRequest, NotificationKind, Project

# Somebody waits for these answers: they may go inbox-only, but never off.
MUST_ARRIVE = {NotificationKind.REQUEST_RECEIVED, NotificationKind.INVITATION_RECEIVED}


def key(kind):
    return f"projects.{kind}"


def people_to_notify(organisation, *, admins_only):
    """The active people of an organisation (only its admins if `admins_only`), by id."""
    memberships = {"memberships__organisation": organisation}
    if admins_only:
        memberships["memberships__role"] = Role.ADMIN
    # One filter() call: both conditions must hold for the same membership row.
    return list(User.objects.filter(is_active=True, **memberships).distinct().order_by("pk"))


def notify(kind, *, project, recipients, join_request=None, organisation=None, email_context=None):
    """Notify `recipients` of `kind` about `project`; see messaging.notifications.notify."""
    params = {}
    if join_request is not None:
        params["join_request"] = join_request.pk
    if organisation is not None:
        params["organisation"] = organisation.pk
    return messaging.notify(
        key(kind),
        recipients=recipients,
        target=project,
        params=params,
        dedupe_key=f"join_request:{join_request.pk}" if join_request is not None else "",
        email_context={
            "project": project,
            "join_request": join_request,
            "organisation": organisation,
            **(email_context or {}),
        },
    )


def prepare_inbox(notifications):
    """Load the projects, requests and organisations of a page of notifications: three queries."""
    projects = Project.objects.in_bulk({n.target_id for n in notifications})
    requests = JoinRequest.objects.in_bulk(
        {n.params["join_request"] for n in notifications if "join_request" in n.params}
    )
    organisations = Organisation.objects.in_bulk(
        {n.params["organisation"] for n in notifications if "organisation" in n.params}
    )
    for notification in notifications:
        notification.short_kind = notification.kind.removeprefix("projects.")
        notification.project = projects.get(notification.target_id)
        notification.join_request = requests.get(notification.params.get("join_request"))
        notification.organisation = organisations.get(notification.params.get("organisation"))


INBOX = kinds.InboxRenderer(template="projects/_notification_item.html", prepare=prepare_inbox)


def waiting_notice(user):
    """The inbox's line about requests and invitations waiting for the person's answer.

    The dashboard counts with the same query, so the two never disagree.
    """
    count = JoinRequest.objects.waiting_for(user).count()
    return ("projects/_inbox_waiting.html", {"count": count}) if count else None


def register():
    for kind in NotificationKind:
        kinds.register(
            key(kind),
            label=kind.label,
            email_template=f"project_{kind.value}",
            inbox=INBOX,
            may_turn_off=kind not in MUST_ARRIVE,
        )
    inbox.register_notice(waiting_notice)
