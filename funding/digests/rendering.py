"""A digest as an e-mail: subject, plain text and HTML, in the digest's language.

A section (its title, entries and "more" link) reads the same for everyone it goes to, and
so does a whole digest but for the person's name and links. The planner passes one
`fragments` dict for a batch: each distinct section is rendered once in it, each distinct
digest once with marks where the name and links go, and those are filled in per person.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from funding.models import DeliveryKind


@dataclass(frozen=True)
class RenderedSection:
    html: str  # safe: rendered with autoescaping
    text: str


# Marks for what differs between the people who get the same digest; private-use characters,
# which neither escaping nor wrapping touches.
NAME, UNSUBSCRIBE, PREFERENCES = "\ue000name\ue001", "\ue000unsubscribe\ue001", "\ue000preferences\ue001"


class _Anyone:
    """The recipient while a digest is rendered for everyone who gets the same one."""

    def get_short_name(self):
        return NAME


def render_digest(digest, *, unsubscribe_url, preferences_url, fragments=None):
    """(subject, text, html) of a Digest (selection.py). Templates: emails/digest_* and emails/reminder_*.

    `fragments`: a dict kept across the digests of a run. Each distinct section is rendered
    once in it, and each distinct digest (the same sections, language and start date) once,
    with marks where the name and the links go, which are then filled in per person.
    """
    fragments = {} if fragments is None else fragments
    with translation.override(digest.language):
        if digest.kind == DeliveryKind.REMINDER:
            return _render(digest, "reminder", digest.user, unsubscribe_url, preferences_url, rendered_sections=[])
        sections = [_section_key(section, digest.language, fragments) for section in digest.sections]
        key = ("digest", digest.language, digest.kind, timezone.localdate(digest.covers_from), tuple(sections))
        if key not in fragments:
            rendered_sections = [fragments[section] for section in sections]
            fragments[key] = _render(digest, "digest", _Anyone(), UNSUBSCRIBE, PREFERENCES, rendered_sections)
    subject, text, html = fragments[key]
    name = digest.user.get_short_name()
    fill_text = {UNSUBSCRIBE: unsubscribe_url, PREFERENCES: preferences_url, NAME: name}
    fill_html = {mark: escape(value) for mark, value in fill_text.items()}
    return subject, _filled(text, fill_text), _filled(html, fill_html)


def _filled(rendered, values):
    # The name last: whatever a name holds is never read as a mark.
    for mark, value in values.items():
        rendered = rendered.replace(mark, value)
    return rendered


def _render(digest, template, recipient, unsubscribe_url, preferences_url, rendered_sections):
    context = {
        "digest": digest,
        "recipient": recipient,
        "sections": digest.sections,
        "language": digest.language,
        "site_url": settings.SITE_URL,
        "unsubscribe_url": unsubscribe_url,
        "preferences_url": preferences_url,
        "counts": _counts(digest),
        "first_entry": digest.sections[0].entries[0] if digest.keys else None,
        "entry_count": len(digest.keys),
        "rendered_sections": rendered_sections,
    }
    subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
    context["subject"] = subject
    text = _tidy(render_to_string(f"emails/{template}_body.txt", context))
    html = render_to_string(f"emails/{template}_body.html", context)
    return subject, text, html


def _section_key(section, language, fragments):
    """The key under which the section's RenderedSection is in `fragments` (rendered if it is not yet)."""
    entries = tuple(
        (entry.key, entry.title, entry.url, entry.summary, tuple(entry.details), entry.language)
        for entry in section.entries
    )
    key = ("section", language, section.kind, section.title, section.more, section.more_url, entries)
    if key not in fragments:
        context = {"section": section, "language": language}
        fragments[key] = RenderedSection(
            html=mark_safe(render_to_string("emails/digest_section.html", context)),  # noqa: S308 - rendered escaped
            text=render_to_string("emails/digest_section.txt", context),
        )
    return key


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
