"""Focus areas and competences (rename, approve, merge)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from members import services
from members.admin.helpers import action_form_data, count_of, render_action_page, report, run_for_each
from members.admin_forms import (
    CompetenceAdminForm,
    MergeCompetencesForm,
)
from members.models import (
    Competence,
    FocusArea,
    Organisation,
)
from members.services.competences import approve_competence

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
