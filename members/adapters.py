from allauth.account.adapter import DefaultAccountAdapter
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.translation import get_language


class AccountAdapter(DefaultAccountAdapter):
    """allauth hooks: accounts start in the language they signed up in; mail has an HTML part."""

    def populate_username(self, request, user):
        # There is no username field; allauth would otherwise try to fill one.
        return None

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.preferred_language = get_language() or user.preferred_language
        if commit:
            user.save()
        return user

    def render_mail(self, template_prefix, email, context, headers=None):
        message = super().render_mail(template_prefix, email, context, headers=headers)
        if isinstance(message, EmailMultiAlternatives) and not message.alternatives:
            # allauth ships plain-text templates only; one wrapper gives every one of them
            # the portal's HTML design without copying thirty templates.
            html = render_to_string(
                "emails/html_wrapper.html",
                {"body": message.body, "subject": message.subject, "language": get_language()},
            )
            message.attach_alternative(html, "text/html")
        return message
