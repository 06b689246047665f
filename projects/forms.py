"""Parsing and field validation of the project forms; the services own every rule across objects."""

import copy

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from escc.widgets import DateInput
from funding.interface import Call
from members.models import Competence, FocusArea, Organisation, OrganisationKind
from projects import permissions
from projects.models import CLOSED_STAGES, Project, ProjectUpdate

MARKDOWN_HELP = _(
    "Markdown: **bold**, *italic*, a line starting with “- ” for a list, [text](https://…) for a link. "
    "HTML is not allowed."
)


class TargetCallField(forms.ModelChoiceField):
    """A call named with its next deadline, so people pick the right one of similar titles."""

    def label_from_instance(self, call):
        if call.is_rolling:
            return _("%(title)s (rolling intake)") % {"title": call.title}
        upcoming = getattr(call, "next_deadline_at", None)
        if upcoming is None:
            return _("%(title)s (closed)") % {"title": call.title}
        deadline = formats.date_format(timezone.localdate(upcoming), "SHORT_DATE_FORMAT")
        return _("%(title)s (deadline %(date)s)") % {"title": call.title, "date": deadline}


class ProjectForm(forms.ModelForm):
    """The project's create and edit form.

    On create (no saved instance) it asks which organisation leads, among those the person
    may act for. It validates a copy of the project, so the page keeps showing the saved
    project until the service has written the change. `changes()` hands the cleaned input to
    `services.create_project` / `services.update_project`.
    """

    PLAIN_FIELDS = [
        "title",
        "summary",
        "description",
        "language",
        "stage",
        "visibility",
        "starts_on",
        "ends_on",
        "budget_eur",
        "pilot_city",
        "pilot_site",
        "needs_test_users",
        "is_open_for_joining",
        "partner_search_ends_on",
        "target_call",
    ]

    lead_organisation = forms.ModelChoiceField(
        label=_("Lead organisation"),
        queryset=Organisation.objects.none(),
        help_text=_("The organisation that leads the project. Its admins manage the project and its partners."),
    )
    budget_eur = forms.DecimalField(
        label=_("Budget (EUR)"),
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=0,
        help_text=_("Whole euros, if known."),
        widget=forms.NumberInput(attrs={"min": "0", "step": "1", "inputmode": "numeric"}),
    )
    target_call = TargetCallField(
        label=_("Funding call targeted"),
        queryset=Call.objects.none(),
        required=False,
        empty_label=_("No call"),
        help_text=_("The funding call this consortium is forming for, if any. The call's page then lists the project."),
    )
    sought_kinds = forms.MultipleChoiceField(
        label=_("Kinds of partner sought"),
        choices=OrganisationKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Project
        fields = [
            "title",
            "summary",
            "description",
            "language",
            "focus_areas",
            "stage",
            "visibility",
            "starts_on",
            "ends_on",
            "budget_eur",
            "sought_competences",
            "pilot_city",
            "pilot_site",
            "needs_test_users",
            "is_open_for_joining",
            "partner_search_ends_on",
            "target_call",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 12}),
            "focus_areas": forms.CheckboxSelectMultiple,
            "sought_competences": forms.CheckboxSelectMultiple,
            "visibility": forms.RadioSelect,
            "starts_on": DateInput,
            "ends_on": DateInput,
            "partner_search_ends_on": DateInput,
        }
        help_texts = {
            "summary": _("One or two sentences, shown in the project list."),
            "description": MARKDOWN_HELP,
            "visibility": _("Members-only projects are hidden from visitors and from people outside the cluster."),
            "pilot_city": _("Where the solution is to be piloted, if the project needs a pilot city."),
            "pilot_site": _("E.g. a school, a street or a building."),
            "is_open_for_joining": _("Member organisations may ask to join while the partner search is open."),
            "partner_search_ends_on": _("The partner search closes by itself after this day. Leave empty for no end."),
        }

    def __init__(self, data=None, *, user, instance=None, **kwargs):
        # A copy: a rejected edit must not show its values as the project's saved ones.
        super().__init__(data, instance=copy.copy(instance) if instance else None, **kwargs)
        self.is_new = instance is None
        if self.is_new:
            self.initial.setdefault("language", page_language())
            organisations = lead_choices(user)
            self.fields["lead_organisation"].queryset = organisations
            if len(organisations) == 1:
                self.fields["lead_organisation"].empty_label = None
        else:
            del self.fields["lead_organisation"]
            # The saved texts are in the project's language (screen readers, spelling checks).
            for name in ("title", "summary", "description"):
                self.fields[name].widget.attrs["lang"] = instance.language
            self.initial["sought_kinds"] = list(instance.sought_kinds.values_list("kind", flat=True))
        # Approved competences, plus any the project already seeks that are not (or no longer) approved.
        chosen = Q(pk__in=instance.sought_competences.values("pk")) if instance else Q(pk__in=[])
        self.fields["sought_competences"].queryset = Competence.objects.filter(Q(is_approved=True) | chosen)
        self.fields["focus_areas"].queryset = FocusArea.objects.all()
        self.fields["focus_areas"].required = True
        self.fields["target_call"].queryset = target_call_choices(instance)
        # The select has no empty choice; a POST without it keeps the saved (or the page's) language.
        self.fields["language"].required = False

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("language") and "language" not in self.errors:
            cleaned["language"] = page_language() if self.is_new else self.instance.language
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The project cannot end before it starts."))
        if cleaned.get("is_open_for_joining"):
            if cleaned.get("stage") in CLOSED_STAGES:
                self.add_error("is_open_for_joining", _("A completed or cancelled project cannot be open for joining."))
            search_ends_on = cleaned.get("partner_search_ends_on")
            if search_ends_on and search_ends_on < timezone.localdate():
                self.add_error(
                    "partner_search_ends_on",
                    _("The partner search cannot end in the past. Choose today or a later day, or leave it empty."),
                )
        return cleaned

    def changes(self):
        """Keyword arguments for create_project / update_project."""
        cleaned = self.cleaned_data
        changes = {
            "data": {name: cleaned[name] for name in self.PLAIN_FIELDS},
            "focus_areas": list(cleaned["focus_areas"]),
            "sought_competences": list(cleaned["sought_competences"]),
            "sought_kinds": list(cleaned["sought_kinds"]),
        }
        if self.is_new:
            changes["lead_organisation"] = cleaned["lead_organisation"]
        return changes

    def about_fields(self):
        names = ["title", "summary", "description", "language", "focus_areas", "stage", "visibility"]
        if self.is_new:
            names.insert(0, "lead_organisation")
        return [self[name] for name in names]

    def schedule_fields(self):
        return [self[name] for name in ["starts_on", "ends_on", "budget_eur"]]

    def sought_fields(self):
        return [
            self[name]
            for name in ["sought_kinds", "sought_competences", "pilot_city", "pilot_site", "needs_test_users"]
        ]

    def funding_fields(self):
        return [self["target_call"]]

    def partner_search_fields(self):
        return [self[name] for name in ["is_open_for_joining", "partner_search_ends_on"]]


def page_language():
    """The language of the current page: members usually write in the language they browse in."""
    language = get_language()
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def target_call_choices(instance):
    """Published calls not closed, nearest deadline first, and the call the project targets already."""
    current = Q(pk=instance.target_call_id) if instance and instance.target_call_id else Q(pk__in=[])
    calls = Call.objects.filter(current | Q(pk__in=Call.objects.published().not_closed().values("pk")))
    return calls.with_status().by_nearest_deadline()


def lead_choices(user):
    """Organisations the person may start a project for: their active member organisations; staff: any active one."""
    if user.is_authenticated and user.is_staff:
        return Organisation.objects.active().order_by("name")
    return Organisation.objects.filter(pk__in=permissions.organisations_acting_for(user)).order_by("name")


class UpdateForm(forms.ModelForm):
    class Meta:
        model = ProjectUpdate
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}
        help_texts = {"body": MARKDOWN_HELP}


class PartnerSearchForm(forms.Form):
    """The lead's close-now or extend-until form; the action comes from the button pressed."""

    CLOSE = "close"
    EXTEND = "extend"

    action = forms.ChoiceField(
        choices=[(CLOSE, _("Close the partner search now")), (EXTEND, _("Extend the partner search"))],
        widget=forms.HiddenInput,
    )
    until = forms.DateField(label=_("Open until"), required=False, widget=DateInput)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == self.EXTEND:
            until = cleaned.get("until")
            if until is None and "until" not in self.errors:
                self.add_error("until", _("Choose the day the partner search ends."))
            elif until is not None and until < timezone.localdate():
                self.add_error("until", _("Choose today or a later day."))
        return cleaned
