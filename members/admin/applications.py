"""The membership application queue: approve and reject."""

from django.contrib import admin, messages
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import unquote
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from members import services
from members.admin.helpers import action_form_data, render_action_page, report, run_for_each
from members.admin_forms import (
    ApplicationDecisionForm,
    RejectionReasonForm,
)
from members.models import (
    MembershipApplication,
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
