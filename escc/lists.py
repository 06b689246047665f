"""The filtered, paginated list pages (members directory, projects, calls), with htmx in-place updates.

Every list answers the same way: the whole page, or only its results when htmx asks for
them, with `Vary: HX-Request` so no cache mixes the two up.
"""

import datetime
import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.functional import cached_property

from escc import content_version

PER_PAGE = 20


class CachedCountPaginator(Paginator):
    """A paginator whose total is counted once per list and content version.

    A COUNT over a whole table grows with it (7 ms for 20,000 news items, ten times that at
    scale 10), and every page of every list needs it. The key is the list's own SQL with its
    parameters, so each filter and each person's visibility has its own total; a commit that
    writes content moves the version (escc/content_version.py). Off, like the page cache,
    when FRAGMENT_CACHE_SECONDS is 0.
    """

    def __init__(self, object_list, per_page, *, request=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.request = request  # the content version is read once per request

    @cached_property
    def count(self):
        if not hasattr(self.object_list, "query"):
            return super().count
        compute = functools.partial(Paginator.count.func, self)
        return _once_per_version("list-count", self.object_list, compute, self.request)


def cached_rows(queryset, request=None):
    """The rows of `queryset` as a list, read once per content version (a filter's choices)."""
    return _once_per_version("list-rows", queryset, lambda: list(queryset), request)


def _once_per_version(kind, queryset, compute, request):
    if settings.FRAGMENT_CACHE_SECONDS <= 0:
        return compute()
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return compute()
    listed = hashlib.sha256(repr((sql, [_to_the_minute(param) for param in params])).encode()).hexdigest()
    key = f"{kind}:{content_version.for_request(request)}:{listed}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.FRAGMENT_CACHE_SECONDS)
    return value


def _to_the_minute(param):
    # Lists compare with "now" (published by now, stale a year before now): keyed by the exact
    # instant, no request would ever find the one before it. Within the minute the answer is
    # kept, as it is for the cache's lifetime anyway.
    if isinstance(param, datetime.datetime):
        return param.replace(second=0, microsecond=0)
    return param


def wants_results_only(request):
    # htmx restoring history or following a boosted link wants the whole page.
    htmx = request.htmx
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def paginate(request, queryset, *, per_page=PER_PAGE):
    """(page, elided page range) of the `page` parameter; a junk number gives the first page, one too far the last."""
    paginator = CachedCountPaginator(queryset, per_page, request=request)
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
