import factory

from support.models import RequestMessage, Service, ServiceRequest
from tests.factories import OrganisationFactory


class ServiceRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceRequest

    organisation = factory.SubFactory(OrganisationFactory)
    service = Service.INNOVATION_MANAGEMENT
    subject = factory.Sequence(lambda n: f"Abi palve {n}")
    description = "Vajame abi piloodi kavandamisel Tartus."


class RequestMessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RequestMessage

    request = factory.SubFactory(ServiceRequestFactory)
    body = "Vastame homme."
