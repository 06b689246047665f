"""A service request's life: a member asks, staff triage and answer, both sides write in one thread.

The first message from staff stamps `first_answered_at`; moving to done or declined stamps
`closed_at` (and reopening clears it), which is what the queue's figures measure. A member's
answer to a request waiting for them puts it back in progress. Every write locks the request
row, so two staff triaging at once are served one after the other.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from support import notifications
from support.models import CLOSED, RequestMessage, RequestStatus, ServiceRequest


class SupportError(Exception):
    def __init__(self, message, *, field=None):
        super().__init__(message)
        self.field = field


def _lock(request):
    return ServiceRequest.objects.select_for_update().get(pk=request.pk)


def _written_in():
    """People write in the language of the page they are on: the best guess we have."""
    return (get_language() or "et")[:2]


def ask_for_service(*, organisation, actor, data) -> ServiceRequest:
    """A new request of `organisation` by `actor`; staff are told."""
    with transaction.atomic():
        request = ServiceRequest.objects.create(
            organisation=organisation, requested_by=actor, language=_written_in(), **data
        )
        notifications.request_received(request)
    return request


def post_message(request, *, author, body) -> RequestMessage:
    """Write in the request's thread; the other side is told. Members cannot write on a closed request."""
    body = body.strip()
    if not body:
        raise SupportError(_("Write a message first."), field="body")
    with transaction.atomic():
        request = _lock(request)
        from_staff = author.is_staff
        if request.is_closed and not from_staff:
            raise SupportError(_("This request is closed. Ask a new one if you need more help."))
        message = RequestMessage.objects.create(
            request=request, author=author, from_staff=from_staff, body=body, language=_written_in()
        )
        fields = ["updated_at"]
        if from_staff and request.first_answered_at is None:
            request.first_answered_at = message.created_at
            fields.append("first_answered_at")
        if not from_staff and request.status == RequestStatus.WAITING_FOR_MEMBER:
            request.status = RequestStatus.IN_PROGRESS
            fields.append("status")
        request.save(update_fields=fields)
        notifications.message_posted(request, message)
    return message


def triage(request, *, actor, status, assignee, with_agency) -> ServiceRequest:
    """Staff set the state and who handles the request; the member is told when the state changes."""
    if assignee is not None and not assignee.is_staff:
        raise SupportError(_("Only cluster staff can handle a request."), field="assignee")
    with transaction.atomic():
        request = _lock(request)
        changed = request.status != status
        request.status, request.assignee, request.with_agency = status, assignee, with_agency
        if status in CLOSED and request.closed_at is None:
            request.closed_at = timezone.now()
        elif status not in CLOSED:
            request.closed_at = None
        request.save(update_fields=["status", "assignee", "with_agency", "closed_at", "updated_at"])
        if changed:
            notifications.status_changed(request)
    return request
