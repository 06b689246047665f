# Django's Estonian formats leave out digit grouping; Estonian writes 12 345,5.
from django.conf.locale.et.formats import *  # noqa: F403

NUMBER_GROUPING = 3
