"""Staff find and open service requests in the admin, with the thread beside each."""

import pytest
from django.urls import reverse

from tests.support.factories import RequestMessageFactory, ServiceRequestFactory

pytestmark = pytest.mark.django_db


def test_staff_list_filter_and_open_a_request_with_its_thread(client, staff):
    request = ServiceRequestFactory(subject="Pilootala Annelinnas", status="in_progress")
    RequestMessageFactory(request=request, body="Saadame kontaktid homme.")
    ServiceRequestFactory(subject="Valmis palve", status="done")
    client.force_login(staff)

    listed = client.get(reverse("admin:support_servicerequest_changelist"), {"status__exact": "in_progress"})
    opened = client.get(reverse("admin:support_servicerequest_change", args=[request.pk]))

    assert "Pilootala Annelinnas" in listed.content.decode()
    assert "Valmis palve" not in listed.content.decode()
    assert "Saadame kontaktid homme." in opened.content.decode()
