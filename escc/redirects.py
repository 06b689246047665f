"""The one place a `next` address is read: back where a button was, if that is a page of this site."""

from django.http import HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme


def is_local_path(target, request):
    """Whether `target` is a path on this site ("/et/projects/"), not a bare word or another site."""
    if not target.startswith("/") or target.startswith("//"):
        return False
    host = request.get_host()
    return url_has_allowed_host_and_scheme(target, allowed_hosts={host}, require_https=request.is_secure())


def safe_next(request):
    """The `next` address of the form or the link if it is a local path; else ""."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    return target if is_local_path(target, request) else ""


def redirect_to_next(request, fallback, *args, **kwargs):
    """Go to `next`, or to `fallback` (a URL name, model or path as for `redirect()`).

    The checked address is redirected to as it is: `redirect()` would take a bare word as a URL name.
    """
    return HttpResponseRedirect(safe_next(request) or resolve_url(fallback, *args, **kwargs))
