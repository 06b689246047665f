"""Project pieces for any template: Markdown that members write, and an organisation's projects."""

from django import template
from django.db.models.functions import Lower

from projects.markdown import render_markdown
from projects.models import ParticipantRole, Participation, Project

register = template.Library()


@register.simple_tag
def markdown(text):
    """`{% markdown project.description %}`: sanitised HTML, safe to output as it is."""
    return render_markdown(text)


@register.inclusion_tag("projects/_organisation_projects.html", takes_context=True)
def organisation_projects(context, organisation):
    """The projects an organisation leads and those it takes part in, as far as the viewer may see them.

    Two queries at most whatever the number of projects: the list, and (signed in) whether
    the viewer is in the cluster, which decides if members-only projects are listed.
    """
    user = context["request"].user
    participations = list(
        Participation.objects.filter(organisation=organisation, project__in=Project.objects.visible_to(user))
        .select_related("project")
        .order_by(Lower("project__title"), "project_id")
    )
    return {
        "organisation": organisation,
        "led": [p for p in participations if p.role == ParticipantRole.LEAD],
        "joined": [p for p in participations if p.role != ParticipantRole.LEAD],
    }
