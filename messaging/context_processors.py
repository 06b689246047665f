"""The unread count of the inbox, for the header of every page."""

from messaging.inbox import unread_count


def notifications(request):
    """`unread_notification_count` for signed-in people (one query, run only if a template asks).

    The value is a callable the template engine calls; it counts once per request, however
    often the page shows it, and pages without the header (htmx partials) pay nothing.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    count = []

    def unread():
        if not count:
            count.append(unread_count(user))
        return count[0]

    return {"unread_notification_count": unread}
