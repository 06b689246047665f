from django.db import models


class ServiceRequestQuerySet(models.QuerySet):
    def for_organisations(self, organisation_ids):
        return self.filter(organisation_id__in=organisation_ids)

    def open(self):
        from support.models import CLOSED

        return self.exclude(status__in=CLOSED)

    def with_people(self):
        return self.select_related("organisation", "requested_by", "assignee")
