"""The panel terms in force: the newest published version."""

from django.utils import timezone

from livinglab.models import PanelTerms


def terms_in_force():
    return PanelTerms.objects.filter(published_at__lte=timezone.now()).order_by("-version").first()


def terms_version_in_force():
    return (
        PanelTerms.objects.filter(published_at__lte=timezone.now())
        .order_by("-version")
        .values_list("version", flat=True)
        .first()
    )
