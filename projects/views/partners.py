"""The lead's admins manage the partners of their project: take one out, or give it another role.

Both pages load the project through `permissions.get_project_for(..., EDIT)` (404 to those
who may not see it, 403 to those who may not manage it) and the participation from that
project only, so a participation of another project is a 404. The services check again
under the project's lock and say why they refuse.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from escc.redirects import redirect_to_next
from projects import permissions, services
from projects.forms_joining import PartnerRoleForm
from projects.models import ParticipantRole


def _partner_of(request, slug, pk):
    project = permissions.get_project_for(request.user, slug, permissions.EDIT)
    participation = get_object_or_404(project.participations.select_related("organisation"), pk=pk)
    return project, participation


@login_required
@require_http_methods(["GET", "POST"])
def partner_remove(request, slug, pk):
    project, participation = _partner_of(request, slug, pk)
    error = None
    if request.method == "POST":
        try:
            services.remove_partner(participation, actor=request.user)
        except services.ProjectError as refused:
            error = str(refused)
        else:
            notice = _("%(organisation)s no longer takes part in %(project)s.")
            messages.success(request, notice % {"organisation": participation.organisation, "project": project})
            return redirect_to_next(request, project)
    context = {
        "project": project,
        "participation": participation,
        "is_lead": participation.role == ParticipantRole.LEAD,
        "error": error,
    }
    return render(request, "projects/partner_remove.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def partner_role(request, slug, pk):
    project, participation = _partner_of(request, slug, pk)
    form = PartnerRoleForm(request.POST or None, initial={"role": participation.role})
    if request.method == "POST" and form.is_valid():
        try:
            services.change_partner_role(participation, actor=request.user, role=form.cleaned_data["role"])
        except services.ProjectError as error:
            form.add_error("role", str(error))
        else:
            notice = _("%(organisation)s is now “%(role)s” in %(project)s.")
            role = ParticipantRole(form.cleaned_data["role"]).label
            messages.success(
                request, notice % {"organisation": participation.organisation, "role": role, "project": project}
            )
            return redirect_to_next(request, project)
    context = {
        "project": project,
        "participation": participation,
        "is_lead": participation.role == ParticipantRole.LEAD,
        "form": form,
    }
    return render(request, "projects/partner_role.html", context)
