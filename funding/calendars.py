"""iCalendar feeds of call deadlines: what goes in them and how each deadline becomes an event.

A deadline is an event of no length at the deadline instant, as funders' own calendars publish
them: DTSTART and DTEND both equal the deadline, in the time zone the funder states it in (with
its VTIMEZONE), and TRANSP:TRANSPARENT so it never blocks anyone's free time. A two-stage call
gives one event per stage. Rolling calls have no deadline and are left out. UIDs are built from
the call's id, the stage and the site's host, so every refresh updates the same events.
"""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vDuration

from funding.models import Call

# Closed calls stay in the calendars this long after their last deadline, then drop out.
KEEP_CLOSED_FOR = timedelta(days=90)
# How often calendar apps are asked to fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL).
REFRESH_INTERVAL = timedelta(hours=6)
PRODID = "-//Estonian Smart City Cluster//Funding deadlines//EN"


def calendar_calls(calls=None, *, now=None):
    """Published calls with a deadline, leaving out those closed more than KEEP_CLOSED_FOR ago."""
    now = now or timezone.now()
    cutoff = now - KEEP_CLOSED_FOR
    calls = Call.objects.all() if calls is None else calls
    return (
        calls.published()
        .filter(Q(deadline__gte=cutoff) | Q(second_deadline__gte=cutoff))
        .select_related("programme")
        .order_by("deadline", "pk")
    )


def followed_calls(user, *, now=None):
    """The calls `user` follows, as calendar_calls() keeps them."""
    return calendar_calls(Call.objects.filter(follows__user=user), now=now)


def stages(call):
    """(stage number, deadline) of each deadline; the number is None for a one-stage call."""
    if call.second_deadline is None:
        return [(None, call.deadline)] if call.deadline else []
    return [(1, call.deadline), (2, call.second_deadline)]


def deadline_events(call, *, host, absolute_url):
    """One VEVENT per deadline of `call`; `absolute_url(path)` makes links absolute."""
    zone = call.deadline_zone
    link = absolute_url(call.get_absolute_url())
    description = "\n\n".join(part for part in (call.summary, call.programme.name, link) if part)
    events = []
    for stage, moment in stages(call):
        if stage is None:
            summary = _("Deadline: %(title)s") % {"title": call.title}
        else:
            summary = _("Deadline: %(title)s (stage %(stage)s)") % {"title": call.title, "stage": stage}
        # iCalendar counts in whole seconds.
        start = moment.astimezone(zone).replace(microsecond=0)
        events.append(
            Event.new(
                uid=f"call-{call.pk}-stage-{stage or 1}@{host}",
                summary=summary,
                description=description,
                url=link,
                start=start,
                end=start,
                stamp=call.updated_at,
                last_modified=call.updated_at,
                transparency="TRANSPARENT",
            )
        )
    return events


def build_calendar(calls, *, name, description, uid, host, absolute_url):
    """The iCalendar text (bytes) of the deadlines of `calls`."""
    calendar = Calendar.new(
        prodid=PRODID,
        uid=uid,
        name=name,
        description=description,
        method="PUBLISH",
        calscale="GREGORIAN",
        refresh_interval=REFRESH_INTERVAL,
    )
    # Older clients (Outlook, Google) read the X-WR-* and X-PUBLISHED-TTL forms.
    calendar.add("x-wr-caldesc", description)
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    for call in calls:
        for event in deadline_events(call, host=host, absolute_url=absolute_url):
            calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
