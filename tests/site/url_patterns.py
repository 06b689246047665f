"""Every named URL pattern of the portal, for the permission matrix.

Django's admin and allauth's own pages are left out: the libraries test them, and our
tests of sign-in, sign-up and the admin guard cover how we configured them.
"""

from django.urls import URLPattern, URLResolver, get_resolver

THIRD_PARTY_MODULES = ("django.contrib.admin", "allauth.")


def _walk(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            urlconf_module = getattr(entry.urlconf_module, "__name__", "")
            if urlconf_module.startswith(THIRD_PARTY_MODULES) or entry.namespace == "admin":
                continue
            child_namespace = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, child_namespace)
        elif isinstance(entry, URLPattern):
            if entry.callback.__module__.startswith(THIRD_PARTY_MODULES):
                continue
            yield f"{namespace}{entry.name}" if entry.name else f"(unnamed) {entry.pattern}"


def project_url_names():
    return sorted(set(_walk(get_resolver().url_patterns)))


def _allauth_names(patterns):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _allauth_names(entry.url_patterns)
        elif isinstance(entry, URLPattern) and entry.callback.__module__.startswith("allauth.") and entry.name:
            yield entry.name


def allauth_url_names():
    """allauth's named pages (sign-in, sign-up, password reset, two-factor…), for the hostile-input suite."""
    return sorted(set(_allauth_names(get_resolver().url_patterns)))
