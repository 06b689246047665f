"""Projects are created, edited, and their partner search closed, extended or left to expire.

A project's address name (slug) is made once from its title and never changes, so shared
links keep working. A completed or cancelled project never looks for partners.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from members.models import OrganisationKind
from projects.models import CLOSED_STAGES, ParticipantRole, Participation, Project, SoughtKind
from projects.permissions import can_act_for, is_lead_admin
from projects.services.common import is_person_of, is_staff, lock_project
from projects.services.errors import ProjectError

# What `data` may set; other keys (a form's extra fields) are ignored.
EDITABLE_FIELDS = (
    "title",
    "summary",
    "description",
    "language",
    "stage",
    "visibility",
    "starts_on",
    "ends_on",
    "budget_eur",
    "pilot_city",
    "pilot_site",
    "needs_test_users",
    "is_open_for_joining",
    "partner_search_ends_on",
    "target_call",
)
SLUG_MAX_LENGTH = Project._meta.get_field("slug").max_length


def create_project(*, actor, lead_organisation, data, focus_areas=(), sought_competences=(), sought_kinds=()):
    """Create a project led by `lead_organisation`, with the actor as the lead's contact person.

    The actor must be one of the people of an active member organisation to lead for it
    (staff may start one for any organisation). `data` holds the project's fields (a form's
    cleaned_data will do); its address name is made from the title, unique and never one of
    the words the project URLs reserve. Raises ProjectError for a broken rule. Returns the
    project.
    """
    if not (is_staff(actor) or can_act_for(actor, lead_organisation)):
        raise ProjectError(_("You can start a project only for an active member organisation you belong to."))
    with transaction.atomic():
        project = Project(created_by=actor)
        _apply(project, data, previous=None)
        _save_with_unique_slug(project)
        lead = Participation.objects.create(project=project, organisation=lead_organisation, role=ParticipantRole.LEAD)
        if is_person_of(actor, lead_organisation):
            lead.contact_people.add(actor)
        _set_wishes(project, focus_areas, sought_competences, sought_kinds)
    return project


def update_project(project, *, actor, data, focus_areas=None, sought_competences=None, sought_kinds=None):
    """Change a project's details; only the lead organisation's admins and staff may.

    Lists left as None stay as they are. The address name does not change with the title.
    Raises ProjectError for a broken rule. Returns the project.
    """
    with transaction.atomic():
        locked = lock_project(project)
        if not is_lead_admin(actor, locked):
            raise ProjectError(_("Only the lead organisation's admins can change this project."))
        previous = Project(
            is_open_for_joining=locked.is_open_for_joining, partner_search_ends_on=locked.partner_search_ends_on
        )
        _apply(locked, data, previous=previous)
        locked.save()
        _set_wishes(locked, focus_areas, sought_competences, sought_kinds)
    return locked


def close_partner_search(project, *, actor):
    """Stop taking requests to join now; the lead's admins and staff may. Returns the project.

    Pending requests stay and can still be answered. Closing a closed search changes nothing.
    """
    with transaction.atomic():
        locked = lock_project(project)
        if not is_lead_admin(actor, locked):
            raise ProjectError(_("Only the lead organisation's admins can close the partner search."))
        if locked.is_open_for_joining:
            locked.is_open_for_joining = False
            locked.save(update_fields=["is_open_for_joining", "updated_at"])
    return locked


def extend_partner_search(project, *, actor, until):
    """Open the partner search until `until` (today or later), reopening a closed one.

    Only the lead's admins and staff may, and not for a completed or cancelled project.
    Returns the project.
    """
    with transaction.atomic():
        locked = lock_project(project)
        if not is_lead_admin(actor, locked):
            raise ProjectError(_("Only the lead organisation's admins can extend the partner search."))
        if until is None:
            raise ProjectError(_("Give the date the partner search ends."))
        if until < timezone.localdate():
            raise ProjectError(_("The partner search cannot end in the past."))
        if locked.is_closed:
            raise ProjectError(_("A completed or cancelled project does not look for partners."))
        locked.partner_search_ends_on = until
        locked.is_open_for_joining = True
        locked.save(update_fields=["partner_search_ends_on", "is_open_for_joining", "updated_at"])
    return locked


def close_expired_partner_searches(*, today=None):
    """Daily: close the partner search of projects whose end date has passed. Returns how many.

    A search ends at the end of its last day. Running it again the same day closes nothing.
    """
    today = today or timezone.localdate()
    return Project.objects.filter(is_open_for_joining=True, partner_search_ends_on__lt=today).update(
        is_open_for_joining=False
    )


def _apply(project, data, *, previous):
    for field in EDITABLE_FIELDS:
        if field in data:
            value = data[field]
            setattr(project, field, value.strip() if isinstance(value, str) else value)
    if project.stage in CLOSED_STAGES:
        # A completed or cancelled project looks for nobody.
        project.is_open_for_joining = False
    _check(project, previous=previous)


def _check(project, *, previous):
    if not project.title:
        raise ProjectError(_("Give the project a title."))
    if not project.summary:
        raise ProjectError(_("Write a short summary of the project."))
    if project.starts_on and project.ends_on and project.ends_on < project.starts_on:
        raise ProjectError(_("The project cannot end before it starts."))
    if project.budget_eur is not None and project.budget_eur < 0:
        raise ProjectError(_("The budget cannot be negative."))
    ends_on = project.partner_search_ends_on
    newly_set = previous is None or ends_on != previous.partner_search_ends_on or not previous.is_open_for_joining
    if project.is_open_for_joining and ends_on and ends_on < timezone.localdate() and newly_set:
        raise ProjectError(_("The partner search cannot end in the past."))
    try:
        project.full_clean(exclude=["slug", "created_by"], validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        raise ProjectError(" ".join(error.messages)) from None


def _save_with_unique_slug(project):
    for attempt in range(5):
        project.slug = _unique_slug(project.title, attempt)
        try:
            with transaction.atomic():
                project.save()
        except IntegrityError:
            # Someone took the same address name a moment ago.
            project.pk = None
            continue
        return
    raise ProjectError(_("The project could not be saved. Please try again."))


def _unique_slug(title, attempt=0):
    # Imported here: the URL module imports the views, which import the services.
    from projects.urls import RESERVED_SLUGS

    base = slugify(title)[: SLUG_MAX_LENGTH - 12].strip("-") or "project"
    taken = set(Project.objects.filter(slug__startswith=base).values_list("slug", flat=True)) | RESERVED_SLUGS
    slug, number = base, 2 + attempt
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


def _set_wishes(project, focus_areas, sought_competences, sought_kinds):
    if focus_areas is not None:
        project.focus_areas.set(focus_areas)
    if sought_competences is not None:
        project.sought_competences.set(sought_competences)
    if sought_kinds is not None:
        kinds = set(sought_kinds)
        if not kinds <= set(OrganisationKind.values):
            raise ProjectError(_("Choose kinds of partner from the list."))
        SoughtKind.objects.filter(project=project).exclude(kind__in=kinds).delete()
        existing = set(SoughtKind.objects.filter(project=project).values_list("kind", flat=True))
        SoughtKind.objects.bulk_create([SoughtKind(project=project, kind=kind) for kind in sorted(kinds - existing)])
