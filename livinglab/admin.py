"""The living lab in the admin: panellists with their consent state and contact history,
campaigns with their quotas and questions, participations, the terms and the settings.

Staff see identities here; owners never reach the admin. Consent is changed only by the
panellist (the history is read-only), so the admin cannot make anyone matchable.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from escc.widgets import AdminDateHintsMixin
from livinglab.models import (
    Campaign,
    ConsentEvent,
    LabSettings,
    Panellist,
    PanelTerms,
    Participation,
    Question,
    Quota,
)


class ConsentEventInline(admin.TabularInline):
    model = ConsentEvent
    fields = ["at", "action", "terms_version", "kept_running_campaigns"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ContactHistoryInline(admin.TabularInline):
    model = Participation
    verbose_name_plural = _("contact history")
    fields = ["campaign", "pseudonym", "status", "invited_at", "answered_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ["-invited_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Panellist)
class PanellistAdmin(admin.ModelAdmin):
    list_display = ["user", "municipality", "birth_year", "consent_state", "joined_at"]
    list_filter = ["municipality", "withdrawn_at", "terms_version", "test_frequency"]
    search_fields = ["user__email", "user__display_name", "district"]
    readonly_fields = ["terms_version", "consented_at", "withdrawn_at", "joined_at", "updated_at"]
    autocomplete_fields = ["user"]
    filter_horizontal = ["interests"]
    inlines = [ConsentEventInline, ContactHistoryInline]
    list_select_related = ["user"]
    show_full_result_count = False

    @admin.display(description=_("consent"))
    def consent_state(self, panellist):
        if panellist.withdrawn_at:
            return _("withdrawn")
        return _("given to version %(version)s") % {"version": panellist.terms_version}


class QuotaInline(admin.TabularInline):
    model = Quota
    extra = 0


class QuestionInline(TranslationTabularInline):
    model = Question
    fields = ["purpose", "kind", "text", "position"]
    extra = 0


@admin.register(Campaign)
class CampaignAdmin(AdminDateHintsMixin, TranslationAdmin):
    list_display = ["title", "organisation", "status", "starts_on", "testers_wanted", "submitted_at"]
    list_filter = ["status", "mode"]
    search_fields = ["title_et", "title_en", "organisation__name_et"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation", "proposed_by", "project", "decided_by"]
    readonly_fields = ["submitted_at", "decided_at", "created_at", "updated_at"]
    inlines = [QuotaInline, QuestionInline]
    date_hierarchy = "starts_on"


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    list_display = ["pseudonym", "campaign", "panellist", "status", "invited_at"]
    list_filter = ["status"]
    search_fields = ["pseudonym", "panellist__user__email"]
    list_select_related = ["campaign", "panellist__user"]
    raw_id_fields = ["campaign", "panellist"]
    readonly_fields = ["pseudonym", "invited_at", "answered_at", "waitlisted_at", "screener_answers"]


@admin.register(PanelTerms)
class PanelTermsAdmin(AdminDateHintsMixin, TranslationAdmin):
    list_display = ["version", "published_at"]


@admin.register(LabSettings)
class LabSettingsAdmin(admin.ModelAdmin):
    """One row, written by the migration; the first row is the one in force (LabSettings.current)."""

    list_display = ["__str__", "contact_pause_days"]
