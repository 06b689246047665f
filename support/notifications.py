"""What service requests tell people, through messaging: the kinds, who is told, the inbox's sentences.

Staff hear of new requests (the one handling it, or all staff while nobody does) and of the
member's messages; the person who asked and their organisation's admins hear of staff's
messages and of changes of state. E-mails come from `templates/emails/support_<kind>_*`, in
each recipient's language.
"""

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from members.models import Role, User
from messaging import kinds
from messaging import notifications as messaging
from support.models import RequestStatus, ServiceRequest


class Kind(TextChoices):
    REQUEST_RECEIVED = "request_received", _("A member asks for one of the cluster's services")
    MESSAGE_POSTED = "message_posted", _("A new message on a service request")
    STATUS_CHANGED = "status_changed", _("A service request changed its state")


# Somebody has to answer these: they may go inbox-only, never off.
MUST_ARRIVE = {Kind.REQUEST_RECEIVED, Kind.MESSAGE_POSTED}


def key(kind):
    return f"support.{kind}"


def member_side(request):
    """The person who asked and the admins of the request's organisation."""
    admins = User.objects.filter(
        is_active=True, memberships__organisation_id=request.organisation_id, memberships__role=Role.ADMIN
    )
    return [request.requested_by, *admins.order_by("pk")]


def staff_side(request):
    if request.assignee_id:
        return [request.assignee]
    return list(User.objects.filter(is_active=True, is_staff=True).order_by("pk"))


def _notify(kind, request, recipients, *, params=None, **email_context):
    messaging.notify(
        key(kind),
        recipients=recipients,
        target=request,
        params=params,
        email_context={"request": request, **email_context},
    )


def request_received(request):
    _notify(Kind.REQUEST_RECEIVED, request, staff_side(request))


def message_posted(request, message):
    recipients = member_side(request) if message.from_staff else staff_side(request)
    _notify(
        Kind.MESSAGE_POSTED, request, [person for person in recipients if person != message.author], message=message
    )


def status_changed(request):
    _notify(Kind.STATUS_CHANGED, request, member_side(request), params={"status": request.status})


def prepare_inbox(notifications):
    """Load the requests of a page of notifications: one query."""
    requests = ServiceRequest.objects.in_bulk({n.target_id for n in notifications})
    for notification in notifications:
        notification.short_kind = notification.kind.removeprefix("support.")
        notification.request = requests.get(notification.target_id)
        status = (notification.params or {}).get("status")
        notification.status_label = RequestStatus(status).label if status in RequestStatus.values else ""


INBOX = kinds.InboxRenderer(template="support/_notification_item.html", prepare=prepare_inbox)


def register():
    for kind in Kind:
        kinds.register(
            key(kind),
            label=kind.label,
            email_template=f"support_{kind.value}",
            inbox=INBOX,
            may_turn_off=kind not in MUST_ARRIVE,
        )
