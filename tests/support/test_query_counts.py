"""The request pages and the queue run a fixed number of queries, with 10 or 200 requests and messages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from support.models import RequestMessage, RequestStatus, Service, ServiceRequest
from tests.support.factories import ServiceRequestFactory

pytestmark = pytest.mark.django_db
SIZES = [10, 200]


def many_requests(organisation, asker, staff, size):
    states, services = list(RequestStatus.values), list(Service.values)
    ServiceRequest.objects.bulk_create(
        ServiceRequest(
            organisation=organisation,
            requested_by=asker,
            assignee=staff if number % 2 else None,
            service=services[number % len(services)],
            status=states[number % len(states)],
            subject=f"Palve {number}",
            description="Vajame abi.",
        )
        for number in range(size)
    )


def queries_of(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("size", SIZES)
def test_the_queue_with_its_figures(client, staff, organisation, member, size, django_assert_num_queries):
    many_requests(organisation, member, staff, size)
    client.force_login(staff)

    with django_assert_num_queries(7):
        response = client.get(reverse("support:queue"), {"status": ["new", "in_progress"]})

    assert response.status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_the_organisation_admins_list(client, org_admin, organisation, member, staff, size, django_assert_num_queries):
    many_requests(organisation, member, staff, size)
    client.force_login(org_admin)

    with django_assert_num_queries(8):
        assert client.get(reverse("support:request_list")).status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_a_request_with_its_thread(client, member, organisation, staff, size, django_assert_num_queries):
    request = ServiceRequestFactory(organisation=organisation, requested_by=member, assignee=staff)
    RequestMessage.objects.bulk_create(
        RequestMessage(request=request, author=staff if n % 2 else member, from_staff=bool(n % 2), body=f"Sõnum {n}")
        for n in range(size)
    )
    client.force_login(member)

    with django_assert_num_queries(7):
        assert client.get(request.get_absolute_url()).status_code == 200
