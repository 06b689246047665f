from django.db import models


class ContentVersion(models.Model):
    """One row whose number changes whenever what visitors see may have changed.

    A PostgreSQL trigger on every table of the content apps bumps it when a transaction that
    wrote to them commits (escc/content_version.py); the page cache for visitors keys its
    pages by it (escc/page_cache.py).
    """

    version = models.BigIntegerField(default=0)

    def __str__(self):
        return f"content version {self.version}"
