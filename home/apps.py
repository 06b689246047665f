from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The front page: it shows every app's content, so it sits above them all."""

    name = "home"
    verbose_name = _("Home page")
