from django.apps import AppConfig


class EsccConfig(AppConfig):
    name = "escc"
    verbose_name = "ESCC"
