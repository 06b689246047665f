"""The public project list and the project page.

Both read projects through `Project.objects.visible_to(user)`: a members-only project is
not listed to visitors and people outside the cluster, and its page answers them 404.
"""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from escc.lists import render_filtered_list
from escc.page_cache import cached_for_visitors
from members.querysets import is_cluster_member
from projects import permissions
from projects.filters import ProjectFilter
from projects.forms import PartnerSearchForm
from projects.models import JoinRequest, ParticipantRole, Project


@require_GET
@cached_for_visitors
def project_list(request):
    """Every project the person may see, filtered by a GET form, so each result list has a shareable URL."""
    # Who is in the cluster sees members-only projects and may lead one (projects.forms.lead_choices):
    # a panellist in no organisation is not offered a project they cannot start.
    in_cluster = is_cluster_member(request.user)
    projects = Project.objects.visible_to(request.user, in_cluster=in_cluster).with_card_details()
    filterset = ProjectFilter(request.GET, queryset=projects)
    return render_filtered_list(
        request,
        filterset,
        template="projects/project_list.html",
        results_template="projects/_project_results.html",
        context={"can_start_project": in_cluster},
    )


@require_GET
@cached_for_visitors
def project_detail(request, slug):
    project = permissions.get_project_for(request.user, slug, queryset=Project.objects.with_page_details())
    return render(request, "projects/project_detail.html", detail_context(request, project))


def detail_context(request, project, *, partner_search_form=None):
    """What the project page shows, and which actions the person gets (the views check again)."""
    user = request.user
    participations = project.all_participations
    for participation in participations:
        participation.active_contacts = [person for person in participation.contact_people.all() if person.is_active]
    lead = next((p for p in participations if p.role == ParticipantRole.LEAD), None)
    participant_ids = {p.organisation_id for p in participations}
    is_lead_admin = permissions.is_lead_admin(user, project)
    acting_for = set(permissions.organisations_acting_for(user))
    admin_of = set(permissions.organisations_acting_for(user, admin_only=True))
    pending_requests = _pending_requests(user, project)
    # Organisations already asking (or invited) answer that first rather than ask again.
    may_ask_for = acting_for - participant_ids - {pending.organisation_id for pending in pending_requests}
    return {
        "project": project,
        "lead": lead,
        "participations": participations,
        "updates": project.updates.select_related("author", "organisation"),
        "can_see_people": is_cluster_member(user),
        "is_lead_admin": is_lead_admin,
        "can_post_update": user.is_authenticated and (user.is_staff or permissions.is_participant(user, project)),
        "can_ask_to_join": bool(may_ask_for) and project.accepts_requests,
        "pending_requests": pending_requests,
        "leavable": [p for p in participations if p.organisation_id in admin_of and p.role != ParticipantRole.LEAD],
        "partner_search_form": partner_search_form
        or (PartnerSearchForm(initial={"until": project.partner_search_ends_on}) if is_lead_admin else None),
    }


def _pending_requests(user, project):
    """Requests the person's organisations sent to this project, and invitations they received."""
    if not user.is_authenticated:
        return []
    return list(
        JoinRequest.objects.pending()
        .filter(project=project, organisation_id__in=permissions.organisations_acting_for(user))
        .select_related("organisation")
    )
