"""Forms of campaign owners and staff: the campaign with its criteria, questions, quotas, decisions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from livinglab import choices
from livinglab.matching import CRITERIA_FIELDS
from livinglab.models import Campaign, Question, Quota, QuotaAttribute
from members.forms import mark_field_languages
from members.models import FocusArea, Organisation
from projects.interface import Participation as ProjectParticipation

CAMPAIGN_FIELDS = [
    "title_et",
    "title_en",
    "prototype_et",
    "prototype_en",
    "tasks_et",
    "tasks_en",
    "mode",
    "place_et",
    "place_en",
    "starts_on",
    "ends_on",
    "testers_wanted",
    "include_minors",
    "incentive_et",
    "incentive_en",
]

CRITERIA_LABELS = {
    "age_band": (_("Age"), choices.AGE_BAND_CHOICES),
    "gender": (_("Gender"), choices.Gender.choices),
    "municipality": (_("Home municipality"), choices.MUNICIPALITY_CHOICES),
    "occupation": (_("Occupation"), choices.Occupation.choices),
    "digital_skill": (_("Digital skills"), choices.DigitalSkill.choices),
    "test_frequency": (_("Willing to test"), choices.TestFrequency.choices),
    "languages": (_("Speaks one of"), choices.Language.choices),
    "devices": (_("Uses one of these devices"), choices.Device.choices),
    "operating_systems": (_("Uses one of these systems"), choices.OperatingSystem.choices),
    "mobility": (_("Gets around by one of"), choices.Mobility.choices),
    "accessibility_needs": (_("Has one of these accessibility needs"), choices.Accessibility.choices),
    "interests": (_("Interested in one of"), None),
}


def _options(name):
    label, options = CRITERIA_LABELS[name]
    if options is None:
        options = [(area.slug, area.name) for area in FocusArea.objects.all()]
    return label, options


def criteria_summary(criteria):
    """[(label, [answer labels])] of a campaign's criteria, in the form's order, for reading."""
    summary = []
    for name in CRITERIA_FIELDS:
        if criteria.get(name):
            label, options = _options(name)
            names = dict(options)
            summary.append((label, [str(names.get(value, value)) for value in criteria[name]]))
    return summary


class CampaignForm(forms.ModelForm):
    """The campaign, who may take part (criteria, all optional) and, when the person can act for
    several organisations, which one runs it."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation running the test"), queryset=Organisation.objects.none()
    )
    project = forms.TypedChoiceField(label=_("Project"), required=False, coerce=int, empty_value=None)

    class Meta:
        model = Campaign
        fields = CAMPAIGN_FIELDS
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "mode": forms.RadioSelect,
            "prototype_et": forms.Textarea(attrs={"rows": 4}),
            "prototype_en": forms.Textarea(attrs={"rows": 4}),
            "tasks_et": forms.Textarea(attrs={"rows": 4}),
            "tasks_en": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {
            "title_et": _("Title in Estonian"),
            "title_en": _("Title in English"),
            "prototype_et": _("The prototype, in Estonian"),
            "prototype_en": _("The prototype, in English"),
            "tasks_et": _("What testers will do, in Estonian"),
            "tasks_en": _("What testers will do, in English"),
            "place_et": _("Place, in Estonian"),
            "place_en": _("Place, in English"),
            "incentive_et": _("Thank-you for testers, in Estonian"),
            "incentive_en": _("Thank-you for testers, in English"),
        }
        help_texts = {
            "prototype_et": _("What it is and what it should do; panellists read this in the invitation."),
            "place_et": _("Address and room, for a test at a place."),
            "incentive_et": _("For example a cinema ticket or a 20 € gift card. Optional."),
        }

    def __init__(self, *args, organisation_ids, **kwargs):
        super().__init__(*args, **kwargs)
        mark_field_languages(self)
        organisations = Organisation.objects.filter(pk__in=organisation_ids).order_by("name")
        self.fields["organisation"].queryset = organisations
        if self.instance.pk:
            del self.fields["organisation"]
            owner_ids = [self.instance.organisation_id]
        elif len(organisation_ids) == 1:
            self.fields["organisation"].initial = organisation_ids[0]
            self.fields["organisation"].widget = forms.HiddenInput()
            owner_ids = organisation_ids
        else:
            owner_ids = organisation_ids
        projects = (
            ProjectParticipation.objects.filter(organisation_id__in=owner_ids)
            .select_related("project")
            .order_by("project__title")
        )
        self.project_owners = {}
        for participation in projects:
            self.project_owners.setdefault(participation.project_id, set()).add(participation.organisation_id)
        titles = {p.project_id: p.project.title for p in projects}
        self.fields["project"].choices = [("", _("No project")), *titles.items()]
        self.fields["project"].help_text = _("Optional: one of your organisation's projects that the test belongs to.")
        if self.instance.pk:
            self.fields["project"].initial = self.instance.project_id
        for name in CRITERIA_FIELDS:
            label, options = _options(name)
            self.fields[f"criteria_{name}"] = forms.MultipleChoiceField(
                label=label,
                choices=options,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                initial=self.instance.criteria.get(name, []),
            )

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The last day of testing cannot be before the first."))
        if cleaned.get("mode") == Campaign.Mode.PLACE and not cleaned.get("place_et"):
            self.add_error("place_et", _("Say where the test takes place."))
        project = cleaned.get("project")
        organisation = self.instance.organisation if self.instance.pk else cleaned.get("organisation")
        if project is not None and (
            organisation is None or organisation.pk not in self.project_owners.get(project, ())
        ):
            self.add_error("project", _("Choose one of the projects of the organisation running the test."))
        return cleaned

    def campaign_fields(self):
        return [self[name] for name in ["organisation", *CAMPAIGN_FIELDS, "project"] if name in self.fields]

    def criteria_fields(self):
        return [self[f"criteria_{name}"] for name in CRITERIA_FIELDS]

    def data_for_service(self):
        data = {name: self.cleaned_data[name] for name in CAMPAIGN_FIELDS}
        data["project_id"] = self.cleaned_data.get("project")
        return data

    def submitted_criteria(self):
        """The criteria as typed, valid or not, for the matching count shown with the form."""
        if not self.is_bound:
            return dict(self.instance.criteria)
        criteria = {}
        for name in CRITERIA_FIELDS:
            # Only answers the field offers: anything else typed into the request is dropped.
            offered = {str(value) for value, _label in self.fields[f"criteria_{name}"].choices}
            values = [value for value in self.data.getlist(f"criteria_{name}") if value in offered]
            if values:
                criteria[name] = values
        return criteria

    def criteria(self):
        return {
            name: self.cleaned_data[f"criteria_{name}"]
            for name in CRITERIA_FIELDS
            if self.cleaned_data[f"criteria_{name}"]
        }


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class QuestionForm(forms.Form):
    """A question: its text in both languages and, for choices, the answers one per line.

    A screener lists the answers that fit the test apart from those that do not.
    """

    kind = forms.ChoiceField(label=_("Kind of answer"), choices=Question.Kind.choices)
    text_et = forms.CharField(label=_("Question in Estonian"), max_length=500)
    text_en = forms.CharField(label=_("Question in English"), max_length=500, required=False)
    options_et = forms.CharField(
        label=_("Answers in Estonian, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For a choice question."),
    )
    options_en = forms.CharField(
        label=_("Answers in English, one per line, in the same order"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    other_et = forms.CharField(
        label=_("Answers that do not fit the test, in Estonian, one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Whoever picks one of these is not invited."),
    )
    other_en = forms.CharField(
        label=_("The same in English, in the same order"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, purpose, **kwargs):
        super().__init__(*args, **kwargs)
        self.purpose = purpose
        mark_field_languages(self)
        if purpose == Question.Purpose.SCREENER:
            self.fields["kind"].choices = [
                (value, label) for value, label in Question.Kind.choices if value in {"single", "multiple"}
            ]
            self.fields["options_et"].label = _("Answers that fit the test, in Estonian, one per line")
            self.fields["options_et"].help_text = ""
        else:
            del self.fields["other_et"], self.fields["other_en"]

    def clean(self):
        cleaned = super().clean()
        for et_name, en_name in [("options_et", "options_en"), ("other_et", "other_en")]:
            if et_name not in self.fields:
                continue
            et, en = _lines(cleaned.get(et_name)), _lines(cleaned.get(en_name))
            if en and len(en) != len(et):
                self.add_error(en_name, _("Give as many English answers as Estonian ones, or none."))
        return cleaned

    def options(self):
        def pairs(et_name, en_name, accepted):
            et, en = _lines(self.cleaned_data.get(et_name)), _lines(self.cleaned_data.get(en_name))
            return [(label, en[number] if en else "", accepted) for number, label in enumerate(et)]

        if self.cleaned_data["kind"] not in {Question.Kind.SINGLE, Question.Kind.MULTIPLE}:
            return []
        accepted = pairs("options_et", "options_en", True)
        if self.purpose == Question.Purpose.SCREENER:
            return accepted + pairs("other_et", "other_en", False)
        return accepted

    def text(self):
        return {"text_et": self.cleaned_data["text_et"], "text_en": self.cleaned_data["text_en"]}


class QuotaForm(forms.ModelForm):
    class Meta:
        model = Quota
        fields = ["attribute", "value", "minimum", "maximum_percent"]
        help_texts = {
            "value": _(
                "For age, one of 13-17, 18-29, 30-44, 45-59, 60-74, 75+; for a district, municipality/district "
                "(e.g. tartu/Annelinn). Leave empty with “at most” to limit every value alike."
            ),
            "minimum": _("For example at least 10 people aged 60–74."),
            "maximum_percent": _("For example 50 for at most half from any one district."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attribute"].choices = QuotaAttribute.choices


class PlacesForm(forms.Form):
    testers_wanted = forms.IntegerField(
        label=_("Number of testers"),
        min_value=1,
        max_value=500,
        help_text=_("More places go first to the people on the waiting list, in the order they joined it."),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("return", _("Return to the owner for changes"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the owner"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you return the campaign: say what to change."),
    )


class ProfileFilterForm(forms.Form):
    """Narrow a campaign's results by profile fields, the same fields and answers as the criteria."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in CRITERIA_FIELDS:
            label, options = _options(name)
            self.fields[name] = forms.MultipleChoiceField(
                label=label, choices=options, required=False, widget=forms.CheckboxSelectMultiple
            )

    def profile_filter(self):
        if not self.is_valid():
            return {}
        return {name: values for name, values in self.cleaned_data.items() if values}
