from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate


class EsccConfig(AppConfig):
    name = "escc"
    verbose_name = "ESCC"

    def ready(self):
        from escc.content_version import install_triggers, remove_triggers

        # Once around every migrate (not per app): migrations run without the triggers, and a
        # content table added later gets one too.
        pre_migrate.connect(remove_triggers, sender=self, dispatch_uid="escc.content_version.remove")
        post_migrate.connect(install_triggers, sender=self, dispatch_uid="escc.content_version")
