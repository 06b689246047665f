"""A signed-in person's own corner of projects: "my projects", the inbox, and notification choices.

Everything here is the person's own, so nothing is loaded by address: the querysets are
filtered by `request.user` and there is nothing of anyone else's to 404 on.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from escc.redirects import redirect_to_next
from members.models import Membership
from projects import notifications
from projects.forms_joining import NotificationPreferencesForm
from projects.models import JoinRequest
from projects.querysets import inbox_of, projects_of_person

NOTIFICATIONS_PER_PAGE = 20
FITS_TEMPLATE = "projects/_dashboard_fits.html"


@login_required
@require_http_methods(["GET"])
def dashboard(request):
    user = request.user
    memberships = list(Membership.objects.filter(user=user).select_related("organisation"))
    active_organisations = [m.organisation for m in memberships if m.organisation.is_active_member]
    context = {
        "organisations": [m.organisation for m in memberships],
        "projects": projects_of_person(user),
        "waiting": JoinRequest.objects.waiting_for(user).with_dashboard_details().order_by("created_at", "pk"),
        "sent": JoinRequest.objects.sent_by(user)
        .recent_or_pending()
        .with_dashboard_details()
        .order_by("-created_at", "-pk"),
        "fits_template": _fits_template(),
        "fitting_projects": _fitting_projects(active_organisations),
    }
    return render(request, "projects/dashboard.html", context)


def _fits_template():
    """The "projects that fit you" section, when the recommendations' template is there."""
    try:
        get_template(FITS_TEMPLATE)
    except TemplateDoesNotExist:
        return None
    return FITS_TEMPLATE


def _fitting_projects(organisations):
    if not organisations:
        return []
    # Imported here: the recommendations module belongs to its own page and may be absent in a partial tree.
    from projects.recommendations import projects_fitting

    return projects_fitting(organisations)


@login_required
@require_http_methods(["GET"])
def notification_list(request):
    page = Paginator(inbox_of(request.user), NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page,
        "notifications": page.object_list,
        # The dashboard's "waiting for your answer" counts with the same query, so the two never disagree.
        "waiting_count": JoinRequest.objects.waiting_for(request.user).count(),
    }
    return render(request, "projects/notification_list.html", context)


@login_required
@require_POST
def notifications_mark_read(request):
    """Mark one notification read (`notification`=id) and go to `next`, or mark all read."""
    notification_id = request.POST.get("notification", "")
    if not notification_id:
        notifications.mark_read(request.user)
        messages.success(request, _("All notifications are marked as read."))
    elif notification_id.isascii() and notification_id.isdigit():
        notifications.mark_read(request.user, notification_id=int(notification_id))
    else:
        # str.isdigit() also accepts digits such as "²" that int() refuses; junk marks nothing.
        return HttpResponseBadRequest()
    return redirect_to_next(request, "projects:notification_list")


@login_required
@require_http_methods(["GET", "POST"])
def notification_preferences(request):
    form = NotificationPreferencesForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        notifications.set_preferences(request.user, form.cleaned_data)
        messages.success(request, _("Your notification settings were saved."))
        return redirect("projects:notification_preferences")
    return render(request, "projects/notification_preferences.html", {"form": form})
