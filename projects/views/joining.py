"""Asking to join a project, inviting, answering, withdrawing, leaving and handing over the lead.

Projects come from `permissions.get_project_for` (a members-only project is a 404 to those
who may not see it); a join request comes from `JoinRequest.objects.concerning(user)`, so a
request the person has nothing to do with is a 404, and one they may see but not answer a
403. The services check the rules again and say why they refuse (ProjectError).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from escc.redirects import redirect_to_next, safe_next
from members import permissions as member_permissions
from projects import permissions, services
from projects.forms_joining import DecisionForm, InvitationForm, JoinRequestForm, LeadHandoverForm
from projects.models import JoinRequest, ParticipantRole


def _join_request_for(user, pk, *, allowed):
    """The request by pk if the person has to do with it (else 404) and `allowed` lets them act (else 403)."""
    join_request = (
        JoinRequest.objects.concerning(user)
        .select_related("project", "organisation", "created_by")
        .filter(pk=pk)
        .first()
    )
    if join_request is None:
        raise Http404
    if not allowed(user).filter(pk=join_request.pk).exists():
        raise PermissionDenied
    return join_request


@login_required
@require_http_methods(["GET", "POST"])
def join_request_create(request, slug):
    project = permissions.get_project_for(request.user, slug)
    if not permissions.organisations_acting_for(request.user).exists():
        raise PermissionDenied
    form = JoinRequestForm(request.POST or None, user=request.user, project=project)
    if request.method == "POST" and project.accepts_requests and form.is_valid():
        try:
            services.request_to_join(project, actor=request.user, **form.cleaned_data)
        except services.ProjectError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your request was sent to the lead of %(project)s.") % {"project": project})
            return redirect("projects:dashboard")
    return render(request, "projects/join_request_form.html", {"project": project, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def invitation_create(request, slug):
    project = permissions.get_project_for(request.user, slug, permissions.EDIT)
    form = InvitationForm(
        request.POST or None, project=project, initial={"organisation": request.GET.get("organisation")}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.invite_organisation(project, actor=request.user, **form.cleaned_data)
        except services.ProjectError as error:
            form.add_error(None, str(error))
        else:
            notice = _("%(organisation)s was invited to %(project)s.")
            messages.success(request, notice % {"organisation": form.cleaned_data["organisation"], "project": project})
            return redirect_to_next(request, project)
    context = {"project": project, "form": form, "next": safe_next(request)}
    return render(request, "projects/invitation_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def join_request_accept(request, pk):
    """A page that says what accepting does, then the POST that does it; the notice offers the undo."""
    join_request = _join_request_for(request.user, pk, allowed=JoinRequest.objects.decidable_by)
    form = DecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            participation = services.accept_join_request(
                join_request, actor=request.user, note=form.cleaned_data["note"]
            )
        except services.ProjectError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _accepted_notice(request.user, join_request, participation))
            return redirect_to_next(request, "projects:dashboard")
    context = {"join_request": join_request, "form": form, "next": safe_next(request)}
    return render(request, "projects/join_request_accept.html", context)


def _accepted_notice(user, join_request, participation):
    """The success message, with a link that takes the step back: remove the partner, or leave again."""
    project = join_request.project
    text = _("%(organisation)s now takes part in %(project)s.") % {
        "organisation": join_request.organisation,
        "project": project,
    }
    if permissions.is_lead_admin(user, project):
        undo_url = reverse("projects:partner_remove", kwargs={"slug": project.slug, "pk": participation.pk})
        undo = _("Undo: remove the partner")
    else:
        undo_url = reverse("projects:participation_leave", kwargs={"slug": project.slug, "pk": participation.pk})
        undo = _("Undo: leave the project")
    # Safe markup survives the message storage; every part here is escaped by format_html.
    return format_html('{} <a href="{}">{}</a>', text, undo_url, undo)


@login_required
@require_http_methods(["GET", "POST"])
def join_request_decline(request, pk):
    join_request = _join_request_for(request.user, pk, allowed=JoinRequest.objects.decidable_by)
    form = DecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decline_join_request(join_request, actor=request.user, note=form.cleaned_data["note"])
        except services.ProjectError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The answer was sent."))
            return redirect_to_next(request, "projects:dashboard")
    context = {"join_request": join_request, "form": form, "next": safe_next(request)}
    return render(request, "projects/join_request_decline.html", context)


@login_required
@require_POST
def join_request_withdraw(request, pk):
    join_request = _join_request_for(request.user, pk, allowed=JoinRequest.objects.withdrawable_by)
    try:
        services.withdraw_join_request(join_request, actor=request.user)
    except services.ProjectError as error:
        messages.error(request, str(error))
    else:
        if join_request.direction == JoinRequest.Direction.INVITATION:
            notice = _("The invitation of %(organisation)s to %(project)s was withdrawn.")
        else:
            notice = _("The request of %(organisation)s to join %(project)s was withdrawn.")
        messages.success(request, notice % {"organisation": join_request.organisation, "project": join_request.project})
    return redirect_to_next(request, "projects:dashboard")


@login_required
@require_http_methods(["GET", "POST"])
def participation_leave(request, slug, pk):
    project = permissions.get_project_for(request.user, slug)
    participation = get_object_or_404(project.participations.select_related("organisation"), pk=pk)
    # Staff and the organisation's own admins; a suspended organisation may still leave.
    if not member_permissions.can_edit_organisation(request.user, participation.organisation):
        raise PermissionDenied
    error = None
    if request.method == "POST":
        try:
            services.leave_project(participation, actor=request.user)
        except services.ProjectError as refused:
            error = str(refused)
        else:
            notice = _("%(organisation)s no longer takes part in %(project)s.")
            messages.success(request, notice % {"organisation": participation.organisation, "project": project})
            return redirect("projects:dashboard")
    context = {
        "project": project,
        "participation": participation,
        "is_lead": participation.role == ParticipantRole.LEAD,
        "error": error,
    }
    return render(request, "projects/participation_leave.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def lead_handover(request, slug):
    project = permissions.get_project_for(request.user, slug, permissions.EDIT)
    form = LeadHandoverForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        new_lead = form.cleaned_data["organisation"]
        try:
            services.hand_over_lead(project, actor=request.user, to_organisation=new_lead)
        except services.ProjectError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("%(organisation)s now leads %(project)s.") % {"organisation": new_lead, "project": project}
            )
            return redirect(project)
    return render(request, "projects/lead_handover.html", {"project": project, "form": form})
