import copy
import re

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from members.logos import process_logo
from members.models import Competence, FocusArea, Organisation, User, registry_code_validator


def mark_field_languages(form):
    """Tell browsers and screen readers which language each `*_et` / `*_en` field is written in."""
    for name, field in form.fields.items():
        language = name.rsplit("_", 1)[-1]
        if "_" in name and language in ("et", "en"):
            field.widget.attrs["lang"] = language


class SignupDetailsForm(forms.Form):
    """Extra fields on allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        help_text=_("Shown to other members, e.g. “Mari Maasikas”."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"]
        user.preferred_language = get_language() or user.preferred_language
        user.save(update_fields=["display_name", "preferred_language"])


class ProfileForm(forms.ModelForm):
    """A person's own page: their name and language, and their job title in each organisation.

    One `job_title_<membership id>` field per organisation the person belongs to.
    """

    class Meta:
        model = User
        fields = ["display_name", "preferred_language"]
        widgets = {"display_name": forms.TextInput(attrs={"autocomplete": "name"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.memberships = []
        if self.instance.pk:
            self.memberships = list(
                self.instance.memberships.select_related("organisation").order_by("organisation__name", "pk")
            )
        for membership in self.memberships:
            self.fields[self.job_title_name(membership)] = forms.CharField(
                label=_("Job title at %(organisation)s") % {"organisation": membership.organisation.name},
                max_length=150,
                required=False,
                initial=membership.job_title,
                widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
            )

    @staticmethod
    def job_title_name(membership):
        return f"job_title_{membership.pk}"

    def personal_fields(self):
        return [self[name] for name in self._meta.fields]

    def job_title_fields(self):
        """(membership, bound field) for each organisation the person belongs to."""
        return [(membership, self[self.job_title_name(membership)]) for membership in self.memberships]

    def job_titles(self):
        """The cleaned titles by membership id, for `update_own_profile`."""
        return {m.pk: self.cleaned_data[self.job_title_name(m)] for m in self.memberships}


class CompetenceChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        if obj.is_approved:
            return obj.name
        return _("%(name)s (proposed, waiting for the cluster staff)") % {"name": obj.name}


def split_competence_names(text):
    """'Mobile apps, IoT ,, data' → ['Mobile apps', 'IoT', 'data'] (spacing tidied, empties dropped)."""
    names = (" ".join(part.split()) for part in re.split(r"[,;\n]", text or ""))
    return [name for name in names if name]


class OrganisationProfileForm(forms.ModelForm):
    """An organisation admin's edit of the profile.

    Validates a copy of the organisation, so the page keeps showing the saved profile until
    the service has written the change. `changes()` hands the cleaned input to
    `services.update_organisation_profile`.
    """

    MAX_PROPOSED = 10

    registry_code = forms.CharField(
        label=_("Estonian registry code"),
        required=False,
        help_text=_("8 digits, from the Estonian Business Register."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        max_length=200,
        widget=forms.URLInput(attrs={"autocomplete": "url", "placeholder": "https://"}),
    )
    logo = forms.FileField(
        label=_("Upload a logo"),
        required=False,
        help_text=_("PNG, JPEG or WebP, at most 2 MB. It is shown at most 512 × 512 pixels."),
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )
    remove_logo = forms.BooleanField(label=_("Remove the current logo"), required=False)
    new_competences = forms.CharField(
        label=_("Propose new competences"),
        required=False,
        max_length=1000,
        help_text=_(
            "Missing from the list? Type names separated by commas. Existing ones with a similar name "
            "are used instead; new ones are shown once the cluster staff approve them."
        ),
    )

    class Meta:
        model = Organisation
        fields = [
            "name_et",
            "name_en",
            "kind",
            "registry_code",
            "foreign_registration",
            "country",
            "city",
            "size_band",
            "founded_year",
            "short_description_et",
            "short_description_en",
            "description_et",
            "description_en",
            "focus_areas",
            "competences",
            "website",
            "contact_email",
            "contact_visibility",
        ]
        labels = {
            "name_et": _("Name in Estonian"),
            "name_en": _("Name in English"),
            "short_description_et": _("Short description in Estonian"),
            "short_description_en": _("Short description in English"),
            "description_et": _("Description in Estonian"),
            "description_en": _("Description in English"),
            "founded_year": _("Year founded"),
            "size_band": _("Number of people"),
        }
        help_texts = {
            "name_en": _("Leave empty if the name is the same in English."),
            "short_description_et": _("One or two sentences for the member directory, at most 300 characters."),
            "short_description_en": _("One or two sentences for the member directory, at most 300 characters."),
            "description_et": _("Plain text, at most 5000 characters."),
            "description_en": _("Plain text, at most 5000 characters."),
            "contact_email": _("A shared address, e.g. info@…, rather than a person's."),
        }
        widgets = {
            "name_et": forms.TextInput(attrs={"autocomplete": "organization"}),
            "short_description_et": forms.Textarea(attrs={"rows": 2}),
            "short_description_en": forms.Textarea(attrs={"rows": 2}),
            "description_et": forms.Textarea(attrs={"rows": 8}),
            "description_en": forms.Textarea(attrs={"rows": 8}),
            "founded_year": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "focus_areas": forms.CheckboxSelectMultiple,
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        field_classes = {"competences": CompetenceChoiceField}

    def __init__(self, *args, instance, **kwargs):
        super().__init__(*args, instance=copy.copy(instance), **kwargs)
        self.organisation = instance
        mark_field_languages(self)
        self.fields["focus_areas"].queryset = FocusArea.objects.all()
        self.fields["competences"].widget = forms.CheckboxSelectMultiple()
        # Approved competences, the ones this organisation proposed, and any it already has.
        current = [getattr(competence, "pk", competence) for competence in self.initial.get("competences") or []]
        self.fields["competences"].queryset = Competence.objects.filter(
            Q(is_approved=True) | Q(proposed_by=instance) | Q(pk__in=current)
        ).order_by("name")
        self.fields["competences"].help_text = _("What your organisation can do for partners.")
        if not instance.logo:
            del self.fields["remove_logo"]

    def clean_registry_code(self):
        code = re.sub(r"\s+", "", self.cleaned_data.get("registry_code") or "")
        if not code:
            return None
        registry_code_validator(code)
        if Organisation.objects.filter(registry_code=code).exclude(pk=self.organisation.pk).exists():
            raise ValidationError(
                _(
                    "Another organisation in the portal already has the registry code %(code)s. "
                    "Check the code; if it is yours, please contact the cluster staff."
                ),
                code="registry_code_taken",
                params={"code": code},
            )
        return code

    def clean_founded_year(self):
        year = self.cleaned_data.get("founded_year")
        if year is not None and year > timezone.localdate().year:
            raise ValidationError(_("The year founded cannot be in the future."), code="future_year")
        return year

    def clean_logo(self):
        upload = self.cleaned_data.get("logo")
        if not upload:
            return None
        return process_logo(upload)

    def clean_new_competences(self):
        names = split_competence_names(self.cleaned_data.get("new_competences"))
        if len(names) > self.MAX_PROPOSED:
            raise ValidationError(
                _("Please propose at most %(count)d competences at a time."),
                code="too_many",
                params={"count": self.MAX_PROPOSED},
            )
        too_long = [name for name in names if len(name) > 100]
        if too_long:
            raise ValidationError(
                _("A competence name has at most 100 characters: “%(name)s…” is longer."),
                code="name_too_long",
                params={"name": too_long[0][:40]},
            )
        return names

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("country") == "EE" and not cleaned.get("registry_code") and "registry_code" not in self.errors:
            self.add_error(
                "registry_code",
                ValidationError(
                    _("An Estonian organisation needs its registry code (8 digits)."), code="registry_code_required"
                ),
            )
        return cleaned

    def changes(self):
        """The keyword arguments of `services.update_organisation_profile` for the cleaned input."""
        data = {name: self.cleaned_data[name] for name in self._meta.fields}
        return {
            "data": data,
            "logo": self.cleaned_data.get("logo"),
            "remove_logo": self.cleaned_data.get("remove_logo", False),
            "proposed_competences": self.cleaned_data.get("new_competences", []),
        }
