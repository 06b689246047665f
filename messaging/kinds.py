"""The notification kinds the apps register, and how the inbox writes their sentences.

A feature app registers its kinds from its `AppConfig.ready()`:

    kinds.register(
        "projects.update_posted",
        label=_("A new update in your project"),
        email_template="project_update_posted",
        inbox=PROJECTS_INBOX,
    )

`label` is a lazy translation, so it is shown in the reader's language. `default_channel` is
what a person gets until they choose; `may_turn_off` says whether "off" is offered (a kind
that asks somebody for an answer should never vanish). `inbox` names the template that writes
one item's sentence and a `prepare(notifications)` that loads, for a whole page at once, the
objects those sentences need, so the inbox runs a fixed number of queries.
"""

from dataclasses import dataclass, field

from django.apps import apps

from messaging.models import Channel


@dataclass(frozen=True)
class InboxRenderer:
    template: str
    prepare: object = None  # callable(list of notifications) -> None, or None


@dataclass(frozen=True)
class NotificationKind:
    key: str
    label: object
    email_template: str
    inbox: InboxRenderer
    default_channel: str = Channel.EMAIL
    may_turn_off: bool = True
    app_label: str = field(default="")

    @property
    def app_name(self):
        return apps.get_app_config(self.app_label).verbose_name

    @property
    def channels(self):
        """The channels a person may choose for this kind, in the order they are offered."""
        offered = [Channel.EMAIL, Channel.SITE] + ([Channel.OFF] if self.may_turn_off else [])
        return [(channel.value, channel.label) for channel in offered]


_KINDS = {}


def register(key, *, label, email_template, inbox, default_channel=Channel.EMAIL, may_turn_off=True):
    """Add a kind; the key is "<app label>.<name>", and registering it again replaces it."""
    app_label, _dot, name = key.partition(".")
    if not name:
        raise ValueError(f"a notification kind is named <app label>.<name>, not {key!r}")
    if not may_turn_off and default_channel == Channel.OFF:
        raise ValueError(f"{key}: a kind that may not be turned off cannot be off by default")
    kind = NotificationKind(
        key=key,
        label=label,
        email_template=email_template,
        inbox=inbox,
        default_channel=default_channel,
        may_turn_off=may_turn_off,
        app_label=app_label,
    )
    _KINDS[key] = kind
    return kind


def get(key):
    return _KINDS.get(key)


def require(key):
    try:
        return _KINDS[key]
    except KeyError:
        raise LookupError(f"no notification kind {key!r} is registered") from None


def all_kinds():
    """Every registered kind, grouped by app in INSTALLED_APPS order, in the order registered."""
    order = {config.label: number for number, config in enumerate(apps.get_app_configs())}
    return sorted(_KINDS.values(), key=lambda kind: order.get(kind.app_label, len(order)))


def by_app():
    """[(app verbose name, [kinds])] for the preferences page."""
    groups = {}
    for kind in all_kinds():
        groups.setdefault(kind.app_label, []).append(kind)
    return [(kinds[0].app_name, kinds) for kinds in groups.values()]
