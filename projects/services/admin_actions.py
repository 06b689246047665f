"""Writes that staff start from the admin and that no other module covers."""

from django.db import transaction
from django.utils.translation import gettext as _

from projects.models import Project
from projects.services.errors import ProjectError


def reopen_partner_search(project, *, actor):
    """Open the project for joining again, with no end date for its partner search.

    For staff reopening a search closed early or by the daily task; `extend_partner_search`
    reopens with an end date instead. Raises ProjectError for a completed or cancelled
    project and for one already open with no end date. Returns the saved project.
    """
    with transaction.atomic():
        locked = Project.objects.select_for_update().get(pk=project.pk)
        if locked.is_closed:
            raise ProjectError(_("A completed or cancelled project cannot look for partners."))
        if locked.is_open_for_joining and locked.partner_search_ends_on is None:
            raise ProjectError(_("The partner search is already open, with no end date."))
        locked.is_open_for_joining = True
        locked.partner_search_ends_on = None
        locked.save(update_fields=["is_open_for_joining", "partner_search_ends_on", "updated_at"])
    project.is_open_for_joining = locked.is_open_for_joining
    project.partner_search_ends_on = locked.partner_search_ends_on
    project.updated_at = locked.updated_at
    return locked
