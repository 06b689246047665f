"""The panel terms in force: the newest published version."""

from django.utils import timezone

from livinglab.models import PanelTerms


def _published():
    return PanelTerms.objects.filter(published_at__lte=timezone.now()).order_by("-version")


def terms_in_force():
    return _published().first()


def terms_version_in_force():
    return _published().values_list("version", flat=True).first()
