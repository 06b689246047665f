from allauth.account.adapter import DefaultAccountAdapter
from django.utils.translation import get_language


class AccountAdapter(DefaultAccountAdapter):
    """allauth hooks: a new account starts in the language it signed up in."""

    def populate_username(self, request, user):
        # There is no username field; allauth would otherwise try to fill one.
        return None

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.preferred_language = get_language() or user.preferred_language
        if commit:
            user.save()
        return user
