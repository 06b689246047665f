"""The calls list's and the news list's filters, as GET forms.

A saved calls search is CallFilter's query string; funding/digests/matching.py applies the
same parameters in Python and documents their meaning. Keep the two in step.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import django_filters
from django import forms
from django.conf import settings
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from escc.widgets import DateInput
from funding.models import Call, CallStatus, News, Programme, ProgrammeKind
from members.models import FocusArea, Membership, OrganisationKind
from members.text import fold

MAX_WORDS = 10

SORT_DEADLINE = "deadline"
SORT_NEWEST = "newest"
SORT_TITLE = "title"
SORTS = [
    (SORT_DEADLINE, _("Nearest deadline first")),
    (SORT_NEWEST, _("Newest first")),
    (SORT_TITLE, _("Title")),
]

# Without a status chosen, the list shows every status but closed.
DEFAULT_STATUSES = [CallStatus.FORTHCOMING, CallStatus.OPEN, CallStatus.CLOSING_SOON]


class CallFilter(django_filters.FilterSet):
    """Text, status, programme, programme kind, focus area, eligibility, deadline, and the sort order.

    Built on `Call.objects.published().with_status().with_card_details()`. A value that does
    not parse is reported next to its field and that filter is left out, so junk never fails.
    `user` (optional) puts the kinds of the person's organisations first among "eligible for".
    """

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        max_length=100,
        help_text=_("Words in the title, summary or call identifier."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"),
        choices=CallStatus.choices,
        method="filter_status",
        help_text=_("None ticked: every call except closed ones."),
        widget=forms.CheckboxSelectMultiple,
    )
    programme = django_filters.ModelMultipleChoiceFilter(
        label=_("Programme"),
        queryset=Programme.objects.order_by("name"),
        to_field_name="slug",
        method="filter_programme",
        widget=forms.CheckboxSelectMultiple,
    )
    programme_kind = django_filters.MultipleChoiceFilter(
        label=_("Kind of funder"),
        choices=ProgrammeKind.choices,
        method="filter_programme_kind",
        widget=forms.CheckboxSelectMultiple,
    )
    focus_area = django_filters.ModelMultipleChoiceFilter(
        label=_("Focus areas"),
        queryset=FocusArea.objects.all(),
        to_field_name="slug",
        method="filter_focus_areas",
        widget=forms.CheckboxSelectMultiple,
    )
    eligible_for = django_filters.ChoiceFilter(
        label=_("Open to organisations of kind"),
        choices=OrganisationKind.choices,
        method="filter_eligible_for",
        empty_label=_("Any kind"),
    )
    deadline_before = django_filters.DateFilter(
        label=_("Deadline on or before"),
        method="filter_deadline_before",
        widget=DateInput,
        help_text=_("The next deadline, as a date in Tallinn."),
    )
    sort = django_filters.ChoiceFilter(label=_("Sort by"), choices=SORTS, method="sort_calls", empty_label=None)

    def __init__(self, data=None, *args, user=None, **kwargs):
        super().__init__(data, *args, **kwargs)
        own_kinds = organisation_kinds_of(user)
        if own_kinds:
            field = self.form.fields["eligible_for"]
            labels = dict(OrganisationKind.choices)
            mine = [(kind, _("%(kind)s (my organisation)") % {"kind": labels[kind]}) for kind in own_kinds]
            others = [(kind, label) for kind, label in OrganisationKind.choices if kind not in own_kinds]
            # django-filter's choice field adds the empty choice ("Any kind") itself.
            field.choices = [*mine, *others]

    def filter_queryset(self, queryset):
        cleaned = self.form.cleaned_data
        if not cleaned.get("status"):
            queryset = queryset.filter(current_status__in=DEFAULT_STATUSES)
        queryset = super().filter_queryset(queryset)
        if not cleaned.get("sort"):
            queryset = sorted_calls(queryset, SORT_DEADLINE)
        return queryset

    @property
    def shows_default_statuses(self):
        """No status chosen (or none valid): the list shows every status but closed."""
        self.form.is_valid()  # cleans the form once, before or after the results are read
        return not self.form.cleaned_data.get("status")

    def filter_text(self, queryset, name, value):
        """Every word in the titles, summaries or identifier, in any letter case (Estonian letters too)."""
        for word in fold(value).split()[:MAX_WORDS]:
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def filter_status(self, queryset, name, value):
        return queryset.filter(current_status__in=value)

    def filter_programme(self, queryset, name, value):
        # An empty choice arrives as an empty queryset, which django-filter does not skip.
        return queryset.filter(programme__in=value) if value else queryset

    def filter_programme_kind(self, queryset, name, value):
        return queryset.filter(programme__kind__in=value)

    def filter_focus_areas(self, queryset, name, value):
        if not value:
            return queryset
        through = Call.focus_areas.through
        return queryset.filter(pk__in=through.objects.filter(focusarea__in=value).values("call_id"))

    def filter_eligible_for(self, queryset, name, value):
        return queryset.eligible_for(value)

    def filter_deadline_before(self, queryset, name, value):
        return queryset.filter(next_deadline_at__lt=start_of_day_after(value))

    def sort_calls(self, queryset, name, value):
        return sorted_calls(queryset, value)


def start_of_day_after(day):
    """The instant the Tallinn day after `day` begins: a deadline before it falls on or before `day`."""
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))


def sorted_calls(queryset, sort):
    """Nearest deadline first (rolling intake after, closed last), newest published first, or by title."""
    if sort == SORT_NEWEST:
        return queryset.order_by(F("published_at").desc(nulls_last=True), "-pk")
    if sort == SORT_TITLE:
        return queryset.order_by(Lower(shown_title()), "pk")
    return queryset.by_nearest_deadline()


def shown_title():
    """The title as the page shows it: in the page's language, else in the other one."""
    first = "en" if get_language() == "en" else "et"
    second = "et" if first == "en" else "en"
    return Coalesce(NullIf(F(f"title_{first}"), Value("")), F(f"title_{second}"))


def organisation_kinds_of(user):
    """The kinds of the person's organisations, in a stable order; none for visitors."""
    if user is None or not user.is_authenticated:
        return []
    kinds = Membership.objects.filter(user=user).values_list("organisation__kind", flat=True)
    return sorted(set(kinds), key=[kind for kind, _label in OrganisationKind.choices].index)


class NewsFilter(django_filters.FilterSet):
    """The news list's focus-area filter, on `News.objects.published()`."""

    focus_area = django_filters.ModelMultipleChoiceFilter(
        label=_("Focus areas"),
        queryset=FocusArea.objects.all(),
        to_field_name="slug",
        method="filter_focus_areas",
        widget=forms.CheckboxSelectMultiple,
    )

    def filter_focus_areas(self, queryset, name, value):
        if not value:
            return queryset
        through = News.focus_areas.through
        return queryset.filter(pk__in=through.objects.filter(focusarea__in=value).values("news_id"))
