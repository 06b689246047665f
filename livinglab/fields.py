"""`ChoiceListField`: several answers from one TextChoices, in one text column.

Stored as ",cycling,walking," so that "has any of these" is a `contains` of ",value," on
PostgreSQL and SQLite alike (the embedded mode), and each value matches only itself.
"""

from django import forms
from django.db import models


def _encode(values):
    return "," + ",".join(sorted(set(values))) + "," if values else ""


class ChoiceListField(models.CharField):
    def __init__(self, *args, choice_set=None, **kwargs):
        self.choice_set = choice_set
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choice_set"] = self.choice_set
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return list(value)
        return [part for part in (value or "").split(",") if part]

    def get_prep_value(self, value):
        if isinstance(value, str):
            return value
        return _encode(value or [])

    def value_to_string(self, obj):
        return _encode(self.value_from_object(obj))

    def validate(self, value, model_instance):
        allowed = {choice for choice, _label in self.choice_set.choices}
        unknown = set(value or []) - allowed
        if unknown:
            raise forms.ValidationError(f"Unknown choices: {sorted(unknown)}")

    def formfield(self, **kwargs):
        defaults = {
            "choices": self.choice_set.choices,
            "required": not self.blank,
            "label": self.verbose_name,
            "help_text": self.help_text,
            "widget": forms.CheckboxSelectMultiple,
        }
        return forms.MultipleChoiceField(**{**defaults, **kwargs})


def has_any(field, values):
    """A Q for rows whose `field` holds at least one of `values`."""
    query = models.Q()
    for value in values:
        query |= models.Q(**{f"{field}__contains": f",{value},"})
    return query
