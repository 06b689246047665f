"""The pages the browser tests visit: whatever a person reaches by following links.

A crawl instead of a list, so a page that a later issue adds and links is checked without
anyone remembering to add it here. It is the site crawl's own (tests/site/crawler.py), with
query strings dropped: `?next=` variants are the same page.
"""

from urllib.parse import urlsplit

from tests.site.crawler import crawl


def reachable_pages(client, *, extra_start=()):
    """The paths of HTML pages answering 200 that `client` reaches from /et/, /en/ and `extra_start`."""
    return {urlsplit(page.path).path for page in crawl(client, start=("/et/", "/en/", *extra_start)).ok_html_pages()}
