from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from members.filters import DirectoryFilter
from members.models import Organisation

PER_PAGE = 20


@require_GET
def directory(request):
    """The public member directory: a GET filter form, so every result list has a shareable URL."""
    filterset = DirectoryFilter(request.GET, queryset=Organisation.objects.for_directory())
    # get_page turns a junk page number into the first page and one past the end into the last.
    paginator = Paginator(filterset.qs, PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    results_only = _wants_results_only(request)
    context = {
        "form": filterset.form,
        "page_obj": page_obj,
        "page_range": paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1),
        "results_only": results_only,
    }
    template = "members/_directory_results.html" if results_only else "members/directory.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _wants_results_only(request):
    # htmx restoring history or following a boosted link wants the whole page.
    htmx = request.htmx
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request
