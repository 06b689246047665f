"""E-mails written from templates in the recipient's language, sent through the outbox.

A message named `x` has `emails/x_subject.txt`, `emails/x_body.txt` and `emails/x_body.html`;
the HTML part extends `emails/base.html`. With an `unsubscribe_url` in the context, both
parts end with that link (the HTML one through the base template's footer).
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from messaging.outbox import queue_email


def render(template, context, *, language):
    with translation.override(language):
        context = {"site_url": settings.SITE_URL, "language": language, **context}
        subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
        text = render_to_string(f"emails/{template}_body.txt", context).strip()
        if context.get("unsubscribe_url"):
            text += f"\n\n-- \n{gettext('Unsubscribe from these e-mails')}: {context['unsubscribe_url']}"
        html = render_to_string(f"emails/{template}_body.html", context)
    return subject, text, html


def send_to_person(user, template, context, *, kind=None, headers=None):
    """Queue an e-mail to a person, in their preferred language."""
    return send_to_address(
        user.email, template, {"recipient": user, **context}, user.preferred_language, kind=kind, headers=headers
    )


def send_to_address(address, template, context, language, *, kind=None, headers=None):
    subject, text, html = render(template, context, language=language)
    return queue_email(
        to=address,
        subject=f"[{settings.SITE_NAME}] {subject}",
        text=text,
        html=html,
        kind=kind or template,
        headers=headers,
    )
