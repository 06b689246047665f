"""An organisation admin's edit of the profile, with live validation, and the yearly confirmation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from members import permissions, services
from members.forms import OrganisationProfileForm
from members.services.organisation_profile import is_confirmation_due

# A change to one field can change another's message: validating these re-renders both.
RELATED_FIELDS = {"country": ["registry_code"]}


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request, slug):
    organisation = permissions.get_organisation_for(request.user, slug, action=permissions.EDIT)
    is_post = request.method == "POST"
    form = OrganisationProfileForm(
        request.POST if is_post else None, request.FILES if is_post else None, instance=organisation
    )
    if is_post and "_validate" in request.POST:
        return _validated_field(request, form, organisation)
    if is_post and form.is_valid():
        try:
            services.update_organisation_profile(organisation, actor=request.user, **form.changes())
        except services.MembersError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The organisation's profile has been saved."))
            return redirect(organisation)
    context = {
        "organisation": organisation,
        "form": form,
        "is_confirmation_due": is_confirmation_due(organisation),
    }
    response = render(request, "members/organisation_edit.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _validated_field(request, form, organisation):
    """Validate without saving; answer one field's block (and its related ones) with its messages."""
    name = request.POST["_validate"]
    if name not in form.fields or name in ("logo", "remove_logo"):
        return HttpResponseBadRequest()
    form.is_valid()
    related = [form[other] for other in RELATED_FIELDS.get(name, [])]
    context = {"organisation": organisation, "field": form[name], "related_fields": related}
    response = render(request, "members/_org_edit_validated.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
@require_POST
def organisation_confirm(request, slug):
    organisation = permissions.get_organisation_for(request.user, slug, action=permissions.EDIT)
    services.confirm_profile(organisation, actor=request.user)
    messages.success(request, _("Thank you: the profile is marked as current."))
    return redirect(organisation)
