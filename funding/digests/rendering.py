"""A digest as an e-mail: subject, plain text and HTML, in the digest's language.

A section (its title, entries and "more" link) reads the same for everyone it goes to, so
the planner passes one `fragments` dict for a run and each distinct section is rendered
once per language; only the greeting, the dates and the links are rendered per person.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from funding.models import DeliveryKind


@dataclass(frozen=True)
class RenderedSection:
    html: str  # safe: rendered with autoescaping
    text: str


def render_digest(digest, *, unsubscribe_url, preferences_url, fragments=None):
    """(subject, text, html) of a Digest (selection.py). Templates: emails/digest_* and emails/reminder_*.

    `fragments`: a dict kept across the digests of a run, to render each distinct section once.
    """
    template = "reminder" if digest.kind == DeliveryKind.REMINDER else "digest"
    fragments = {} if fragments is None else fragments
    with translation.override(digest.language):
        context = {
            "digest": digest,
            "recipient": digest.user,
            "sections": digest.sections,
            "language": digest.language,
            "site_url": settings.SITE_URL,
            "unsubscribe_url": unsubscribe_url,
            "preferences_url": preferences_url,
            "counts": _counts(digest),
            "first_entry": digest.sections[0].entries[0] if digest.keys else None,
            "entry_count": len(digest.keys),
            "rendered_sections": [_rendered(section, digest.language, fragments) for section in digest.sections],
        }
        subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
        context["subject"] = subject
        text = _tidy(render_to_string(f"emails/{template}_body.txt", context))
        html = render_to_string(f"emails/{template}_body.html", context)
    return subject, text, html


def _rendered(section, language, fragments):
    entries = tuple(
        (entry.key, entry.title, entry.url, entry.summary, tuple(entry.details), entry.language)
        for entry in section.entries
    )
    key = (language, section.kind, section.title, section.more, section.more_url, entries)
    if key not in fragments:
        context = {"section": section, "language": language}
        fragments[key] = RenderedSection(
            html=mark_safe(render_to_string("emails/digest_section.html", context)),  # noqa: S308 - rendered escaped
            text=render_to_string("emails/digest_section.txt", context),
        )
    return fragments[key]


def _counts(digest):
    """'3 new calls, 2 news items': what the digest holds, for the subject line."""
    calls = digest.count("searches", "calls")
    reminders, projects = digest.count("reminders"), digest.count("projects")
    activity, news = digest.count("activity"), digest.count("news")
    parts = [
        calls and ngettext("%(count)d new call", "%(count)d new calls", calls) % {"count": calls},
        reminders and ngettext("%(count)d deadline", "%(count)d deadlines", reminders) % {"count": reminders},
        projects and ngettext("%(count)d project", "%(count)d projects", projects) % {"count": projects},
        activity and ngettext("%(count)d project update", "%(count)d project updates", activity) % {"count": activity},
        news and ngettext("%(count)d news item", "%(count)d news items", news) % {"count": news},
    ]
    return ", ".join(part for part in parts if part)


def _tidy(text):
    """No trailing spaces, at most one blank line in a row: the template's tags leave both behind."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)) + "\n"
