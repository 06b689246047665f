from django import template
from django.forms.models import ModelChoiceIterator

register = template.Library()


@register.simple_tag
def field_widget(field):
    """Render a field's widget pointing screen readers at its help text and its errors."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        described_by.append(f"{field.auto_id}_errors")
    attrs = {"aria-describedby": " ".join(described_by)} if described_by else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.simple_tag
def filter_fields(form):
    """Split a filter form: the text search stays in sight, the rest folds on narrow screens.

    `active` counts the folded fields that are set, so the fold opens when a filter is on and
    its summary says how many are.
    """
    search, folded = [], []
    for field in form.visible_fields():
        (search if getattr(field.field.widget, "input_type", None) == "search" else folded).append(field)
    active = sum(1 for field in folded if _is_chosen(field))
    return {"search": search, "folded": folded, "active": active, "is_open": bool(active or form.errors)}


def _is_chosen(field):
    value = field.value()
    if not value:
        return False
    # A select without an empty option (the sort order) sends its first option unasked. Only
    # plain choices: iterating a model field's choices would query.
    choices = getattr(field.field, "choices", None)
    if choices is not None and not isinstance(choices, ModelChoiceIterator) and not isinstance(value, list | tuple):
        first = next(iter(choices), ("", ""))[0]
        return str(value) != str(first)
    return True
