"""Forms of the panellist: joining, the profile, consent, withdrawal and erasure."""

from django import forms
from django.contrib.auth import password_validation
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from livinglab.models import Panellist
from livinglab.services.panel import PROFILE_FIELDS
from members.forms_people import PASSWORD_HELP
from members.models import FocusArea, User

ACCOUNT_FIELDS = ["display_name", "email", "password1", "password2"]


class PanelProfileForm(forms.ModelForm):
    interests = forms.ModelMultipleChoiceField(
        label=_("What interests you"),
        queryset=FocusArea.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The cluster's focus areas: we invite you to tests about them."),
    )

    class Meta:
        model = Panellist
        fields = [*PROFILE_FIELDS, "interests"]
        widgets = {
            "birth_year": forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "bday-year"}),
            "gender": forms.RadioSelect,
            "digital_skill": forms.RadioSelect,
            "test_frequency": forms.RadioSelect,
            "occupation": forms.Select,
        }
        help_texts = {
            "birth_year": _("For example 1985. Only the year: we use it for age groups."),
            "gender": _("Optional."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        year = timezone.now().year
        self.fields["birth_year"].widget.attrs.update({"min": 1900, "max": year})
        self.fields["gender"].choices = [choice for choice in self.fields["gender"].choices if choice[0]]
        self.fields["languages"].error_messages["required"] = _("Choose at least one language.")

    def clean_birth_year(self):
        year = self.cleaned_data["birth_year"]
        if year > timezone.now().year:
            raise forms.ValidationError(_("The year of birth cannot be in the future."))
        return year

    def profile(self):
        return {name: self.cleaned_data[name] for name in PROFILE_FIELDS}

    def grouped_fields(self):
        groups = [
            (_("About you"), ["birth_year", "gender", "occupation", "languages"]),
            (_("Where you live"), ["municipality", "district"]),
            (_("Devices and skills"), ["devices", "operating_systems", "digital_skill"]),
            (_("Your everyday life"), ["interests", "mobility", "accessibility_needs", "test_frequency"]),
        ]
        return [(legend, [self[name] for name in names]) for legend, names in groups]


class TermsField(forms.BooleanField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("I have read the panel's terms and agree to them"),
            error_messages={"required": _("To join the panel, agree to its terms.")},
            **kwargs,
        )


class PanelJoinForm(PanelProfileForm):
    """The profile, the consent and, for a visitor, the account."""

    display_name = forms.CharField(
        label=_("Your name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=User._meta.get_field("email").max_length,
        help_text=_("You sign in with it; invitations come to it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
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
    consent = TermsField()
    terms_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, with_account=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.with_account = with_account
        if not with_account:
            for name in ACCOUNT_FIELDS:
                del self.fields[name]

    def account_fields(self):
        return [self[name] for name in ACCOUNT_FIELDS if name in self.fields]

    def clean(self):
        cleaned = super().clean()
        if self.with_account and cleaned.get("password1") and cleaned.get("password2"):
            if cleaned["password1"] != cleaned["password2"]:
                self.add_error("password2", _("The two passwords differ."))
            else:
                candidate = User(email=cleaned.get("email", ""), display_name=cleaned.get("display_name", ""))
                try:
                    password_validation.validate_password(cleaned["password1"], candidate)
                except forms.ValidationError as error:
                    self.add_error("password1", error)
        return cleaned

    def account(self, language):
        if not self.with_account:
            return None
        return {
            "email": self.cleaned_data["email"],
            "display_name": self.cleaned_data["display_name"],
            "password": self.cleaned_data["password1"],
            "language": language,
        }


class ConsentForm(forms.Form):
    consent = TermsField()
    terms_version = forms.IntegerField(widget=forms.HiddenInput)


class WithdrawForm(forms.Form):
    keep_running = forms.TypedChoiceField(
        label=_("Tests you already take part in"),
        choices=[
            ("no", _("Leave them too")),
            ("yes", _("Stay in them until they end")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        initial="no",
    )


class DeleteForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, delete my panel data for good"),
        error_messages={"required": _("Tick the box to confirm that you want your data deleted.")},
    )
