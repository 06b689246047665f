"""A person's digest subscription: reading it with its default, and changing it."""

from django.db import transaction

from funding.models import Frequency, Subscription
from members.models import Membership

# What update_subscription may change; focus_areas is the many-to-many of the rest.
CHANGEABLE = {
    "frequency",
    "focus_areas",
    "include_calls",
    "include_news",
    "include_projects",
    "include_activity",
    "include_saved_searches",
    "send_reminders",
    "language",
}


def default_frequency(user):
    """Weekly for people in a member organisation (as funding.signals gives them), off for everyone else."""
    is_in_organisation = Membership.objects.filter(user=user).exists()
    return Frequency.WEEKLY if is_in_organisation else Frequency.OFF


def subscription_for(user):
    """The person's Subscription, made with the default frequency if they have none yet."""
    try:
        return Subscription.objects.get(user=user)
    except Subscription.DoesNotExist:
        pass
    subscription, _created = Subscription.objects.get_or_create(
        user=user, defaults={"frequency": default_frequency(user)}
    )
    return subscription


def update_subscription(subscription, *, actor, **changes):
    """Change what a person's digest holds and how often it comes.

    `changes` are fields of Subscription (`focus_areas`: the focus areas, none meaning all).
    `actor` is the person themselves, or None for the system (the one-click unsubscribe).
    Raises TypeError for a field that is not a preference.
    """
    unknown = set(changes) - CHANGEABLE
    if unknown:
        raise TypeError(f"Not a digest preference: {', '.join(sorted(unknown))}")
    focus_areas = changes.pop("focus_areas", None)
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
        for name, value in changes.items():
            setattr(subscription, name, value)
        subscription.save(update_fields=[*changes, "updated_at"])
        if focus_areas is not None:
            subscription.focus_areas.set(focus_areas)
    return subscription
