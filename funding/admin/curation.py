"""Staff curate programmes, calls and news.

Calls are listed by their nearest deadline with their derived status; publishing, taking
back to draft and duplicating go through funding.services.curation, as everywhere else.
Drafts can be previewed on the site (staff see them there). Each language has its own
group of fields; the other language is the fallback on the site. A call's dates are typed
and shown in the call's own time zone (CallAdminForm).
"""

from datetime import datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import F
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from modeltranslation.admin import TranslationAdmin

from escc.widgets import AdminDateHintsMixin
from funding.deadlines import time_zone
from funding.models import Call, CallFollow, CallStatus, EligibleKind, News, Programme
from funding.services import curation
from members.admin.helpers import count_of


def _language_fieldsets(fields):
    """One group of fields per language, Estonian first: staff write both, the site falls back."""
    return [
        (_("In Estonian"), {"fields": [f"{field}_et" for field in fields]}),
        (_("In English"), {"fields": [f"{field}_en" for field in fields]}),
    ]


class CheckboxFocusAreasMixin:
    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "focus_areas":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class DraftNoticeMixin:
    """Saving a draft says so: Django's "was changed successfully" reads as if it were live now.

    The admin words its success message inside response_add and response_change; the request
    carries what was saved from there to message_user, as the admin instance is shared.
    """

    def publication_notice(self, obj):
        """The message for a saved object that others cannot see yet, or None when they can."""
        raise NotImplementedError

    def response_add(self, request, obj, post_url_continue=None):
        request.publication_notice = self.publication_notice(obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        request.publication_notice = self.publication_notice(obj)
        return super().response_change(request, obj)

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        notice = getattr(request, "publication_notice", None)
        if notice and level == messages.SUCCESS:
            message = notice
        super().message_user(request, message, level, *args, **kwargs)


def draft_notice(obj):
    return gettext("“%(title)s” was saved as a draft; not visible to others until published.") % {"title": obj}


# --- Programmes --------------------------------------------------------------------------------


@admin.register(Programme)
class ProgrammeAdmin(TranslationAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "kind", "website", "calls_count"]
    list_filter = ["kind"]
    search_fields = ["name_et", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_et"]}
    fieldsets = [(None, {"fields": ["slug", "kind", "website"]}), *_language_fieldsets(["name", "description"])]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(calls_total=count_of(Call, "programme"))

    @admin.display(description=_("calls"), ordering="calls_total")
    def calls_count(self, programme):
        return programme.calls_total


# --- Calls -------------------------------------------------------------------------------------


class CallStatusFilter(admin.SimpleListFilter):
    """The status derived from the dates (CallQuerySet.with_status), never stored."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return CallStatus.choices

    def queryset(self, request, queryset):
        if self.value() in CallStatus.values:
            return queryset.filter(current_status=self.value())
        return queryset


class EligibleKindInline(admin.TabularInline):
    model = EligibleKind
    extra = 0


class CallAdminForm(forms.ModelForm):
    """Staff type a call's dates as the funder states them: clock times in the call's own zone.

    Django reads a typed date and time in the current zone (Tallinn's) and shows a stored
    instant in it. This form reads them in the zone chosen in the same submission, and shows
    the stored instants in the call's stored zone.
    """

    ZONED_FIELDS = ["opens_at", "deadline", "second_deadline"]

    def full_clean(self):
        entered_zone = time_zone(self.data.get(self.add_prefix("deadline_timezone"), ""))
        with timezone.override(entered_zone or self.instance.deadline_zone):
            super().full_clean()

    def get_initial_for_field(self, field, field_name):
        value = super().get_initial_for_field(field, field_name)
        if field_name in self.ZONED_FIELDS and isinstance(value, datetime) and timezone.is_aware(value):
            # A naive value is shown as it is, not converted to Tallinn's clock.
            return timezone.make_naive(value, self.instance.deadline_zone)
        return value


@admin.register(Call)
class CallAdmin(DraftNoticeMixin, AdminDateHintsMixin, CheckboxFocusAreasMixin, TranslationAdmin):
    form = CallAdminForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "programme", "status", "next_deadline", "state", "followers_count", "preview_link"]
    list_filter = [CallStatusFilter, "programme", "programme__kind", "state"]
    list_select_related = ["programme"]
    search_fields = ["title_et", "title_en", "identifier"]
    prepopulated_fields = {"slug": ["title_et"]}
    autocomplete_fields = ["programme"]
    readonly_fields = ["state", "published_at", "created_by", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["slug", "identifier", "programme", "link", "focus_areas"]}),
        *_language_fieldsets(["title", "summary", "description"]),
        (
            _("Dates"),
            {
                "description": _(
                    "Type the dates and times as the funder states them, in the time zone of the deadlines. "
                    "Leave the deadline empty for rolling intake. The status follows from the dates."
                ),
                "fields": ["deadline_timezone", "opens_at", "deadline", "second_deadline"],
            },
        ),
        (_("Money"), {"fields": ["budget_eur", "funding_rate", "ticket_min_eur", "ticket_max_eur"]}),
        (
            _("Publication (change it with the actions on the list)"),
            {"fields": ["state", "published_at", "created_by", "created_at", "updated_at"]},
        ),
    ]
    inlines = [EligibleKindInline]
    actions = ["publish_selected", "back_to_draft_selected", "duplicate_selected"]
    change_form_template = "admin/funding/call/change_form.html"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .with_status()
            .by_nearest_deadline()
            .annotate(followers_total=count_of(CallFollow, "call"))
        )

    def get_ordering(self, request):
        # The changelist would otherwise sort by Meta.ordering, not by the next deadline still ahead.
        return [F("next_deadline_at").asc(nulls_last=True), F("deadline").desc(nulls_first=True), "pk"]

    def publication_notice(self, call):
        return draft_notice(call) if call.state == Call.State.DRAFT else None

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/duplicate/",
                self.admin_site.admin_view(self.duplicate_view),
                name="funding_call_duplicate",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("status"), ordering="current_status")
    def status(self, call):
        return CallStatus(call.current_status).label

    @admin.display(description=_("next deadline"), ordering="next_deadline_at")
    def next_deadline(self, call):
        if call.deadline is None:
            return gettext("Rolling intake")
        if call.next_deadline_at is None:
            return "–"
        local = call.next_deadline_at.astimezone(call.deadline_zone)
        return f"{date_format(local, 'SHORT_DATETIME_FORMAT')} {local.tzname()}"

    @admin.display(description=_("followers"), ordering="followers_total")
    def followers_count(self, call):
        return call.followers_total

    @admin.display(description=_("on the site"))
    def preview_link(self, call):
        return format_html('<a href="{}">{}</a>', call.get_absolute_url(), gettext("Preview"))

    @admin.action(description=_("Publish selected calls"), permissions=["change"])
    def publish_selected(self, request, queryset):
        count = curation.publish_calls(queryset, actor=request.user)
        self._report(
            request,
            count,
            ngettext("Published %(count)d call.", "Published %(count)d calls.", count) % {"count": count},
        )

    @admin.action(description=_("Take selected calls back to draft"), permissions=["change"])
    def back_to_draft_selected(self, request, queryset):
        count = curation.unpublish_calls(queryset, actor=request.user)
        self._report(
            request,
            count,
            ngettext("Took %(count)d call back to draft.", "Took %(count)d calls back to draft.", count)
            % {"count": count},
        )

    @admin.action(description=_("Duplicate selected calls as drafts"), permissions=["add"])
    def duplicate_selected(self, request, queryset):
        copies = [curation.duplicate_call(call, actor=request.user) for call in queryset]
        self._report(
            request,
            len(copies),
            ngettext("Made %(count)d draft copy.", "Made %(count)d draft copies.", len(copies))
            % {"count": len(copies)},
        )

    def _report(self, request, count, done_message):
        if count:
            self.message_user(request, done_message, messages.SUCCESS)
        else:
            self.message_user(request, gettext("Nothing was changed."), messages.WARNING)

    @method_decorator(require_POST)
    def duplicate_view(self, request, object_id):
        call = self.get_object(request, unquote(object_id))
        if call is None:
            raise Http404
        if not (self.has_view_or_change_permission(request, call) and self.has_add_permission(request)):
            raise PermissionDenied
        copy = curation.duplicate_call(call, actor=request.user)
        self.message_user(
            request,
            gettext("Made a draft copy of “%(title)s”; edit it here.") % {"title": call.title},
            messages.SUCCESS,
        )
        return redirect(reverse("admin:funding_call_change", args=[copy.pk]))


# --- News --------------------------------------------------------------------------------------


class NewsState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")


def news_state(news, now=None):
    now = now or timezone.now()
    if news.published_at is None:
        return NewsState.DRAFT
    return NewsState.SCHEDULED if news.published_at > now else NewsState.PUBLISHED


class NewsStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return NewsState.choices

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == NewsState.DRAFT:
            return queryset.filter(published_at__isnull=True)
        if self.value() == NewsState.SCHEDULED:
            return queryset.filter(published_at__gt=now)
        if self.value() == NewsState.PUBLISHED:
            return queryset.filter(published_at__lte=now)
        return queryset


@admin.register(News)
class NewsAdmin(DraftNoticeMixin, AdminDateHintsMixin, CheckboxFocusAreasMixin, TranslationAdmin):
    list_display = ["title", "state", "published_at", "is_featured", "author", "preview_link"]
    list_filter = ["is_featured", NewsStateFilter, "focus_areas"]
    list_select_related = ["author"]
    search_fields = ["title_et", "title_en", "summary_et", "summary_en"]
    prepopulated_fields = {"slug": ["title_et"]}
    autocomplete_fields = ["author"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["slug", "published_at", "is_featured", "focus_areas", "author"]}),
        *_language_fieldsets(["title", "summary", "body"]),
        (None, {"fields": ["created_at", "updated_at"]}),
    ]
    actions = ["publish_selected"]

    def get_ordering(self, request):
        # Drafts (no time) first, then the newest publication time, scheduled ones on top.
        return [F("published_at").desc(nulls_first=True), "-pk"]

    def publication_notice(self, news):
        state = news_state(news)
        if state == NewsState.DRAFT:
            return draft_notice(news)
        if state == NewsState.SCHEDULED:
            return gettext("“%(title)s” was saved; not visible to others until %(time)s.") % {
                "title": news,
                "time": date_format(timezone.localtime(news.published_at), "SHORT_DATETIME_FORMAT"),
            }
        return None

    def get_changeform_initial_data(self, request):
        return {"author": request.user.pk, **super().get_changeform_initial_data(request)}

    @admin.display(description=_("state"))
    def state(self, news):
        return news_state(news).label

    @admin.display(description=_("on the site"))
    def preview_link(self, news):
        return format_html('<a href="{}">{}</a>', news.get_absolute_url(), gettext("Preview"))

    @admin.action(description=_("Publish selected news now"), permissions=["change"])
    def publish_selected(self, request, queryset):
        count = curation.publish_news(queryset, actor=request.user)
        if count:
            self.message_user(
                request,
                ngettext("Published %(count)d news item.", "Published %(count)d news items.", count) % {"count": count},
                messages.SUCCESS,
            )
        else:
            self.message_user(request, gettext("Nothing was changed."), messages.WARNING)
