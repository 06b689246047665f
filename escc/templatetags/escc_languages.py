"""A text shown in a language other than the page's carries a small label saying which.

Pages mark such a text with `lang` for screen readers; the label is for everyone else:
"in Estonian" on an English page showing a call that has no English text.
"""

from django import template
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

register = template.Library()

LABELS = {"et": _("in Estonian"), "en": _("in English")}


@register.filter
def in_language(code):
    """ "in Estonian" when a text in `code` is shown on a page in another language, else ""."""
    if not code or code == translation.get_language():
        return ""
    return str(LABELS.get(code, ""))


@register.simple_tag
def language_label(code):
    """The label of `in_language` as a span in the page's language, so it reads right inside a lang="…" text."""
    label = in_language(code)
    if not label:
        return ""
    return format_html('<span class="text-language" lang="{}">{}</span>', translation.get_language(), label)
