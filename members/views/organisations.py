from django.shortcuts import render
from django.views.decorators.http import require_GET

from escc.page_cache import cached_for_visitors
from members import permissions
from members.models import Organisation


@require_GET
@cached_for_visitors
def organisation_detail(request, slug):
    """An organisation's profile; its people only for signed-in cluster members and staff."""
    can_see_people = permissions.can_see_people(request.user)
    organisation = permissions.get_organisation_for(
        request.user, slug, queryset=Organisation.objects.for_profile(with_people=can_see_people)
    )
    context = {
        "organisation": organisation,
        "can_see_people": can_see_people,
        "can_see_contact": permissions.can_see_contact(request.user, organisation),
        "can_edit": permissions.can_edit_organisation(request.user, organisation),
    }
    return render(request, "members/organisation_detail.html", context)
