"""The site inbox: a person's notifications, the unread count, marking read, and the notices
other apps put above the list.

A page of notifications is handed to each kind's `prepare` once, grouped by renderer, so
the sentences' objects load in a fixed number of queries whatever the page holds.

A notice is a line above the list that an app owns ("2 requests wait for your answer"):
`register_notice(callable)`, where the callable takes the person and returns
`(template, context)` or None.
"""

from messaging import kinds
from messaging.models import Notification


def inbox_of(user):
    """A person's notifications, newest first."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def unread_count(user):
    return Notification.objects.filter(recipient=user, is_read=False).count()


def mark_read(user, *, notification_id=None):
    """Mark one of the person's notifications read, or all of them when no id is given."""
    unread = Notification.objects.filter(recipient=user, is_read=False)
    if notification_id is not None:
        unread = unread.filter(pk=notification_id)
    return unread.update(is_read=True)


UNKNOWN_KIND = kinds.InboxRenderer(template="messaging/_unknown_item.html")


def prepare(notifications):
    """Give every notification its `item_template`, and let each renderer load what it needs."""
    notifications = list(notifications)
    groups = {}
    for notification in notifications:
        kind = kinds.get(notification.kind)
        renderer = kind.inbox if kind else UNKNOWN_KIND
        notification.item_template = renderer.template
        groups.setdefault(renderer, []).append(notification)
    for renderer, group in groups.items():
        if renderer.prepare is not None:
            renderer.prepare(group)
    return notifications


_NOTICES = []


def register_notice(notice):
    if notice not in _NOTICES:
        _NOTICES.append(notice)
    return notice


def notices_for(user):
    """[(template, context)] of every app's notice that has something to say."""
    return [found for notice in _NOTICES if (found := notice(user)) is not None]
