# Django's Estonian formats leave out digit grouping; Estonian writes 12 345,5.
from django.conf.locale.et.formats import *  # noqa: F403

NUMBER_GROUPING = 3

# Django's Estonian formats have no date-with-time: without these, times fall back to "m/d/Y P".
DATETIME_FORMAT = "j. F Y, H:i"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
TIME_FORMAT = "H:i"

# What the admin's date fields read; the first is also how they show a date (escc/widgets.py).
# Django appends the ISO formats (2031-03-05) to any list.
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
