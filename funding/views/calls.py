"""The calls list and a call's page.

Both read calls through `funding.permissions`: published calls for everyone; a draft only
for staff who may edit calls, as a preview.
"""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from funding import permissions
from funding.filters import CallFilter
from funding.forms import SavedSearchForm
from funding.models import Call, CallFollow
from projects.models import Project

PER_PAGE = 20


@require_GET
def call_list(request):
    """Published calls, filtered by a GET form (each result list has a shareable URL and can be saved)."""
    calls = Call.objects.published().with_status().with_card_details()
    filterset = CallFilter(request.GET, queryset=calls, user=request.user)
    # get_page turns a junk page number into the first page and one past the end into the last.
    paginator = Paginator(filterset.qs, PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    results_only = _wants_results_only(request)
    context = {
        "form": filterset.form,
        "shows_default_statuses": filterset.shows_default_statuses,
        "page_obj": page_obj,
        "page_range": paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1),
        "results_only": results_only,
        "save_form": SavedSearchForm(initial={"query": request.GET.urlencode()})
        if request.user.is_authenticated
        else None,
    }
    template = "funding/_call_results.html" if results_only else "funding/call_list.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
def call_detail(request, slug):
    user = request.user
    call = permissions.get_call_for(user, slug, queryset=Call.objects.with_status().with_card_details())
    projects = Project.objects.visible_to(user).filter(target_call=call).with_card_details()
    # Consortia still looking for partners first, then the rest; by title within each.
    projects = sorted(projects, key=lambda project: (not project.accepts_requests, project.title.casefold()))
    context = {
        "call": call,
        "projects": projects,
        "is_following": user.is_authenticated and CallFollow.objects.filter(user=user, call=call).exists(),
        "can_edit": permissions.can_edit_calls(user),
    }
    return render(request, "funding/call_detail.html", context)


def _wants_results_only(request):
    # htmx restoring history or following a boosted link wants the whole page.
    htmx = request.htmx
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request
