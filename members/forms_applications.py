"""The public membership application form."""

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from members.forms import mark_field_languages
from members.forms_people import PASSWORD_HELP
from members.models import FocusArea, Organisation, OrganisationKind, User, registry_code_validator

ORGANISATION_FIELDS = [
    "name_et",
    "name_en",
    "kind",
    "registry_code",
    "foreign_registration",
    "country",
    "city",
    "website",
    "short_description_et",
    "short_description_en",
]
ACCOUNT_FIELDS = ["display_name", "email", "password1", "password2"]


class ApplicationForm(forms.Form):
    """Organisation details, the contact person and their motivation.

    For a visitor it also asks for the contact's account (name, e-mail, password twice);
    a signed-in person applies as themselves (`with_account=False`).
    """

    name_et = forms.CharField(
        label=_("Name of the organisation"),
        max_length=200,
        help_text=_("As registered, e.g. “Tartu Liikuvus OÜ”."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    name_en = forms.CharField(label=_("Name in English"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Kind of organisation"), choices=[("", "—"), *OrganisationKind.choices])
    registry_code = forms.CharField(
        label=_("Estonian registry code"),
        max_length=20,
        required=False,
        help_text=_("8 digits, from the Estonian Business Register. Required for organisations registered in Estonia."),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    foreign_registration = forms.CharField(
        label=_("Foreign registration"),
        max_length=100,
        required=False,
        help_text=_("Registry and number, for organisations registered outside Estonia."),
    )
    country = Organisation._meta.get_field("country").formfield(label=_("Country of registration"))
    city = forms.CharField(
        label=_("City"), max_length=100, widget=forms.TextInput(attrs={"autocomplete": "address-level2"})
    )
    website = forms.URLField(
        label=_("Website"),
        max_length=Organisation._meta.get_field("website").max_length,
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    short_description_et = forms.CharField(
        label=_("Short description in Estonian"),
        max_length=300,
        help_text=_("One or two sentences for the member directory."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    short_description_en = forms.CharField(
        label=_("Short description in English"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    focus_areas = forms.ModelMultipleChoiceField(
        label=_("Focus areas"),
        queryset=FocusArea.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one focus area.")},
    )
    display_name = forms.CharField(
        label=_("Your name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=User._meta.get_field("email").max_length,
        help_text=_("You sign in with it; we send the decision to it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    contact_job_title = forms.CharField(
        label=_("Your job title"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "organization-title"})
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
    motivation = forms.CharField(
        label=_("Why does your organisation want to join the cluster?"),
        max_length=3000,
        help_text=_("What you work on, and what you hope to do with the cluster's members. At most 3000 characters."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, with_account=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.with_account = with_account
        mark_field_languages(self)
        if not with_account:
            for name in ACCOUNT_FIELDS:
                del self.fields[name]

    def organisation_fields(self):
        return [self[name] for name in ORGANISATION_FIELDS]

    def clean_registry_code(self):
        code = "".join(self.cleaned_data["registry_code"].split())
        if code:
            registry_code_validator(code)
        return code

    def clean(self):
        cleaned = super().clean()
        country = cleaned.get("country")
        if country == "EE" and not cleaned.get("registry_code") and "registry_code" not in self.errors:
            self.add_error("registry_code", _("Organisations registered in Estonia give their 8-digit registry code."))
        elif (
            country and country != "EE" and not cleaned.get("registry_code") and not cleaned.get("foreign_registration")
        ):
            self.add_error(
                "foreign_registration", _("Give the registry and the number your organisation is registered under.")
            )
        if self.with_account:
            self._clean_passwords(cleaned)
        return cleaned

    def _clean_passwords(self, cleaned):
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ."))
        elif password1:
            person = User(email=cleaned.get("email") or "", display_name=cleaned.get("display_name") or "")
            try:
                password_validation.validate_password(password1, person)
            except forms.ValidationError as error:
                self.add_error("password1", error)

    def service_kwargs(self):
        data = self.cleaned_data
        kwargs = {
            "organisation_data": {name: data[name] for name in ORGANISATION_FIELDS},
            "focus_areas": data["focus_areas"],
            "motivation": data["motivation"],
            "contact_job_title": data["contact_job_title"],
        }
        if self.with_account:
            kwargs["account"] = {
                "email": data["email"],
                "display_name": data["display_name"],
                "password": data["password1"],
                "language": get_language() or "et",
            }
        return kwargs
