import time
from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.validators import MaxLengthValidator
from django.template.loader import render_to_string
from django.utils.translation import get_language

EMAIL_MAX_LENGTH = 254


class AccountAdapter(DefaultAccountAdapter):
    """allauth hooks: accounts start in the language they signed up in; mail has an HTML part."""

    def populate_username(self, request, user):
        # There is no username field; allauth would otherwise try to fill one.
        return None

    def clean_email(self, email):
        # allauth's forms allow 320 characters; an address and the outbox's `to` hold 254 (RFC 5321).
        # Said alike whether or not an account exists: no account has a longer address.
        MaxLengthValidator(EMAIL_MAX_LENGTH)(email)
        return super().clean_email(email)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.preferred_language = get_language() or user.preferred_language
        if commit:
            user.save()
        return user

    def is_reauthentication_required(self, *, app, **kwargs):
        # A password typed in to sign in a minute ago is as fresh as one typed in again: staff
        # sent from the admin to set up two-factor are not asked for it twice in a row.
        if app == "allauth.mfa" and signed_in_recently(self.request):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def render_mail(self, template_prefix, email, context, headers=None):
        message = super().render_mail(template_prefix, email, context, headers=headers)
        if isinstance(message, EmailMultiAlternatives) and not message.alternatives:
            # allauth ships plain-text templates only; one wrapper gives every one of them
            # the portal's HTML design without copying thirty templates.
            html = render_to_string(
                "emails/base.html",
                {
                    "body": message.body,
                    "subject": message.subject,
                    "language": get_language(),
                    "site_url": settings.SITE_URL,
                },
            )
            message.attach_alternative(html, "text/html")
        return message

    def send_mail(self, template_prefix, email, context):
        """allauth's e-mails go through the outbox like every other e-mail of the portal."""
        from messaging.outbox import queue_email

        context = {"email": email, "current_site": portal_site(), "site_url": settings.SITE_URL, **context}
        message = self.render_mail(template_prefix, email, context)
        html = next((content for content, mimetype in message.alternatives if mimetype == "text/html"), "")
        for address in message.to:
            queue_email(
                to=address,
                subject=message.subject,
                text=message.body,
                html=html,
                kind=template_prefix.rsplit("/", 1)[-1],
                from_email=message.from_email,
            )


def portal_site():
    """What allauth's templates call `current_site`, from the settings rather than the Sites table."""
    return SimpleNamespace(name=settings.SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc)


def signed_in_recently(request):
    """Whether this session signed in (or reauthenticated) within allauth's reauthentication timeout."""
    if request is None or not request.user.is_authenticated:
        return False
    records = get_authentication_records(request, request.user)
    return bool(records) and time.time() - records[-1]["at"] < account_settings.REAUTHENTICATION_TIMEOUT
