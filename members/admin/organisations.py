"""Organisations: the member list, status actions, history and CSV export."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries.filters import CountryFilter
from import_export.admin import ExportActionMixin
from import_export.formats.base_formats import CSV
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from members import services
from members.admin.helpers import action_form_data, count_of, render_action_page, report, run_for_each
from members.admin.people import PersonInOrganisationInline
from members.admin_forms import (
    ReasonForm,
)
from members.models import (
    Membership,
    Organisation,
)
from members.querysets import stale_condition
from members.resources import OrganisationResource

# --- Organisations -----------------------------------------------------------------------------


class ProfileStaleFilter(admin.SimpleListFilter):
    title = _("profile not confirmed for a year")
    parameter_name = "stale"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        is_stale = stale_condition()
        if self.value() == "yes":
            return queryset.filter(is_stale)
        if self.value() == "no":
            return queryset.exclude(is_stale)
        return queryset


@admin.register(Organisation)
class OrganisationAdmin(ExportActionMixin, SimpleHistoryAdmin, TranslationAdmin):
    """Members and applicants. Status changes only through the actions (services, with history)."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    # Unfiltered, the total is the count the list runs anyway: not a second full COUNT.
    show_full_result_count = False

    list_display = [
        "name",
        "kind",
        "membership_status",
        "city",
        "country_name",
        "member_since",
        "profile_confirmed_at",
        "is_stale",
        "people_count",
    ]
    list_filter = [
        "membership_status",
        "kind",
        ProfileStaleFilter,
        "focus_areas",
        ("country", CountryFilter),
    ]
    search_fields = ["name_et", "name_en", "registry_code", "city", "contact_email"]
    readonly_fields = [
        "membership_status",
        "member_since",
        "member_until",
        "status_changed_at",
        "profile_confirmed_at",
        "confirmation_reminded_at",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "registry_code", "foreign_registration"]}),
        (
            _("Profile"),
            {
                "fields": [
                    "short_description",
                    "description",
                    "logo",
                    "website",
                    "city",
                    "country",
                    "size_band",
                    "founded_year",
                    "focus_areas",
                    "competences",
                    "contact_email",
                    "contact_visibility",
                ]
            },
        ),
        (
            _("Membership"),
            {
                "description": _("Change the status with the actions on the list of organisations."),
                "fields": [
                    "membership_status",
                    "member_since",
                    "member_until",
                    "status_changed_at",
                    "profile_confirmed_at",
                    "confirmation_reminded_at",
                    "created_at",
                    "updated_at",
                ],
            },
        ),
    ]
    prepopulated_fields = {"slug": ["name_et"]}
    autocomplete_fields = ["competences"]
    inlines = [PersonInOrganisationInline]
    actions = ["suspend_selected", "reactivate_selected", "end_membership_selected"]

    # django-import-export: the member list as CSV, straight from the filtered list.
    resource_classes = [OrganisationResource]
    export_formats = [CSV]
    skip_export_form = True
    skip_export_form_from_action = True
    show_change_form_export = False
    # UTF-8 with a byte-order mark: spreadsheet programs then read õ, ä, ö, ü right.
    to_encoding = "utf-8-sig"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(people_total=count_of(Membership, "organisation"))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "focus_areas":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    # The country's name by its code: listing the field itself makes the admin build the list of
    # all 250 countries for every row (150 ms for a page of 100).
    @admin.display(description=_("country"), ordering="country")
    def country_name(self, organisation):
        return organisation.country.name

    @admin.display(description=_("people"), ordering="people_total")
    def people_count(self, organisation):
        return organisation.people_total

    @admin.display(description=_("not confirmed for a year"), boolean=True)
    def is_stale(self, organisation):
        return organisation.is_profile_stale

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_export_filename(self, request, queryset, file_format):
        return f"members-{timezone.localdate().isoformat()}.{file_format.get_extension()}"

    # simple-history's own list has a style attribute, which the Content-Security-Policy blocks.
    object_history_list_template = "admin/members/organisation/object_history_list.html"

    # History is for reading: a "revert" would set the status without the services' rules.
    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    @admin.action(description=_("Suspend selected members"), permissions=["change"])
    def suspend_selected(self, request, queryset):
        return self._change_status_with_reason(
            request,
            queryset,
            action="suspend_selected",
            service=services.suspend_organisation,
            title=_("Suspend members"),
            intro=_("These organisations will be suspended (they leave the public list of members):"),
            submit_label=_("Suspend"),
            done_message=lambda n: (
                ngettext("Suspended %(count)d organisation.", "Suspended %(count)d organisations.", n) % {"count": n}
            ),
        )

    @admin.action(description=_("Mark selected as former members"), permissions=["change"])
    def end_membership_selected(self, request, queryset):
        return self._change_status_with_reason(
            request,
            queryset,
            action="end_membership_selected",
            service=services.end_membership,
            title=_("End membership"),
            intro=_("These organisations will become former members, with today as the last day:"),
            submit_label=_("End membership"),
            done_message=lambda n: (
                ngettext(
                    "%(count)d organisation is now a former member.",
                    "%(count)d organisations are now former members.",
                    n,
                )
                % {"count": n}
            ),
        )

    @admin.action(description=_("Reactivate selected members"), permissions=["change"])
    def reactivate_selected(self, request, queryset):
        done, refusals = run_for_each(
            queryset, lambda organisation: services.reactivate_organisation(organisation, actor=request.user)
        )
        report(
            self,
            request,
            done=done,
            refusals=refusals,
            done_message=lambda n: (
                ngettext("Reactivated %(count)d organisation.", "Reactivated %(count)d organisations.", n)
                % {"count": n}
            ),
        )

    def _change_status_with_reason(
        self, request, queryset, *, action, service, title, intro, submit_label, done_message
    ):
        form = ReasonForm(
            action_form_data(request),
            required=False,
            help_text=_("Optional. Staff see it in each organisation's history."),
        )
        if form.is_bound and form.is_valid():
            reason = form.cleaned_data["reason"].strip()
            done, refusals = run_for_each(
                queryset, lambda organisation: service(organisation, actor=request.user, reason=reason)
            )
            report(self, request, done=done, refusals=refusals, done_message=done_message)
            return None
        return render_action_page(
            self, request, queryset, action=action, form=form, title=title, intro=intro, submit_label=submit_label
        )
