from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from members import permissions
from members.forms import ProfileForm
from members.services import update_own_profile


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        update_own_profile(
            request.user,
            display_name=form.cleaned_data["display_name"],
            preferred_language=form.cleaned_data["preferred_language"],
            job_titles=form.job_titles(),
        )
        messages.success(request, _("Your profile has been saved."))
        return redirect("members:profile_edit")
    organisations = [
        {
            "membership": membership,
            "field": field,
            "can_edit": permissions.can_edit_organisation(request.user, membership.organisation, role=membership.role),
        }
        for membership, field in form.job_title_fields()
    ]
    return render(request, "members/profile_edit.html", {"form": form, "organisations": organisations})
