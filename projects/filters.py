"""The project list's filters: what anyone may narrow the list by, as a GET form."""

import django_filters
from django import forms
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import Competence, FocusArea, OrganisationKind
from members.text import fold
from projects.models import CLOSED_STAGES, ParticipantRole, Participation, Project, SoughtKind, Stage

SORTS = [
    ("newest", _("Newest first")),
    ("title", _("Title")),
    ("ending", _("Partner search ending soonest")),
]

MAX_WORDS = 10


class ProjectFilter(django_filters.FilterSet):
    """Text, focus areas, stage, what a project looks for, its lead's kind, and the sort order.

    Built on `Project.objects.visible_to(user).with_card_details()`. Every relation is
    filtered through a subquery, so a project matching twice is still listed once. A value
    that does not parse is reported on its field and that filter is left out.
    """

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        max_length=100,
        help_text=_("Words in the title or summary."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    open = django_filters.BooleanFilter(
        label=_("Only projects looking for partners now"),
        method="filter_open",
        widget=forms.CheckboxInput,
    )
    focus_area = django_filters.ModelMultipleChoiceFilter(
        label=_("Focus areas"),
        queryset=FocusArea.objects.all(),
        to_field_name="slug",
        method="filter_focus_areas",
        widget=forms.CheckboxSelectMultiple,
    )
    stage = django_filters.ChoiceFilter(label=_("Stage"), choices=Stage.choices, empty_label=_("All stages"))
    seeks_kind = django_filters.ChoiceFilter(
        label=_("Looking for a partner of kind"),
        choices=OrganisationKind.choices,
        method="filter_seeks_kind",
        empty_label=_("Any kind"),
    )
    seeks_competence = django_filters.ModelChoiceFilter(
        label=_("Looking for the competence"),
        queryset=Competence.objects.filter(is_approved=True),
        to_field_name="slug",
        method="filter_seeks_competence",
        empty_label=_("Any competence"),
    )
    lead_kind = django_filters.ChoiceFilter(
        label=_("Kind of lead organisation"),
        choices=OrganisationKind.choices,
        method="filter_lead_kind",
        empty_label=_("Any kind"),
    )
    o = django_filters.ChoiceFilter(label=_("Sort by"), choices=SORTS, method="sort", empty_label=None)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        # No sort chosen, or one that did not parse: the default order, newest first.
        if not self.form.cleaned_data.get("o"):
            queryset = sorted_projects(queryset, "newest")
        return queryset

    def filter_text(self, queryset, name, value):
        """Every word in the title or the summary, in any letter case (Estonian letters too, any database)."""
        for word in fold(value).split()[:MAX_WORDS]:
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def filter_open(self, queryset, name, value):
        # An unticked box arrives as False: it means "any", not "closed only".
        return queryset.open_for_partners() if value else queryset

    def filter_focus_areas(self, queryset, name, value):
        # An empty choice arrives as an empty queryset, which django-filter does not skip.
        if not value:
            return queryset
        through = Project.focus_areas.through
        return queryset.filter(pk__in=through.objects.filter(focusarea__in=value).values("project_id"))

    def filter_seeks_kind(self, queryset, name, value):
        return queryset.filter(pk__in=SoughtKind.objects.filter(kind=value).values("project_id"))

    def filter_seeks_competence(self, queryset, name, value):
        through = Project.sought_competences.through
        return queryset.filter(pk__in=through.objects.filter(competence=value).values("project_id"))

    def filter_lead_kind(self, queryset, name, value):
        leads = Participation.objects.filter(role=ParticipantRole.LEAD, organisation__kind=value)
        return queryset.filter(pk__in=leads.values("project_id"))

    def sort(self, queryset, name, value):
        return sorted_projects(queryset, value)


def sorted_projects(queryset, sort):
    """Newest first, by title, or the partner searches that end soonest first.

    "Ending soonest" lists projects taking partners with an end date (soonest first), then
    those taking partners with no end date, then the rest; newest first within each.
    """
    if sort == "title":
        return queryset.order_by(Lower("title"), "pk")
    if sort == "ending":
        today = timezone.localdate()
        is_taking_partners = Q(is_open_for_joining=True) & ~Q(stage__in=CLOSED_STAGES)
        is_ending = is_taking_partners & Q(partner_search_ends_on__gte=today)
        search_rank = Case(
            When(is_ending, then=Value(0)),
            When(is_taking_partners & Q(partner_search_ends_on__isnull=True), then=Value(1)),
            default=Value(2),
            output_field=models.IntegerField(),
        )
        search_ends_on = Case(When(is_ending, then=F("partner_search_ends_on")), default=None)
        return queryset.annotate(search_rank=search_rank, search_ends_on=search_ends_on).order_by(
            "search_rank", F("search_ends_on").asc(nulls_last=True), "-created_at", "-pk"
        )
    return queryset.order_by("-created_at", "-pk")
