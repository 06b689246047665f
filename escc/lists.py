"""The filtered, paginated list pages (members directory, projects, calls), with htmx in-place updates.

Every list answers the same way: the whole page, or only its results when htmx asks for
them, with `Vary: HX-Request` so no cache mixes the two up.
"""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

PER_PAGE = 20


def wants_results_only(request):
    # htmx restoring history or following a boosted link wants the whole page.
    htmx = request.htmx
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def paginate(request, queryset, *, per_page=PER_PAGE):
    """(page, elided page range) of the `page` parameter; a junk number gives the first page, one too far the last."""
    paginator = Paginator(queryset, per_page)
    page_obj = paginator.get_page(request.GET.get("page"))
    return page_obj, paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


def render_filtered_list(request, filterset, *, template, results_template, context=None):
    """The page of `filterset`'s results, or the results alone for htmx."""
    page_obj, page_range = paginate(request, filterset.qs)
    results_only = wants_results_only(request)
    context = {
        "form": filterset.form,
        "page_obj": page_obj,
        "page_range": page_range,
        "results_only": results_only,
        **(context or {}),
    }
    response = render(request, results_template if results_only else template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
