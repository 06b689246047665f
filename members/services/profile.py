from django.db import transaction
from django.utils import timezone

from members.models import PROFILE_CONFIRMATION_PERIOD, Membership, Organisation, Role, User
from messaging import emails


def update_profile(user: User, *, display_name: str, preferred_language: str) -> User:
    """Change what a person says about themselves; only they call it."""
    user.display_name = display_name
    user.preferred_language = preferred_language
    user.save(update_fields=["display_name", "preferred_language"])
    return user


def refresh_profile_staleness(*, now=None) -> int:
    """Store `profile_stale` for the profiles that crossed the year since the last save (daily).

    Returns how many changed. The directory sorts by the stored flag; a save sets it too.
    """
    from members.querysets import stale_condition

    condition = stale_condition(now=now)
    went_stale = Organisation.objects.filter(condition, profile_stale=False).update(profile_stale=True)
    fresh_again = Organisation.objects.filter(profile_stale=True).exclude(condition).update(profile_stale=False)
    return went_stale + fresh_again


def remind_profile_confirmation(*, now=None) -> int:
    """E-mail the admins of active organisations whose profile went a year unconfirmed.

    Each organisation is reminded at most once per confirmation period. Returns how many
    organisations were reminded.
    """
    now = now or timezone.now()
    cutoff = now - PROFILE_CONFIRMATION_PERIOD
    due = Organisation.objects.active().stale(now=now).exclude(confirmation_reminded_at__gte=cutoff)
    reminded = 0
    for organisation in due:
        with transaction.atomic():
            claimed = Organisation.objects.filter(pk=organisation.pk).exclude(confirmation_reminded_at__gte=cutoff)
            if not claimed.update(confirmation_reminded_at=now):
                continue
            admins = Membership.objects.filter(organisation=organisation, role=Role.ADMIN).select_related("user")
            for membership in admins:
                emails.send_to_person(membership.user, "profile_reminder", {"organisation": organisation})
            reminded += 1
    return reminded


def update_own_profile(user, *, display_name, preferred_language, job_titles=None):
    """A person's own page: their name and language, and their job title in each organisation.

    `job_titles` maps membership ids to titles; only the person's own memberships are
    touched, whatever ids are given. One transaction.
    """
    job_titles = job_titles or {}
    with transaction.atomic():
        update_profile(user, display_name=display_name, preferred_language=preferred_language)
        memberships = Membership.objects.select_for_update().filter(user=user, pk__in=list(job_titles))
        for membership in memberships:
            title = " ".join((job_titles[membership.pk] or "").split())
            if membership.job_title != title:
                membership.job_title = title
                membership.save(update_fields=["job_title"])
    return user
