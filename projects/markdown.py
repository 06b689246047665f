"""Markdown written by members, rendered to safe HTML.

markdown-it-py renders CommonMark with raw HTML switched off; nh3 (ammonia) then keeps only
the tags and attributes below, so nothing a member types can run script or style the page.
"""

import re

import nh3
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

_renderer = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table").enable("strikethrough")

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "del", "a", "ul", "ol", "li", "blockquote", "code", "pre",
    "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


_HEADING = re.compile(r"<(/?)h([1-6])>")


def _demote(match):
    # Headings in member text sit under the page's h1 and section h2: # becomes h3, deeper ones h4.
    return f"<{match.group(1)}h{min(int(match.group(2)) + 2, 4)}>"


def render_markdown(text):
    html = _HEADING.sub(_demote, _renderer.render(text or ""))
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer",
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above
