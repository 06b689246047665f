# Django's Estonian formats leave out digit grouping; Estonian writes 12 345,5.
from django.conf.locale.et.formats import *  # noqa: F403

NUMBER_GROUPING = 3

# Django's Estonian formats have no date-with-time: without these, times fall back to "m/d/Y P".
DATETIME_FORMAT = "j. F Y, H:i"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
TIME_FORMAT = "H:i"
