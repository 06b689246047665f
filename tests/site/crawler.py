"""A breadth-first crawl of the portal's own pages through Django's test client.

The site-wide checks (crawl, accessibility, permission matrix) use it, so every page a
later issue links to is checked without anyone listing it.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urldefrag, urlencode, urlsplit

LANGUAGE_PREFIXES = ("/et/", "/en/")
# Django's admin has its own design and translations; logout would end the crawl's session.
SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/")


class _LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def internal_links(html):
    parser = _LinkParser()
    parser.feed(html)
    found = []
    for href in parser.links:
        href, _fragment = urldefrag(href)
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        path = without_next(parts.path + (f"?{parts.query}" if parts.query else ""))
        if path.startswith(SKIPPED_PREFIXES):
            continue
        found.append(path)
    return found


def without_next(path):
    """The path without its `?next=` parameter: the sign-in page is one page whatever comes after it."""
    parts = urlsplit(path)
    query = [(name, value) for name, value in parse_qsl(parts.query, keep_blank_values=True) if name != "next"]
    return parts.path + (f"?{urlencode(query)}" if query else "")


@dataclass
class Page:
    path: str
    status: int
    html: str
    linked_from: str


@dataclass
class CrawlResult:
    pages: dict = field(default_factory=dict)
    # Links still queued when the crawl reached its limit: pages nobody checked.
    unvisited: int = 0

    def ok_html_pages(self):
        return [p for p in self.pages.values() if p.status == 200 and p.html]


def email_only_pages(user):
    """Pages that only e-mails link to, for `user`: the one-click unsubscribe page, in both languages."""
    from django.urls import reverse
    from django.utils import translation

    from messaging.unsubscribe import make_token

    paths = []
    for language in ("et", "en"):
        with translation.override(language):
            paths.append(reverse("messaging:unsubscribe", kwargs={"token": make_token(user, "digest")}))
    return paths


def crawl(client, start=("/et/", "/en/"), limit=2000):
    """Fetch every internal page reachable from `start`; redirects are recorded, not followed.

    Stops at `limit` pages, counting what it left in `unvisited`, which the checks assert is 0.
    """
    result = CrawlResult()
    queue = [(path, "(start)") for path in start]
    while queue and len(result.pages) < limit:
        path, source = queue.pop(0)
        if path in result.pages:
            continue
        response = client.get(path)
        is_html = response.get("Content-Type", "").startswith("text/html")
        html = response.content.decode() if is_html else ""
        result.pages[path] = Page(path, response.status_code, html, source)
        if response.status_code in (301, 302) and response.get("Location", "").startswith("/"):
            queue.append((without_next(response["Location"]), path))
        for link in internal_links(html):
            if link not in result.pages:
                queue.append((link, path))
    result.unvisited = len({path for path, _source in queue if path not in result.pages})
    return result
