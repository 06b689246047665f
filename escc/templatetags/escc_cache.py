"""`{% cache_for_content %}`: a fragment kept while the content it shows stands.

    {% load escc_cache %}
    {% cache_for_content "org-card" organisation.pk %}…{% endcache_for_content %}

The fragment is rendered once per content version (escc/content_version.py), language and the
values after the name, and kept at most FRAGMENT_CACHE_SECONDS; with 0 (the suite) it is rendered
every time and nothing is read. Name every value the fragment depends on besides the content:
the person, when it shows anything of theirs; the address, for a form bound to the query.
"""

import hashlib

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.safestring import mark_safe

from escc import content_version

register = template.Library()


class ContentFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        if settings.FRAGMENT_CACHE_SECONDS <= 0:
            return self.nodelist.render(context)
        values = repr([value.resolve(context) for value in self.vary_on])
        version = content_version.for_request(context.get("request"))
        varies = hashlib.sha256(values.encode()).hexdigest()
        key = f"fragment:{self.name.resolve(context)}:{version}:{translation.get_language()}:{varies}"
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, settings.FRAGMENT_CACHE_SECONDS)
        return mark_safe(html)  # noqa: S308 (rendered by the template engine, escaped there)


@register.tag
def cache_for_content(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("cache_for_content needs a name")
    nodelist = parser.parse(("endcache_for_content",))
    parser.delete_first_token()
    return ContentFragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )
