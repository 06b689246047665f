"""Forms for managing an organisation's people and answering an invitation."""

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from members.models import Role, User

# Says what AUTH_PASSWORD_VALIDATORS check, in words a person can act on.
PASSWORD_HELP = _("At least 10 characters, not only digits, not a common password, and not like your name or e-mail.")


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("Colleague's e-mail address"),
        max_length=User._meta.get_field("email").max_length,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        initial=Role.MEMBER,
        help_text=_("Organisation admins edit the profile and manage people; members take part."),
    )


class MembershipForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    job_title = forms.CharField(label=_("Job title"), max_length=150, required=False)
    is_primary_contact = forms.BooleanField(
        label=_("Primary contact of the organisation"),
        required=False,
        help_text=_("The cluster writes to this person first. Only one person is the primary contact."),
    )

    @classmethod
    def for_membership(cls, membership, data=None):
        initial = {
            "role": membership.role,
            "job_title": membership.job_title,
            "is_primary_contact": membership.is_primary_contact,
        }
        return cls(data, initial=initial)


class InvitationAccountForm(forms.Form):
    """The account of an invited person who has none yet; the e-mail is the invited address."""

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        help_text=_("Shown to other members, e.g. “Mari Maasikas”."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        help_text=PASSWORD_HELP,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ."))
        elif password1:
            person = User(email=self.email, display_name=cleaned.get("display_name") or "")
            try:
                password_validation.validate_password(password1, person)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
