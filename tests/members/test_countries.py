"""Every country in the country lists has a name of its own, in both languages."""

from collections import Counter

import pytest
from django.utils import translation

from members.forms_applications import ApplicationForm
from members.models import Organisation


def repeated_labels(field):
    return [label for label, count in Counter(str(label) for _code, label in field.choices).items() if count > 1]


@pytest.mark.parametrize("language", ["et", "en"])
def test_the_country_choices_have_unique_names(language):
    with translation.override(language):
        assert repeated_labels(Organisation._meta.get_field("country").formfield()) == []
        assert repeated_labels(ApplicationForm().fields["country"]) == []


def test_french_guiana_is_not_called_guinea_in_estonian():
    # django-countries' Estonian catalogue translates French Guiana as "Guinea" (the name of GN).
    with translation.override("et"):
        names = dict(Organisation._meta.get_field("country").formfield().choices)

    assert (names["GF"], names["GN"]) == ("Prantsuse Guajaana", "Guinea")
