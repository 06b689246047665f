"""Permission-matrix rows for funding: RSS/Atom and iCalendar feeds, the calendar address reset, digest preferences."""

from funding.models import CallFollow
from funding.services.calendar import calendar_feed_for
from tests.factories import CallFactory
from tests.site.matrix_common import SIGNED_IN, Row, everyone, visitor_then


def member_calendar_token(fixture):
    """The member's private calendar address, with a call they follow in it."""
    member = fixture("member")
    CallFollow.objects.create(user=member, call=CallFactory(slug="followed-call"))
    return {"token": calendar_feed_for(member).token}


# Every signed-in persona saves a choice that differs from any default (weekly or off).
PREFERENCES = {
    "frequency": "daily",
    "include_calls": "on",
    "include_news": "on",
    "send_reminders": "on",
    "language": "en",
}

ROWS = {
    # Feeds are public and read-only: feed readers and calendar apps cannot sign in.
    "funding:calls_rss": Row(get=everyone(200), post=everyone(405)),
    "funding:calls_atom": Row(get=everyone(200), post=everyone(405)),
    "funding:news_rss": Row(get=everyone(200), post=everyone(405)),
    "funding:news_atom": Row(get=everyone(200), post=everyone(405)),
    "funding:calls_calendar": Row(get=everyone(200), post=everyone(405)),
    # The secret token is the only key: whoever holds it reads that person's feed, signed in or not.
    "funding:followed_calendar": Row(get=everyone(200), post=everyone(405), kwargs=member_calendar_token),
    # Each person resets only their own address (made on first use, so every POST writes).
    "funding:calendar_token_reset": Row(
        get=visitor_then(302, 405), post=visitor_then(302, 302), writers=set(SIGNED_IN)
    ),
    "funding:preferences": Row(
        get=visitor_then(302, 200), post=visitor_then(302, 302), post_data=PREFERENCES, writers=set(SIGNED_IN)
    ),
}
