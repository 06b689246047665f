"""A signed-in person's own corner of projects: "my projects". (The inbox is messaging's.)

Everything here is the person's own, so nothing is loaded by address: the querysets are
filtered by `request.user` and there is nothing of anyone else's to 404 on.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.views.decorators.http import require_http_methods

from members.models import Membership
from projects.models import JoinRequest
from projects.querysets import attach_leads, projects_of_person

FITS_TEMPLATE = "projects/_dashboard_fits.html"


@login_required
@require_http_methods(["GET"])
def dashboard(request):
    user = request.user
    memberships = list(Membership.objects.filter(user=user).select_related("organisation"))
    active_organisations = [m.organisation for m in memberships if m.organisation.is_active_member]
    projects = list(projects_of_person(user))
    waiting = list(JoinRequest.objects.waiting_for(user).with_dashboard_details().order_by("created_at", "pk"))
    sent = list(
        JoinRequest.objects.sent_by(user).recent_or_pending().with_dashboard_details().order_by("-created_at", "-pk")
    )
    attach_leads(projects + [join_request.project for join_request in waiting + sent])
    context = {
        "organisations": [m.organisation for m in memberships],
        # Who may lead a project (projects.forms.lead_choices), from the memberships loaded above.
        "can_start_project": user.is_staff or bool(active_organisations),
        "projects": projects,
        "waiting": waiting,
        "sent": sent,
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
