from django.apps import AppConfig
from django.db.models.signals import post_migrate


class EsccConfig(AppConfig):
    name = "escc"
    verbose_name = "ESCC"

    def ready(self):
        from escc.content_version import install_triggers

        # After every migrate (not per app): a content table added later gets its trigger too.
        post_migrate.connect(install_triggers, sender=self, dispatch_uid="escc.content_version")
