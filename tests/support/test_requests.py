"""A member asks, staff triage and answer, both sides write in one thread and are told in their language."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from messaging.models import Notification, OutboxEmail
from support import figures, services
from support.figures import response_times
from support.models import RequestStatus, Service, ServiceRequest
from tests.factories import CallFactory, MembershipFactory, UserFactory
from tests.support.factories import ServiceRequestFactory

pytestmark = pytest.mark.django_db

SHORT = {"subject": "Kas voor sobib?", "description": "Meie projekt on linnaliikuvusest."}
ASK = {
    "service": "internationalisation",
    "target_market": "Soome",
    "subject": "Sisenemine Soome turule",
    "description": "Otsime partnerlinnu Helsingi piirkonnas.",
}


def test_a_member_admin_asks_for_internationalisation_and_staff_are_told(client, org_admin, organisation, staff):
    client.force_login(org_admin)

    response = client.post(reverse("support:request_create"), {**ASK, "organisation": organisation.pk})

    created = ServiceRequest.objects.get()
    assert response["Location"] == created.get_absolute_url()
    assert (created.organisation, created.requested_by, created.status) == (organisation, org_admin, "new")
    assert Notification.objects.filter(kind="support.request_received", recipient=staff).exists()
    assert OutboxEmail.objects.filter(kind="support.request_received", to=staff.email).exists()


def test_internationalisation_without_a_market_is_refused_at_the_field_keeping_the_text(client, member, organisation):
    client.force_login(member)

    response = client.post(
        reverse("support:request_create"), {**ASK, "target_market": "", "organisation": organisation.pk}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["target_market"] == [
        "Märkige, millisele turule või millisesse riiki soovite minna."
    ]
    assert "Otsime partnerlinnu Helsingi piirkonnas." in response.content.decode()
    assert not ServiceRequest.objects.exists()


def test_staff_answer_stamps_the_first_answer_and_tells_the_member_side_in_their_language(
    organisation, org_admin, member, staff
):
    member.preferred_language = "en"
    member.save(update_fields=["preferred_language"])
    request = ServiceRequestFactory(organisation=organisation, requested_by=member, subject="Pilot in Tartu")

    services.post_message(request, author=staff, body="Saadame homme kontaktid.")

    request.refresh_from_db()
    assert request.first_answered_at is not None
    told = set(OutboxEmail.objects.filter(kind="support.message_posted").values_list("to", flat=True))
    assert told == {member.email, org_admin.email}
    english = OutboxEmail.objects.get(kind="support.message_posted", to=member.email)
    assert english.subject.endswith("A new message on your service request: Pilot in Tartu")


def test_a_members_answer_to_a_request_waiting_for_them_puts_it_back_in_progress(organisation, member, staff):
    request = ServiceRequestFactory(organisation=organisation, requested_by=member, assignee=staff)
    services.triage(request, actor=staff, status=RequestStatus.WAITING_FOR_MEMBER, assignee=staff, with_agency=False)

    services.post_message(request, author=member, body="Siin on lisainfo.")

    request.refresh_from_db()
    assert request.status == RequestStatus.IN_PROGRESS
    assert Notification.objects.filter(kind="support.message_posted", recipient=staff).exists()
    assert Notification.objects.filter(kind="support.status_changed", recipient=member).exists()


def test_closing_stamps_the_time_reopening_clears_it_and_members_cannot_write_on_a_closed_request(
    organisation, member, staff
):
    request = ServiceRequestFactory(organisation=organisation, requested_by=member)

    services.triage(request, actor=staff, status=RequestStatus.DONE, assignee=None, with_agency=True)
    request.refresh_from_db()
    assert request.closed_at is not None and request.with_agency
    with translation.override("en"), pytest.raises(services.SupportError, match="closed"):
        services.post_message(request, author=member, body="Veel üks küsimus.")

    services.triage(request, actor=staff, status=RequestStatus.IN_PROGRESS, assignee=staff, with_agency=True)
    request.refresh_from_db()
    assert request.closed_at is None and request.assignee == staff


def test_only_staff_can_handle_a_request(organisation, member, staff):
    with pytest.raises(services.SupportError):
        services.triage(
            ServiceRequestFactory(organisation=organisation),
            actor=staff,
            status="new",
            assignee=member,
            with_agency=False,
        )


def test_an_empty_message_is_refused_next_to_the_field(client, member, organisation):
    request = ServiceRequestFactory(organisation=organisation, requested_by=member)
    client.force_login(member)

    response = client.post(request.get_absolute_url(), {"body": "   "})

    assert response.status_code == 200
    assert response.context["form"].errors["body"]
    assert not request.messages.exists()


def test_requests_are_seen_by_who_asked_their_organisations_admins_and_staff_only(
    client, organisation, member, org_admin, staff, other_organisation
):
    request = ServiceRequestFactory(organisation=organisation, requested_by=member)
    colleague = MembershipFactory(organisation=organisation).user
    outsider = MembershipFactory(organisation=other_organisation, admin=True).user

    for person, status in [(member, 200), (org_admin, 200), (staff, 200), (colleague, 404), (outsider, 404)]:
        client.force_login(person)
        assert client.get(request.get_absolute_url()).status_code == status, person
        listed = client.get(reverse("support:request_list")).content.decode()
        assert (request.subject in listed) == (status == 200), person


def test_the_queue_figures_are_medians_per_service_and_month():
    asked = timezone.now().replace(day=10, hour=9, minute=0, second=0, microsecond=0)
    for hours, days in [(2, 3), (4, 5), (30, None)]:
        request = ServiceRequestFactory(service=Service.FUNDING_ADVICE)
        ServiceRequest.objects.filter(pk=request.pk).update(
            created_at=asked,
            first_answered_at=asked + timedelta(hours=hours),
            closed_at=asked + timedelta(days=days) if days else None,
            status=RequestStatus.DONE if days else RequestStatus.IN_PROGRESS,
        )
    ServiceRequestFactory(service=Service.OTHER)

    rows = {row["service"]: row for row in response_times(ServiceRequest.objects.all())}

    advice = rows[Service.FUNDING_ADVICE]
    assert (advice["asked"], advice["hours_to_answer"], advice["days_to_done"]) == (3, 4, 4)
    assert rows[Service.OTHER]["hours_to_answer"] is None


def test_the_queue_filters_by_state_and_shows_ages(client, staff):
    ServiceRequestFactory(subject="Uus palve")
    ServiceRequestFactory(subject="Valmis palve", status=RequestStatus.DONE)
    client.force_login(staff)

    page = client.get(reverse("support:queue"), {"status": "new"}).content.decode()

    assert "Uus palve" in page and "Valmis palve" not in page


def test_someone_in_no_organisation_cannot_ask(client):
    client.force_login(UserFactory())

    assert client.get(reverse("support:request_create")).status_code == 403


def test_a_call_page_leads_to_a_funding_advice_request_about_that_call(client, member, organisation):
    call = CallFactory()
    client.force_login(member)

    page = client.get(call.get_absolute_url()).content.decode()
    path = reverse("support:request_create") + f"?service=funding_advice&amp;call={call.pk}"
    assert path in page

    form = client.get(path.replace("&amp;", "&")).context["form"]
    assert (form.initial["service"], form.initial["call"]) == ("funding_advice", str(call.pk))
    client.post(
        path.replace("&amp;", "&"),
        {"organisation": organisation.pk, "service": "funding_advice", "call": call.pk, **SHORT},
    )
    assert ServiceRequest.objects.get().call == call


def test_the_embedded_modes_medians_in_python_equal_postgresqls():
    asked = timezone.now() - timedelta(days=40)
    for number in range(7):
        request = ServiceRequestFactory(service=[Service.PILOT_SITE, Service.OTHER][number % 2])
        ServiceRequest.objects.filter(pk=request.pk).update(
            created_at=asked + timedelta(days=number * 5),
            first_answered_at=asked + timedelta(days=number * 5, hours=number + 1) if number != 3 else None,
            closed_at=asked + timedelta(days=number * 6) if number % 3 == 0 else None,
            status=RequestStatus.DONE if number % 3 == 0 else RequestStatus.NEW,
        )

    in_python = figures._in_python(ServiceRequest.objects.all())
    in_postgresql = figures._in_postgresql(ServiceRequest.objects.all())

    assert [(row["month"], row["service"], row["asked"]) for row in in_python] == [
        (row["month"], row["service"], row["asked"]) for row in in_postgresql
    ]
    for python_row, sql_row in zip(in_python, in_postgresql, strict=True):
        for column in ("hours_to_answer", "days_to_done"):
            assert python_row[column] == pytest.approx(sql_row[column]), column
