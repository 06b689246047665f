"""The partner suggestions page: organisations that fit what a project seeks, for its lead.

Only the lead's admins and staff see it (`get_project_for(..., EDIT)`): a stranger gets 404
for a members-only project and 403 otherwise. The ranking and its reasons come from
projects.recommendations.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from projects import permissions
from projects.models import Project
from projects.recommendations import (
    COMPETENCE_POINTS,
    FOCUS_AREA_POINTS,
    KIND_POINTS,
    PILOT_CITY_POINTS,
    STALE_PROFILE_POINTS,
    suggest_partners,
)


@login_required
@require_GET
def partner_suggestions(request, slug):
    needs = Project.objects.prefetch_related("sought_competences", "focus_areas", "sought_kinds")
    project = permissions.get_project_for(request.user, slug, permissions.EDIT, queryset=needs)
    is_looking = project.accepts_requests
    context = {
        "project": project,
        "is_looking": is_looking,
        "suggestions": suggest_partners(project) if is_looking else [],
        "points": {
            "competence": COMPETENCE_POINTS,
            "focus_area": FOCUS_AREA_POINTS,
            "kind": KIND_POINTS,
            "pilot_city": PILOT_CITY_POINTS,
            "stale": -STALE_PROFILE_POINTS,
        },
    }
    return render(request, "projects/partner_suggestions.html", context)
