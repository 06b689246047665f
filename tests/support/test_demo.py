"""The demo's service requests: one in every state, with threads, and a second run writes nothing."""

import pytest
from django.core.management import call_command

from support.models import RequestMessage, RequestStatus, ServiceRequest

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_request_in_every_state_and_seeds_once():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (ServiceRequest.objects.count(), RequestMessage.objects.count())

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert set(ServiceRequest.objects.values_list("status", flat=True)) == set(RequestStatus.values)
    assert (ServiceRequest.objects.count(), RequestMessage.objects.count()) == counts
    answered = ServiceRequest.objects.exclude(first_answered_at=None)
    assert all(request.first_answered_at > request.created_at for request in answered)
