"""A deadline as people read it, in feeds and e-mails: the funder's time, with the zone named."""

from django.utils import formats
from django.utils.translation import gettext as _


def format_deadline(moment, call):
    """ "4 March 2031, 17:00 (Europe/Brussels)", in the active language's date format."""
    zone = call.deadline_zone
    local = moment.astimezone(zone)
    return _("%(date)s, %(time)s (%(zone)s)") % {
        "date": formats.date_format(local, "DATE_FORMAT"),
        "time": formats.time_format(local, "H:i"),
        "zone": str(zone),
    }
