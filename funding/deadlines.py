"""Deadlines in the funder's time zone: naming the zone, and a deadline as people read it."""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


def time_zone(name):
    """The zone called `name` (Europe/Brussels), or None when no zone has that name."""
    try:
        return ZoneInfo(name)
    # A folder of the zone database ("Europe") or a name too long for a file raises OSError.
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def validate_time_zone(name):
    if time_zone(name) is None:
        raise ValidationError(
            gettext_lazy("“%(name)s” is not a time zone; write it as Europe/Brussels or Europe/Tallinn."),
            code="invalid",
            params={"name": name},
        )


def format_deadline(moment, call):
    """ "4 March 2031, 17:00 (Europe/Brussels)", in the active language's date format."""
    zone = call.deadline_zone
    local = moment.astimezone(zone)
    return _("%(date)s, %(time)s (%(zone)s)") % {
        "date": formats.date_format(local, "DATE_FORMAT"),
        "time": formats.time_format(local, "H:i"),
        "zone": str(zone),
    }
