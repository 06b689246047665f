from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LivinglabConfig(AppConfig):
    name = "livinglab"
    verbose_name = _("Living lab")

    def ready(self):
        from livinglab import consent, notifications

        notifications.register()
        consent.connect()
