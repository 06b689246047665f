"""Funding pieces for templates: deadlines in two time zones, the time left, and which language a text is in."""

from zoneinfo import ZoneInfo

from django import template
from django.conf import settings
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext

from funding.models import CallStatus
from funding.translation import shown_language

register = template.Library()

_UNSET = object()


@register.simple_tag
def text_lang(obj, field):
    """The language of `obj.<field>` as shown (modeltranslation falls back to the other language)."""
    return shown_language(obj, field)


@register.simple_tag
def deadline_time(moment, call):
    """A deadline in the funder's time zone, and in Tallinn time when that shows another clock time."""
    if moment is None:
        return ""
    funder_zone = call.deadline_zone
    tallinn = moment.astimezone(ZoneInfo(settings.TIME_ZONE))
    local = moment.astimezone(funder_zone)
    shown = format_html(
        '<time datetime="{}">{} {}</time>',
        moment.isoformat(),
        formats.date_format(local, "SHORT_DATETIME_FORMAT"),
        f"{local.tzname()} ({funder_zone.key})",
    )
    if local.utcoffset() == tallinn.utcoffset():
        return shown
    return format_html(
        '{} <span class="call-deadline__tallinn">{}</span>',
        shown,
        gettext("(%(time)s in Tallinn)") % {"time": formats.date_format(tallinn, "SHORT_DATETIME_FORMAT")},
    )


def call_status(call, now=None):
    status = getattr(call, "current_status", None)
    return CallStatus(status) if status else call.status(now)


@register.simple_tag
def status_of(call):
    """The call's status (a CallStatus) from the list's annotation, or from its dates."""
    return call_status(call)


@register.simple_tag
def time_left(call, now=None):
    """ "Closes in 3 days", "Closes today", "Rolling intake — no deadline", "Opens on 1.3.2027", "Closed"."""
    now = now or timezone.now()
    status = call_status(call, now)
    today = timezone.localdate(now)
    if status == CallStatus.FORTHCOMING:
        opens = formats.date_format(timezone.localdate(call.opens_at), "SHORT_DATE_FORMAT")
        return gettext("Opens on %(date)s") % {"date": opens}
    if call.is_rolling:
        return gettext("Rolling intake — no deadline")
    upcoming = getattr(call, "next_deadline_at", _UNSET)
    if upcoming is _UNSET:
        upcoming = call.next_deadline(now)
    if upcoming is None:
        return gettext("Closed")
    days = (timezone.localdate(upcoming) - today).days
    if days <= 0:
        return gettext("Closes today")
    if days == 1:
        return gettext("Closes tomorrow")
    return ngettext("Closes in %(count)d day", "Closes in %(count)d days", days) % {"count": days}


@register.filter
def is_past(moment):
    return moment is not None and moment < timezone.now()
