from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "funding"
    verbose_name = _("Funding and news")

    def ready(self):
        from funding import email_choices, signals  # noqa: F401 - signals connects the receivers

        email_choices.register()
