from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "support"
    verbose_name = _("Cluster services")

    def ready(self):
        from support import notifications

        notifications.register()
