"""Staff curate the shared list of competences: approve proposals, merge duplicates."""

import logging

from django.db import transaction
from django.utils.translation import gettext as _

from members.models import Competence
from members.services.errors import MembersError

logger = logging.getLogger(__name__)


def approve_competence(competence, *, actor):
    """Accept a member's proposed competence into the shared list; approving twice changes nothing.

    Returns True when the competence was waiting for approval.
    """
    changed = Competence.objects.filter(pk=competence.pk, is_approved=False).update(is_approved=True)
    if changed:
        logger.info("members.competence.approved", extra={"competence_id": competence.pk, "actor_id": _pk(actor)})
    return bool(changed)


def merge_competences(source, *, into, actor):
    """Move everything tagged with `source` to `into`, then delete `source`, in one transaction.

    Every many-to-many relation that points at Competence is moved (organisations today,
    projects and whatever comes later, without changes here); an object that already had
    `into` keeps it once. Raises MembersError when asked to merge a competence into itself
    or when either competence no longer exists. Returns `into`.
    """
    if source.pk == into.pk:
        raise MembersError(_("A competence cannot be merged into itself."))
    with transaction.atomic():
        # Lock both in a fixed order, so two opposite merges cannot deadlock.
        locked = {
            c.pk: c for c in Competence.objects.select_for_update().filter(pk__in=[source.pk, into.pk]).order_by("pk")
        }
        if len(locked) != 2:
            raise MembersError(_("The competence was removed or merged meanwhile; reload the list."))
        source, into = locked[source.pk], locked[into.pk]
        moved = sum(_move_many_to_many(relation, source, into) for relation in _many_to_many_relations())
        source.delete()
    logger.info(
        "members.competence.merged",
        extra={"source_key": source.key, "into_id": into.pk, "moved": moved, "actor_id": _pk(actor)},
    )
    return into


def _many_to_many_relations():
    """Every many-to-many relation between Competence and another model, from either side."""
    reverse = [relation.field for relation in Competence._meta.related_objects if relation.many_to_many]
    return reverse + list(Competence._meta.many_to_many)


def _move_many_to_many(field, source, into):
    """Point `field`'s rows from `source` to `into` (keeping extra columns); returns how many moved."""
    through = field.remote_field.through
    if field.model is Competence:
        to_competence, to_other = field.m2m_field_name(), field.m2m_reverse_field_name()
    else:
        to_competence, to_other = field.m2m_reverse_field_name(), field.m2m_field_name()
    rows = through._base_manager
    already_tagged = rows.filter(**{to_competence: into}).values(to_other)
    moved = rows.filter(**{to_competence: source}).exclude(**{f"{to_other}__in": already_tagged})
    count = moved.update(**{to_competence: into})
    rows.filter(**{to_competence: source}).delete()
    return count


def _pk(user):
    return getattr(user, "pk", None)
