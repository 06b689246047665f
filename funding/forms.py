"""Parsing of the funding pages' forms; the services own the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from funding.models import SavedSearch


class SavedSearchForm(forms.Form):
    """The name of a calls search to save; its filters (the list's query string) come in a hidden field."""

    name = forms.CharField(
        label=_("Name of the search"),
        max_length=SavedSearch._meta.get_field("name").max_length,
        help_text=_("E.g. “Mobility calls for companies”."),
    )
    # Longer than a saved search may be: the service shortens it to the filters it keeps, or says why not.
    query = forms.CharField(required=False, max_length=4000, widget=forms.HiddenInput)
