from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from escc.navigation import main_sections


def site(request):
    """Header navigation and the language switch, on every page."""
    current = get_language()
    path = request.get_full_path()
    return {
        "site_url": settings.SITE_URL,
        "nav_sections": [s for s in main_sections() if s["url"]],
        "language_links": [
            {"code": code, "name": _native_name(code), "url": translate_url(path, code), "is_current": code == current}
            for code, _name in settings.LANGUAGES
        ],
    }


def _native_name(code):
    # A language is named in itself, so a reader finds theirs whatever the page's language.
    return {"et": "Eesti", "en": "English"}[code]
