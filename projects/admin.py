"""The projects admin: projects with their participants, join requests and updates.

Whether a project takes partners changes only through the actions, which call the same
services as the site. Join requests are read-only here: a request is
decided by the people concerned, in the site, where accepting also adds the participant.
"""

from django import forms
from django.contrib import admin
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from escc.widgets import AdminDateHintsMixin, DateInput
from members.admin.helpers import action_form_data, render_action_page, report
from projects import services
from projects.models import (
    JoinRequest,
    ParticipantRole,
    Participation,
    Project,
    ProjectUpdate,
    SoughtKind,
)
from projects.services.admin_actions import reopen_partner_search


class ParticipationInline(AdminDateHintsMixin, admin.TabularInline):
    model = Participation
    fields = ["organisation", "role", "contact_people", "joined_at"]
    autocomplete_fields = ["organisation", "contact_people"]
    extra = 0


class SoughtKindInline(admin.TabularInline):
    model = SoughtKind
    extra = 0


class ReopenForm(forms.Form):
    until = forms.DateField(
        label=_("partner search ends"),
        required=False,
        widget=DateInput,
        help_text=_("Leave empty to keep the search open until someone closes it."),
    )

    def clean_until(self):
        until = self.cleaned_data["until"]
        if until and until < timezone.localdate():
            raise forms.ValidationError(_("The partner search cannot end in the past."))
        return until


@admin.register(Project)
class ProjectAdmin(AdminDateHintsMixin, admin.ModelAdmin):
    list_display = [
        "title",
        "stage",
        "visibility",
        "is_open_for_joining",
        "partner_search_ends_on",
        "lead",
        "updated_at",
    ]
    list_filter = ["stage", "visibility", "is_open_for_joining", "focus_areas"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["sought_competences", "created_by"]
    filter_horizontal = ["focus_areas"]
    readonly_fields = ["is_open_for_joining", "partner_search_ends_on", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "description", "focus_areas", "stage", "visibility"]}),
        (_("Dates and budget"), {"fields": ["starts_on", "ends_on", "budget_eur"]}),
        (
            _("What the project is looking for"),
            {"fields": ["sought_competences", "pilot_city", "pilot_site", "needs_test_users"]},
        ),
        (
            _("Partner search (change it with the actions on the list)"),
            {"fields": ["is_open_for_joining", "partner_search_ends_on"]},
        ),
        (None, {"fields": ["created_by", "created_at", "updated_at"]}),
    ]
    inlines = [ParticipationInline, SoughtKindInline]
    actions = ["close_for_joining", "reopen_for_joining"]

    def get_queryset(self, request):
        leads = Participation.objects.filter(role=ParticipantRole.LEAD).select_related("organisation")
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("participations", queryset=leads, to_attr="lead_participations"))
        )

    @admin.display(description=_("lead"))
    def lead(self, project):
        leads = project.lead_participations
        return leads[0].organisation if leads else "–"

    @admin.action(description=_("Close for joining"), permissions=["change"])
    def close_for_joining(self, request, queryset):
        done, refusals = _run_for_each(
            queryset, lambda project: services.close_partner_search(project, actor=request.user)
        )
        report(
            self,
            request,
            done=done,
            refusals=refusals,
            done_message=lambda n: (
                ngettext("Closed %(count)d project for joining.", "Closed %(count)d projects for joining.", n)
                % {"count": n}
            ),
        )

    @admin.action(description=_("Reopen for joining…"), permissions=["change"])
    def reopen_for_joining(self, request, queryset):
        form = ReopenForm(action_form_data(request))
        if form.is_bound and form.is_valid():
            until = form.cleaned_data["until"]

            def reopen(project):
                if until:
                    return services.extend_partner_search(project, actor=request.user, until=until)
                return reopen_partner_search(project, actor=request.user)

            done, refusals = _run_for_each(queryset, reopen)
            report(
                self,
                request,
                done=done,
                refusals=refusals,
                done_message=lambda n: (
                    ngettext("Reopened %(count)d project for joining.", "Reopened %(count)d projects for joining.", n)
                    % {"count": n}
                ),
            )
            return None
        return render_action_page(
            self,
            request,
            queryset,
            action="reopen_for_joining",
            form=form,
            title=gettext("Reopen for joining"),
            intro=gettext("These projects will take requests to join again:"),
            submit_label=gettext("Reopen"),
        )


def _run_for_each(queryset, change):
    """Call `change(project)` for each row; returns (how many succeeded, [(project, ProjectError), ...])."""
    done, refusals = 0, []
    for obj in queryset:
        try:
            change(obj)
        except services.ProjectError as error:
            refusals.append((obj, error))
        else:
            done += 1
    return done, refusals


class ReadOnlyAdmin(admin.ModelAdmin):
    """Visible and deletable (a data fix), never added or changed here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(JoinRequest)
class JoinRequestAdmin(ReadOnlyAdmin):
    list_display = ["project", "organisation", "direction", "proposed_role", "status", "created_at", "decided_at"]
    list_filter = ["status", "direction", "proposed_role"]
    list_select_related = ["project", "organisation"]
    search_fields = ["project__title", "organisation__name_et", "organisation__name_en", "message"]
    date_hierarchy = "created_at"


@admin.register(ProjectUpdate)
class ProjectUpdateAdmin(admin.ModelAdmin):
    list_display = ["project", "organisation", "author", "created_at"]
    list_select_related = ["project", "organisation", "author"]
    search_fields = ["project__title", "body"]
    autocomplete_fields = ["project", "organisation", "author"]
    readonly_fields = ["created_at"]
