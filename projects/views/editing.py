"""Starting and editing a project, its partner search, and posting an update.

Editing is for the lead organisation's admins (and staff), posting updates for the people
of participant organisations: each view loads the project through `get_project_for`,
which answers 404 to whoever may not see it and 403 to whoever may not do this, before
any form is read.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from projects import permissions, services
from projects.forms import PartnerSearchForm, ProjectForm, UpdateForm, lead_choices
from projects.models import Project
from projects.views.browse import detail_context


@login_required
@require_http_methods(["GET", "POST"])
def project_create(request):
    if not lead_choices(request.user).exists():
        # Explained, not just refused: who may start a project, and how to get there.
        return render(request, "projects/project_form.html", {"cannot_create": True}, status=403)
    form = ProjectForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            project = services.create_project(actor=request.user, **form.changes())
        except services.ProjectError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The project “%(title)s” was created.") % {"title": project.title})
            return redirect(project)
    return render(request, "projects/project_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def project_edit(request, slug):
    project = permissions.get_project_for(request.user, slug, permissions.EDIT)
    form = ProjectForm(request.POST or None, user=request.user, instance=project)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_project(project, actor=request.user, **form.changes())
        except services.ProjectError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The project was saved."))
            return redirect(project)
    return render(request, "projects/project_form.html", {"form": form, "project": project})


@login_required
@require_POST
def partner_search_update(request, slug):
    project = permissions.get_project_for(request.user, slug, permissions.EDIT)
    form = PartnerSearchForm(request.POST)
    if form.is_valid():
        try:
            if form.cleaned_data["action"] == PartnerSearchForm.CLOSE:
                services.close_partner_search(project, actor=request.user)
                notice = _("The partner search is closed.")
            else:
                until = form.cleaned_data["until"]
                services.extend_partner_search(project, actor=request.user, until=until)
                notice = _("The partner search is open until %(date)s.") % {"date": date_format(until)}
        except services.ProjectError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, notice)
            return redirect(project)
    elif "action" in form.errors:
        return HttpResponseBadRequest()
    # The page again, with the message next to the date; the project as it is saved.
    project = permissions.get_project_for(request.user, slug, queryset=Project.objects.with_page_details())
    context = detail_context(request, project, partner_search_form=form)
    return render(request, "projects/project_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def update_create(request, slug):
    project = permissions.get_project_for(request.user, slug, permissions.POST_UPDATE)
    form = UpdateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.post_update(project, actor=request.user, body=form.cleaned_data["body"])
        except services.ProjectError as error:
            form.add_error("body", str(error))
        else:
            messages.success(request, _("Your update was posted."))
            return redirect(f"{project.get_absolute_url()}#project-updates")
    return render(request, "projects/update_form.html", {"form": form, "project": project})
