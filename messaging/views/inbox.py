"""The site inbox of the signed-in person, and marking notifications read.

Everything here is the person's own, so nothing is loaded by address: the querysets are
filtered by `request.user` and there is nothing of anyone else's to 404 on.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from escc.redirects import redirect_to_next
from messaging import inbox

NOTIFICATIONS_PER_PAGE = 20


@login_required
@require_http_methods(["GET"])
def inbox_page(request):
    page = Paginator(inbox.inbox_of(request.user), NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page,
        "notifications": inbox.prepare(page.object_list),
        "notices": inbox.notices_for(request.user),
    }
    return render(request, "messaging/inbox.html", context)


@login_required
@require_POST
def mark_read(request):
    """Mark one notification read (`notification`=id) and go to `next`, or mark all read."""
    notification_id = request.POST.get("notification", "")
    if not notification_id:
        inbox.mark_read(request.user)
        messages.success(request, _("All notifications are marked as read."))
    elif notification_id.isascii() and notification_id.isdigit():
        inbox.mark_read(request.user, notification_id=int(notification_id))
    else:
        # str.isdigit() also accepts digits such as "²" that int() refuses; junk marks nothing.
        return HttpResponseBadRequest()
    return redirect_to_next(request, "messaging:inbox")
