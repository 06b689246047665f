"""What the admin index shows of the third-party apps: the digest schedules, not the plumbing.

Staff never edit the site record allauth needs, and the digest schedules are all crontabs, so
the other kinds of Celery beat schedule are noise. Authenticators hold second-factor secrets;
a person who lost theirs signs in with a recovery code. escc comes after those apps in
INSTALLED_APPS, so their admin classes are registered when this module runs.
"""

from allauth.mfa.models import Authenticator
from django.contrib import admin
from django.contrib.sites.models import Site
from django.utils.translation import gettext_noop
from django_celery_beat.models import ClockedSchedule, IntervalSchedule, SolarSchedule

for model in (Site, Authenticator, ClockedSchedule, IntervalSchedule, SolarSchedule):
    admin.site.unregister(model)

# django-celery-beat and Django's admin have no Estonian for these labels of the admin index;
# naming their msgids here puts them in our catalogue, which comes first.
THIRD_PARTY_LABELS = (
    gettext_noop("Periodic Tasks"),
    gettext_noop("periodic task"),
    gettext_noop("periodic tasks"),
    gettext_noop("crontab"),
    gettext_noop("crontabs"),
    gettext_noop("Change or view list link"),
)
