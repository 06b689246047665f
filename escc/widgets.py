"""Form widgets shared by the apps, and the admin's date fields that say what they read."""

from django import forms
from django.contrib.admin import widgets as admin_widgets
from django.db import models
from django.utils.translation import gettext_lazy as _


class DateInput(forms.DateInput):
    """The browser's date picker; its value is always ISO (YYYY-MM-DD), whatever the page's language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


# The admin's text fields read dd.mm.yyyy first (escc/formats) and ISO as well; these show it.
# Their templates are in escc/templates/: form widgets are found in the apps' templates only.


class AdminDateInput(admin_widgets.AdminDateWidget):
    template_name = "escc/widgets/admin_date.html"

    def get_context(self, name, value, attrs):
        return {**super().get_context(name, value, attrs), "format_hint": _("Format: dd.mm.yyyy")}


class AdminSplitDateTimeInput(admin_widgets.AdminSplitDateTime):
    template_name = "escc/widgets/admin_split_datetime.html"

    def get_context(self, name, value, attrs):
        return {**super().get_context(name, value, attrs), "format_hint": _("Format: dd.mm.yyyy hh:mm")}


class AdminDateHintsMixin:
    """For a ModelAdmin or an inline: its date and date-time fields show the format they read."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.DateTimeField):
            kwargs.setdefault("widget", AdminSplitDateTimeInput)
        elif isinstance(db_field, models.DateField):
            kwargs.setdefault("widget", AdminDateInput)
        return super().formfield_for_dbfield(db_field, request, **kwargs)
