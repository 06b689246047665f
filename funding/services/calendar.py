"""The secret address of a person's private deadline calendar."""

from funding.models import CalendarFeed, new_calendar_token


def calendar_feed_for(user):
    """The person's CalendarFeed, made on first use."""
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


def reset_calendar_token(user):
    """Give the person a new secret; calendars subscribed with the old address stop updating."""
    feed = calendar_feed_for(user)
    feed.token = new_calendar_token()
    feed.save(update_fields=["token"])
    return feed
