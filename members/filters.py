"""The member directory's filters: what a visitor may narrow the list by, as a GET form."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from escc.lists import cached_rows
from members.models import Competence, FocusArea, OrganisationKind
from members.text import fold

SORTS = [
    ("name", _("Name")),
    ("newest", _("Newest members first")),
    ("updated", _("Recently updated")),
]


class DirectoryFilter(django_filters.FilterSet):
    """Kind, focus areas, competence, place, text and sort order of the public directory.

    Built on `Organisation.objects.for_directory()`: the country and city choices are the
    places of the organisations in that queryset, read with one query. A value that does
    not parse is reported on its field and that filter is left out.
    """

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        max_length=100,
        help_text=_("Words in the name or description."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=OrganisationKind.choices, empty_label=_("All kinds"))
    focus_area = django_filters.ModelMultipleChoiceFilter(
        label=_("Focus areas"),
        queryset=FocusArea.objects.all(),
        to_field_name="slug",
        method="filter_focus_areas",
        widget=forms.CheckboxSelectMultiple,
    )
    competence = django_filters.ModelChoiceFilter(
        label=_("Competence"),
        queryset=Competence.objects.filter(is_approved=True),
        to_field_name="slug",
        method="filter_competence",
        empty_label=_("All competences"),
    )
    country = django_filters.ChoiceFilter(label=_("Country"), empty_label=_("All countries"))
    city = django_filters.ChoiceFilter(label=_("City"), method="filter_city", empty_label=_("All cities"))
    o = django_filters.ChoiceFilter(label=_("Sort by"), choices=SORTS, method="sort", empty_label=None)

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset=queryset, **kwargs)
        places = cached_rows(self.queryset.places(), self.request)
        country_codes = {code for code, _city in places if code}
        self.filters["country"].extra["choices"] = sorted(
            ((code, countries.name(code)) for code in country_codes), key=lambda choice: fold(str(choice[1]))
        )
        # One choice per city whatever its spelling ("Tartu", "TARTU"); the value is the folded name.
        self.city_spellings = {}
        for _code, city in places:
            if city.strip():
                self.city_spellings.setdefault(fold(city.strip()), set()).add(city)
        self.filters["city"].extra["choices"] = [
            (key, min(spellings, key=_spelling_preference)) for key, spellings in sorted(self.city_spellings.items())
        ]

    def filter_text(self, queryset, name, value):
        return queryset.matching_text(value)

    def filter_focus_areas(self, queryset, name, value):
        # An empty choice arrives as an empty queryset, which django-filter does not skip.
        return queryset.in_focus_areas(value) if value else queryset

    def filter_competence(self, queryset, name, value):
        return queryset.having_competence(value)

    def filter_city(self, queryset, name, value):
        return queryset.filter(city__in=self.city_spellings.get(value, ()))

    def sort(self, queryset, name, value):
        return queryset.in_directory_order(value)


def _spelling_preference(city):
    # "Tartu" before "TARTU" or "tartu" when people typed the same city differently.
    return (city.isupper() or city.islower(), city)
