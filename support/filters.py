import django_filters
from django.utils.translation import gettext_lazy as _

from members.models import User
from support.models import RequestStatus, Service, ServiceRequest


class QueueFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(label=_("State"), choices=RequestStatus.choices)
    service = django_filters.MultipleChoiceFilter(label=_("Service"), choices=Service.choices)
    assignee = django_filters.ModelChoiceFilter(
        label=_("Handled by"), queryset=User.objects.filter(is_staff=True, is_active=True).order_by("display_name")
    )
    with_agency = django_filters.BooleanFilter(label=_("With the innovation agency"))

    class Meta:
        model = ServiceRequest
        fields = ["status", "service", "assignee", "with_agency"]
