"""Whole pages for visitors who are not signed in, from the cache.

`@cached_for_visitors` on a view: a GET or HEAD without a session or messages cookie is
answered with the page as it was rendered for the same address (path and query), language
and kind (htmx fragment or page), at the same content version. An edit of anything a public
page shows changes the version when it commits (escc/content_version.py), so the next
request renders afresh. `PAGE_CACHE_SECONDS` (60 by default) bounds what only time changes,
such as a call's deadline passing; 0 turns the cache off (the embedded mode, and the suite,
which renders every page fresh and proves the cache in tests/escc/test_page_cache.py).

Never stored: anything but a plain 200, a response that sets a cookie or says private or
no-store, a page that asked for a CSRF token (the token belongs to one visitor), a page
rendered for someone signed in.
"""

import functools
import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.utils import translation
from django.utils.cache import has_vary_header

from escc import content_version

KEY_PREFIX = "visitor-page"


def cached_for_visitors(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _applies_to(request):
            return view(request, *args, **kwargs)
        key = _key(request, content_version.for_request(request))
        response = cache.get(key)
        if response is not None:
            return response
        response = view(request, *args, **kwargs)
        if _may_store(request, response):
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
        return response

    return wrapper


def _applies_to(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def _key(request, version):
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    kind = "fragment" if request.headers.get("HX-Request") == "true" else "page"
    return f"{KEY_PREFIX}:{version}:{translation.get_language()}:{kind}:{address}"


def _may_store(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not has_vary_header(response, "Authorization")
        and not request.user.is_authenticated
    )
