"""The members admin: staff review applications, change membership status, curate competences.

Every write with rules goes through members.services; an action checks the change
permission on the server (Django drops an action the person may not run, so a forged POST
finds no such action). Status fields are read-only on the forms, so the history and the
transition rules cannot be bypassed by editing a field.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter
from import_export.admin import ExportActionMixin
from import_export.formats.base_formats import CSV
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from members import services, tasks
from members.admin_forms import (
    ApplicationDecisionForm,
    CompetenceAdminForm,
    MergeCompetencesForm,
    ReasonForm,
    RejectionReasonForm,
)
from members.models import (
    Competence,
    FocusArea,
    Invitation,
    Membership,
    MembershipApplication,
    Organisation,
    OutboxEmail,
    User,
)
from members.querysets import stale_condition
from members.resources import OrganisationResource
from members.services.competences import approve_competence

ACTION_PAGE_TEMPLATE = "admin/members/action_form.html"


# --- Helpers shared by the actions ------------------------------------------------------------


def action_form_data(request):
    """The POST data when the action's own page was submitted, else None (the page is shown)."""
    return request.POST if request.POST.get("post") == "yes" else None


def render_action_page(model_admin, request, queryset, *, action, form, title, intro, submit_label):
    """The page between choosing an action and running it: what is selected, and a form.

    It posts back to the change list with the same selection and action, plus post=yes.
    """
    objects = list(queryset)
    request.current_app = model_admin.admin_site.name
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": title,
        "intro": intro,
        "objects": objects,
        "selected": [str(obj.pk) for obj in objects],
        "action": action,
        "form": form,
        "submit_label": submit_label,
        "media": model_admin.media + form.media,
        "changelist_url": request.get_full_path(),
    }
    return TemplateResponse(request, ACTION_PAGE_TEMPLATE, context)


def report(model_admin, request, *, done, done_message, refusals):
    """One message per refused row (naming it), one for the rows that were changed.

    `done_message` is a callable of the count, so that it can pick the plural form.
    """
    for obj, error in refusals:
        model_admin.message_user(
            request, gettext("%(object)s: %(error)s") % {"object": obj, "error": error}, messages.ERROR
        )
    if done:
        model_admin.message_user(request, done_message(done), messages.SUCCESS)
    elif not refusals:
        model_admin.message_user(request, gettext("Nothing was changed."), messages.WARNING)


def count_of(model, field):
    """How many `model` rows point at the outer row through `field`, as a subquery.

    A subquery rather than a join with GROUP BY, so that the change list's COUNT(*) stays a
    plain count of the outer table.
    """
    rows = model._default_manager.filter(**{field: OuterRef("pk")}).order_by().values(field)
    return Coalesce(Subquery(rows.annotate(total=Count("pk")).values("total")), 0)


def run_for_each(queryset, change):
    """Call `change(obj)` for each row; returns (how many succeeded, [(obj, MembersError), ...])."""
    done, refusals = 0, []
    for obj in queryset:
        try:
            change(obj)
        except services.MembersError as error:
            refusals.append((obj, error))
        else:
            done += 1
    return done, refusals


# --- People ------------------------------------------------------------------------------------


class UserCreationAdminForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ["email", "display_name"]


class UserChangeAdminForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class OnePrimaryContactFormSet(forms.BaseInlineFormSet):
    """Two rows ticked as primary contact in one save would break the database's rule."""

    def clean(self):
        super().clean()
        ticked = [
            form
            for form in self.forms
            if form.cleaned_data.get("is_primary_contact") and not form.cleaned_data.get("DELETE")
        ]
        if len(ticked) > 1:
            raise ValidationError(_("An organisation has one primary contact; tick only one person."))


class PersonInOrganisationInline(admin.TabularInline):
    """The organisation's people, on the organisation's page."""

    model = Membership
    formset = OnePrimaryContactFormSet
    fields = ["user", "role", "job_title", "is_primary_contact", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["user"]
    extra = 0


class OrganisationOfPersonInline(admin.TabularInline):
    """The organisations a person belongs to, on the person's page."""

    model = Membership
    fk_name = "user"
    fields = ["organisation", "role", "job_title", "is_primary_contact", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["organisation"]
    extra = 0


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserChangeAdminForm
    add_form = UserCreationAdminForm
    ordering = ["email"]
    list_display = ["email", "display_name", "preferred_language", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active", "preferred_language"]
    search_fields = ["email", "display_name"]
    readonly_fields = ["last_login", "date_joined"]
    inlines = [OrganisationOfPersonInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["display_name", "preferred_language"]}),
        (_("Access"), {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "display_name", "usable_password", "password1", "password2"]}),
    ]

    def get_inlines(self, request, obj):
        # A person's organisations are added once the person exists.
        return self.inlines if obj is not None else []


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "job_title", "is_primary_contact", "created_at"]
    list_filter = ["role", "is_primary_contact", "organisation__membership_status"]
    list_select_related = ["user", "organisation"]
    search_fields = [
        "user__email",
        "user__display_name",
        "organisation__name_et",
        "organisation__name_en",
    ]
    autocomplete_fields = ["user", "organisation"]
    readonly_fields = ["created_at"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invitations are sent and answered on the site; the admin shows them."""

    list_display = ["email", "organisation", "role", "status", "invited_by", "created_at", "decided_at"]
    list_filter = ["status", "role"]
    list_select_related = ["organisation", "invited_by"]
    search_fields = ["email", "organisation__name_et", "organisation__name_en"]
    readonly_fields = [
        "organisation",
        "email",
        "role",
        "invited_by",
        "status",
        "accepted_by",
        "created_at",
        "decided_at",
    ]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# --- Focus areas and competences ---------------------------------------------------------------


@admin.register(FocusArea)
class FocusAreaAdmin(TranslationAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name_et", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Competence)
class CompetenceAdmin(TranslationAdmin):
    """Staff approve members' proposals, rename (edit the names) and merge duplicates."""

    form = CompetenceAdminForm
    list_display = ["name_et", "name_en", "is_approved", "proposed_by", "organisation_count", "created_at"]
    list_filter = ["is_approved"]
    list_select_related = ["proposed_by"]
    search_fields = ["name_et", "name_en", "key", "slug"]
    fields = ["name", "slug", "key", "is_approved", "proposed_by", "created_at"]
    readonly_fields = ["key", "created_at"]
    autocomplete_fields = ["proposed_by"]
    prepopulated_fields = {"slug": ["name_en"]}
    actions = ["approve_selected", "merge_selected"]

    def get_queryset(self, request):
        through = Organisation.competences.through
        return super().get_queryset(request).annotate(organisation_total=count_of(through, "competence"))

    @admin.display(description=_("organisations"), ordering="organisation_total")
    def organisation_count(self, competence):
        return competence.organisation_total

    @admin.action(description=_("Approve selected competences"), permissions=["change"])
    def approve_selected(self, request, queryset):
        done = sum(approve_competence(competence, actor=request.user) for competence in queryset)
        report(
            self,
            request,
            done=done,
            refusals=[],
            done_message=lambda n: (
                ngettext("Approved %(count)d competence.", "Approved %(count)d competences.", n) % {"count": n}
            ),
        )

    @admin.action(description=_("Merge selected competences into…"), permissions=["change", "delete"])
    def merge_selected(self, request, queryset):
        form = MergeCompetencesForm(action_form_data(request))
        if form.is_bound and form.is_valid():
            into = form.cleaned_data["into"]
            sources = [competence for competence in queryset if competence.pk != into.pk]
            if sources:
                done, refusals = run_for_each(
                    sources, lambda source: services.merge_competences(source, into=into, actor=request.user)
                )
                if done:
                    merged = ngettext(
                        "Merged %(count)d competence into this one.",
                        "Merged %(count)d competences into this one.",
                        done,
                    )
                    self.log_change(request, into, merged % {"count": done})
                report(
                    self,
                    request,
                    done=done,
                    refusals=refusals,
                    done_message=lambda n: (
                        ngettext(
                            "Merged %(count)d competence into “%(into)s”.",
                            "Merged %(count)d competences into “%(into)s”.",
                            n,
                        )
                        % {"count": n, "into": into}
                    ),
                )
                return None
            form.add_error("into", _("Choose a competence other than the selected one: it cannot merge into itself."))
        return render_action_page(
            self,
            request,
            queryset,
            action="merge_selected",
            form=form,
            title=_("Merge competences"),
            intro=_(
                "These competences will be merged into the one you choose, then deleted "
                "(if you choose one of them, that one stays):"
            ),
            submit_label=_("Merge"),
        )


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

    list_display = [
        "name",
        "kind",
        "membership_status",
        "city",
        "country",
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


# --- Membership applications -------------------------------------------------------------------


class ApplicationQueueFilter(admin.SimpleListFilter):
    """The queue: applications waiting for review unless another status is chosen."""

    title = _("status")
    parameter_name = "status"
    ALL = "all"

    def lookups(self, request, model_admin):
        return [*MembershipApplication.Status.choices, (self.ALL, _("All"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value == self.ALL:
            return queryset
        if value in MembershipApplication.Status.values:
            return queryset.filter(status=value)
        return queryset.filter(status=MembershipApplication.Status.SUBMITTED)

    def choices(self, changelist):
        current = self.value() or MembershipApplication.Status.SUBMITTED
        for value, title in self.lookup_choices:
            yield {
                "selected": current == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": title,
            }


@admin.register(MembershipApplication)
class MembershipApplicationAdmin(admin.ModelAdmin):
    """The review queue, oldest first. Staff approve or reject from the list or the change page."""

    form = ApplicationDecisionForm
    change_form_template = "admin/members/membershipapplication/change_form.html"
    list_display = ["organisation", "applicant", "created_at", "status", "decided_by", "decided_at"]
    list_filter = [ApplicationQueueFilter]
    list_select_related = ["organisation", "applicant", "decided_by"]
    search_fields = ["organisation__name_et", "organisation__name_en", "applicant__email", "applicant__display_name"]
    ordering = ["created_at"]
    readonly_fields = [
        "organisation",
        "organisation_details",
        "applicant",
        "applicant_email",
        "contact_job_title",
        "motivation",
        "created_at",
        "status",
        "decided_by",
        "decided_at",
        "rejection_reason",
    ]
    actions = ["approve_selected", "reject_selected"]

    def has_add_permission(self, request):
        return False

    def can_decide(self, request, application):
        return (
            application is not None
            and application.status == MembershipApplication.Status.SUBMITTED
            and self.has_change_permission(request, application)
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (
                None,
                {
                    "fields": [
                        "organisation",
                        "organisation_details",
                        "applicant",
                        "applicant_email",
                        "contact_job_title",
                        "motivation",
                        "created_at",
                    ]
                },
            ),
            (_("Decision"), {"fields": ["status", "decided_by", "decided_at", "rejection_reason"]}),
        ]
        if self.can_decide(request, obj):
            fieldsets.append((_("Approve or reject"), {"fields": ["decision_reason"]}))
        return fieldsets

    @admin.display(description=_("about the organisation"))
    def organisation_details(self, application):
        organisation = application.organisation
        focus_areas = ", ".join(area.name for area in organisation.focus_areas.all())
        return format_html(
            "{} · {} · {}, {}<br>{}<br>{}",
            organisation.get_kind_display(),
            organisation.registry_code or organisation.foreign_registration or "–",
            organisation.city or "–",
            organisation.country.name,
            organisation.website or "–",
            focus_areas or "–",
        )

    @admin.display(description=_("contact person's e-mail"))
    def applicant_email(self, application):
        return application.applicant.email

    def change_view(self, request, object_id, form_url="", extra_context=None):
        application = self.get_object(request, unquote(object_id))
        extra_context = {
            **(extra_context or {}),
            "can_decide": self.can_decide(request, application),
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        # The form changes no field: the decision is the service's write.
        try:
            if form.decision == "approve":
                services.approve_application(obj, actor=request.user)
            else:
                services.reject_application(
                    obj, actor=request.user, reason=form.cleaned_data["decision_reason"].strip()
                )
        except services.MembersError as error:
            obj.decision_refusal = str(error)

    def save_related(self, request, form, formsets, change):
        pass

    def construct_change_message(self, request, form, formsets, add=False):
        return gettext("Approved.") if form.decision == "approve" else gettext("Rejected.")

    def log_change(self, request, obj, message):
        if getattr(obj, "decision_refusal", None):
            return None
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        refusal = getattr(obj, "decision_refusal", None)
        if refusal:
            self.message_user(request, refusal, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
        if "_approve" in request.POST:
            message = gettext("Approved the application of “%(organisation)s”.")
        else:
            message = gettext("Rejected the application of “%(organisation)s”.")
        self.message_user(request, message % {"organisation": obj.organisation}, messages.SUCCESS)
        changelist = reverse("admin:members_membershipapplication_changelist", current_app=self.admin_site.name)
        preserved = {"preserved_filters": self.get_preserved_filters(request), "opts": self.opts}
        return HttpResponseRedirect(add_preserved_filters(preserved, changelist))

    @admin.action(description=_("Approve selected applications"), permissions=["change"])
    def approve_selected(self, request, queryset):
        done, refusals = run_for_each(
            queryset, lambda application: services.approve_application(application, actor=request.user)
        )
        report(
            self,
            request,
            done=done,
            refusals=refusals,
            done_message=lambda n: (
                ngettext("Approved %(count)d application.", "Approved %(count)d applications.", n) % {"count": n}
            ),
        )

    @admin.action(description=_("Reject selected applications…"), permissions=["change"])
    def reject_selected(self, request, queryset):
        form = RejectionReasonForm(action_form_data(request))
        if form.is_bound and form.is_valid():
            reason = form.cleaned_data["reason"].strip()
            done, refusals = run_for_each(
                queryset,
                lambda application: services.reject_application(application, actor=request.user, reason=reason),
            )
            report(
                self,
                request,
                done=done,
                refusals=refusals,
                done_message=lambda n: (
                    ngettext("Rejected %(count)d application.", "Rejected %(count)d applications.", n) % {"count": n}
                ),
            )
            return None
        return render_action_page(
            self,
            request,
            queryset,
            action="reject_selected",
            form=form,
            title=_("Reject applications"),
            intro=_("These applications will be rejected, each applicant told the reason by e-mail:"),
            submit_label=_("Reject"),
        )


# --- Outgoing e-mail ---------------------------------------------------------------------------


@admin.register(OutboxEmail)
class OutboxEmailAdmin(admin.ModelAdmin):
    """What the portal sent or tries to send; refusals stay visible, staff may send again."""

    list_display = ["kind", "to", "subject", "status", "attempts", "created_at", "sent_at", "short_error"]
    list_filter = ["status", "kind"]
    search_fields = ["to", "subject"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "kind",
        "to",
        "from_email",
        "subject",
        "status",
        "attempts",
        "send_after",
        "claimed_at",
        "sent_at",
        "last_error",
        "message_id",
        "headers",
        "created_at",
        "body_text",
        "body_html",
    ]
    fields = readonly_fields
    actions = ["send_again"]
    RESENDABLE = [OutboxEmail.Status.PENDING, OutboxEmail.Status.FAILED]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        # A row is never edited; the change permission only lets staff send again.
        return obj is None and super().has_change_permission(request)

    @admin.display(description=_("last error"))
    def short_error(self, email):
        return email.last_error[:80]

    @admin.action(description=_("Send again now"), permissions=["change"])
    def send_again(self, request, queryset):
        with transaction.atomic():
            due = OutboxEmail.objects.select_for_update().filter(
                pk__in=queryset.values("pk"), status__in=self.RESENDABLE
            )
            ids = list(due.values_list("pk", flat=True))
            # A fresh start: the retry budget begins again, the last error stays until it is sent.
            OutboxEmail.objects.filter(pk__in=ids).update(
                status=OutboxEmail.Status.PENDING, send_after=timezone.now(), attempts=0
            )
            for email_id in ids:
                tasks.send_queued_email.delay_on_commit(email_id)
        skipped = queryset.count() - len(ids)
        if ids:
            self.message_user(
                request,
                ngettext(
                    "Queued %(count)d e-mail to be sent now.", "Queued %(count)d e-mails to be sent now.", len(ids)
                )
                % {"count": len(ids)},
                messages.SUCCESS,
            )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d e-mail was sent or is being sent, and was left alone.",
                    "%(count)d e-mails were sent or are being sent, and were left alone.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )
