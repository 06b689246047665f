"""The calls list and a call's page.

Both read calls through `funding.permissions`: published calls for everyone; a draft only
for staff who may edit calls, as a preview.
"""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from escc.lists import render_filtered_list
from escc.page_cache import cached_for_visitors
from funding import permissions
from funding.filters import CallFilter
from funding.forms import SavedSearchForm
from funding.models import Call, CallFollow
from members.querysets import is_cluster_member
from projects.interface import Project


@require_GET
@cached_for_visitors
def call_list(request):
    """Published calls, filtered by a GET form (each result list has a shareable URL and can be saved)."""
    calls = Call.objects.published().with_status().with_card_details()
    filterset = CallFilter(request.GET, queryset=calls, user=request.user)
    context = {
        "shows_default_statuses": filterset.shows_default_statuses,
        "save_form": SavedSearchForm(initial={"query": request.GET.urlencode()})
        if request.user.is_authenticated
        else None,
    }
    return render_filtered_list(
        request,
        filterset,
        template="funding/call_list.html",
        results_template="funding/_call_results.html",
        context=context,
    )


@require_GET
@cached_for_visitors
def call_detail(request, slug):
    user = request.user
    call = permissions.get_call_for(user, slug, queryset=Call.objects.with_status().with_card_details())
    in_cluster = is_cluster_member(user)
    projects = Project.objects.visible_to(user, in_cluster=in_cluster).filter(target_call=call).with_card_details()
    # Consortia still looking for partners first, then the rest; by title within each.
    projects = sorted(projects, key=lambda project: (not project.accepts_requests, project.title.casefold()))
    context = {
        "call": call,
        "projects": projects,
        "is_following": user.is_authenticated and CallFollow.objects.filter(user=user, call=call).exists(),
        "can_edit": permissions.can_edit_calls(user),
        # Who may lead a project (projects.forms.lead_choices) is who is in the cluster.
        "can_start_project": in_cluster,
    }
    return render(request, "funding/call_detail.html", context)
