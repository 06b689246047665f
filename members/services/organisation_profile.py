"""An organisation's profile: its admins' edits, the yearly "still current" confirmation,
the competences they propose, and a person's own job titles."""

import uuid
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from members import permissions
from members.models import Competence, Organisation
from members.services.errors import MembersError
from members.text import competence_key

PROFILE_FIELDS = (
    "name_et",
    "name_en",
    "kind",
    "registry_code",
    "foreign_registration",
    "country",
    "city",
    "size_band",
    "founded_year",
    "short_description_et",
    "short_description_en",
    "description_et",
    "description_en",
    "website",
    "contact_email",
    "contact_visibility",
)
# The edit page asks for a confirmation a month before the yearly reminder e-mail would.
CONFIRMATION_DUE_AFTER = timedelta(days=335)


def update_organisation_profile(
    organisation, *, actor, data, logo=None, proposed_competences=(), remove_logo=False
) -> Organisation:
    """Save an organisation admin's edit of the profile (fields, focus areas, competences, logo).

    `data` holds the cleaned profile fields (PROFILE_FIELDS; others are ignored) and, when
    given, `focus_areas` and `competences`; `logo` is a processed image (members.logos) that
    replaces the current one, `remove_logo` drops it; `proposed_competences` are names that
    `propose_competences` finds or creates, and the organisation gets them too. One
    transaction, with the organisation locked; django-simple-history records the change
    with `actor`. Raises MembersError if the actor may not edit the organisation or its
    registry code belongs to another organisation.
    """
    if actor is not None and not permissions.can_edit_organisation(actor, organisation):
        raise MembersError(_("You may not edit this organisation's profile."))
    with transaction.atomic():
        locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
        for name in PROFILE_FIELDS:
            if name in data:
                setattr(locked, name, data[name])
        locked.registry_code = locked.registry_code or None
        if locked.registry_code and _registry_code_taken(locked):
            raise MembersError(
                _("Another organisation in the portal already has the registry code %(code)s.")
                % {"code": locked.registry_code}
            )
        old_logo = locked.logo.name if (logo or remove_logo) else ""
        if logo:
            locked.logo.save(logo.name, logo, save=False)
        elif remove_logo:
            locked.logo = ""
        locked._history_user = actor
        try:
            with transaction.atomic():
                locked.save()
        except IntegrityError as error:
            # Another organisation took the same registry code a moment ago.
            raise MembersError(
                _("Another organisation in the portal already has the registry code %(code)s.")
                % {"code": locked.registry_code}
            ) from error
        if "focus_areas" in data:
            locked.focus_areas.set(data["focus_areas"])
        competences = list(data["competences"]) if "competences" in data else list(locked.competences.all())
        competences += propose_competences(proposed_competences, organisation=locked)
        locked.competences.set({competence.pk: competence for competence in competences}.values())
        if old_logo:
            storage = locked.logo.storage
            transaction.on_commit(lambda: storage.delete(old_logo))
    return locked


def _registry_code_taken(organisation):
    return Organisation.objects.filter(registry_code=organisation.registry_code).exclude(pk=organisation.pk).exists()


def confirm_profile(organisation, *, actor) -> Organisation:
    """Record that the organisation's admins checked that the profile is current.

    Sets `profile_confirmed_at` to now, which also stops the yearly reminder e-mail until
    the next year. Raises MembersError if the actor may not edit the organisation.
    """
    if actor is not None and not permissions.can_edit_organisation(actor, organisation):
        raise MembersError(_("You may not confirm this organisation's profile."))
    with transaction.atomic():
        locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
        locked.profile_confirmed_at = timezone.now()
        locked._history_user = actor
        locked.save(update_fields=["profile_confirmed_at"])
    return locked


def is_confirmation_due(organisation, *, now=None) -> bool:
    """Whether the edit page should ask the admins to confirm the profile (over 11 months old)."""
    now = now or timezone.now()
    confirmed = organisation.profile_confirmed_at or organisation.created_at
    return confirmed is None or confirmed < now - CONFIRMATION_DUE_AFTER


def propose_competences(names, *, organisation, language=None) -> list[Competence]:
    """Find or create (unapproved) competences for the names, without near-duplicates.

    A name matches an existing competence when their `members.text.competence_key` is the
    same, compared with the competence's names in both languages ("Mobile-Apps" finds
    "Mobile apps"). A name with no match becomes a new competence, not approved, proposed
    by `organisation`, named in `language` (the current one by default) until the staff
    translate it. Returns the competences in the order of the names, each once.
    """
    language = language or get_language() or "et"
    wanted = {}
    for name in names:
        name = " ".join(str(name).split())[:100]
        key = competence_key(name)
        if key and key not in wanted:
            wanted[key] = name
    if not wanted:
        return []
    with transaction.atomic():
        known = _competences_by_key()
        found = {}
        for key, name in wanted.items():
            competence = known.get(key)
            if competence is None:
                competence = _create_proposed(name, key=key, organisation=organisation, language=language)
            found[competence.pk] = competence
    return list(found.values())


def _competences_by_key():
    """Every competence under its stored key and under the keys of both its names.

    The list holds hundreds of rows at most, so one query and a dictionary beat a key
    column per language.
    """
    by_key = {}
    competences = list(Competence.objects.all())
    for competence in competences:
        by_key[competence.key] = competence
    for competence in competences:
        for name in (competence.name_et, competence.name_en):
            by_key.setdefault(competence_key(name or ""), competence)
    by_key.pop("", None)
    return by_key


def _create_proposed(name, *, key, organisation, language):
    try:
        with transaction.atomic():
            competence = Competence(
                slug=_free_slug(name), is_approved=False, proposed_by=organisation, **{f"name_{language}": name}
            )
            competence.name = name
            competence.save()
            return competence
    except IntegrityError:
        # Proposed by someone else at the same moment: use theirs.
        existing = Competence.objects.filter(key=key).first()
        if existing is None:
            raise
        return existing


def _free_slug(name):
    base = slugify(name)[:80] or "competence"
    if not Competence.objects.filter(slug=base).exists():
        return base
    return f"{base}-{uuid.uuid4().hex[:6]}"
