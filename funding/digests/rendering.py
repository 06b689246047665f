"""A digest as an e-mail: subject, plain text and HTML, in the digest's language."""

import re

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import ngettext

from funding.models import DeliveryKind


def render_digest(digest, *, unsubscribe_url, preferences_url):
    """(subject, text, html) of a Digest (selection.py). Templates: emails/digest_* and emails/reminder_*."""
    template = "reminder" if digest.kind == DeliveryKind.REMINDER else "digest"
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
        }
        subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
        context["subject"] = subject
        text = _tidy(render_to_string(f"emails/{template}_body.txt", context))
        html = render_to_string(f"emails/{template}_body.html", context)
    return subject, text, html


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
