"""Each person's channel per notification kind, and the panels other apps add to the preferences page.

No row means the kind's default channel. A channel a kind does not offer (off, for a kind
that may not be turned off) is read as inbox only, never as off.

A panel is a small form another app shows on the one preferences page (the digest's
frequency, from funding). It is registered from the app's `AppConfig.ready()`:

    preferences.register_panel(Panel(key="digest", title=_("Digest"), form_class=DigestFrequencyForm,
                                      template="funding/_digest_panel.html"))

`form_class(data, user=user, prefix=key)` must have `save()`; the page validates every form
and saves them all, or none.
"""

from dataclasses import dataclass

from django.db import transaction

from messaging import kinds
from messaging.models import Channel, NotificationPreference


def channel_of(kind, stored):
    if stored is None:
        return kind.default_channel
    if stored == Channel.OFF and not kind.may_turn_off:
        return Channel.SITE
    return stored


def channels_for(people, kind):
    """{person id: channel} for one kind, in one query."""
    stored = dict(
        NotificationPreference.objects.filter(user__in=people, kind=kind.key).values_list("user_id", "channel")
    )
    return {person.pk: channel_of(kind, stored.get(person.pk)) for person in people}


def channels_of(user):
    """{kind key: channel} for every registered kind, for one person, in one query."""
    stored = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "channel"))
    return {kind.key: channel_of(kind, stored.get(kind.key)) for kind in kinds.all_kinds()}


def set_preferences(user, channels):
    """Store the person's channel for each kind (`channels` maps kind key to channel) in one transaction."""
    with transaction.atomic():
        for key, channel in channels.items():
            NotificationPreference.objects.update_or_create(user=user, kind=key, defaults={"channel": channel})


def kinds_by_email(user):
    """The kinds that still reach the person by e-mail."""
    return [key for key, channel in channels_of(user).items() if channel == Channel.EMAIL]


@dataclass(frozen=True)
class Panel:
    key: str
    title: object
    form_class: type
    template: str


_PANELS = {}


def register_panel(panel):
    _PANELS[panel.key] = panel
    return panel


def panels():
    return list(_PANELS.values())
