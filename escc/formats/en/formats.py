# A European portal: English dates as in Britain and the EU institutions (5 March 2026, 17:00),
# not Django's American defaults (March 5, 2026, 5 p.m.).
from django.conf.locale.en.formats import *  # noqa: F403

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
MONTH_DAY_FORMAT = "j F"
FIRST_DAY_OF_WEEK = 1

# What the admin's date fields read, the same in both languages; the first is also how they show a
# date (escc/widgets.py). Not Django's American 03/05/2031, which would read 5 March as 3 May.
# Django appends the ISO formats (2031-03-05) to any list.
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y"]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
]
