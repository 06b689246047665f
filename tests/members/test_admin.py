"""Staff manage members in the Django admin.

The admin is not in the site crawl or the permission matrix, so these tests guard it:
every page opens, every action runs for staff allowed to run it and for nobody else,
status changes leave a history, the member list exports as CSV, and the lists run a
fixed number of queries.
"""

import csv
import io
from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from members import services
from members.models import (
    Competence,
    FocusArea,
    Membership,
    MembershipApplication,
    MembershipStatus,
    Organisation,
)
from messaging import tasks as messaging_tasks
from messaging.models import OutboxEmail
from tests.factories import (
    CompetenceFactory,
    InvitationFactory,
    MembershipApplicationFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

ORGANISATIONS = "/admin/members/organisation/"
APPLICATIONS = "/admin/members/membershipapplication/"
COMPETENCES = "/admin/members/competence/"
OUTBOX = "/admin/messaging/outboxemail/"

ADMIN_PAGES = [
    "/admin/",
    "/admin/members/user/",
    "/admin/members/user/add/",
    "/admin/members/focusarea/",
    "/admin/django_celery_beat/periodictask/",
    ORGANISATIONS,
    ORGANISATIONS + "add/",
    ORGANISATIONS + "?stale=yes&membership_status__exact=active",
    APPLICATIONS,
    APPLICATIONS + "?status=all",
    COMPETENCES,
    COMPETENCES + "add/",
    "/admin/members/membership/",
    "/admin/members/membership/add/",
    "/admin/members/invitation/",
    OUTBOX,
]


@pytest.fixture
def english_admin(client):
    # The admin is not under a language prefix: it follows the browser, here English.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def make_staff(*permissions, name="Kalle Piiratud"):
    """A staff member who is not a superuser: only the given permissions, with two-factor on."""
    user = UserFactory(is_staff=True, display_name=name)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
    user.user_permissions.add(*(Permission.objects.get(codename=codename) for codename in permissions))
    return user


def run_action(client, url, action, objects, **data):
    """Choose an action for the selected rows on a change list, as the action bar posts it."""
    return client.post(url, {"action": action, "_selected_action": [obj.pk for obj in objects], "index": 0, **data})


def confirm_action(client, url, action, objects, **data):
    """Submit an action's own page (the reason, the merge target) for the selected rows."""
    return client.post(url, {"action": action, "_selected_action": [obj.pk for obj in objects], "post": "yes", **data})


def messages_of(response):
    return [str(message) for message in response.wsgi_request._messages]


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


# --- Pages -------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_staff_with_two_factor_open_the_admin_pages(client, staff, path):
    client.force_login(staff)

    assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_staff_open_each_object_page(client, staff, member, organisation):
    client.force_login(staff)
    application = MembershipApplicationFactory()
    competence = CompetenceFactory()
    invitation = InvitationFactory(organisation=organisation)
    email = OutboxEmail.objects.create(
        kind="test", to="a@example.ee", from_email="x@example.ee", subject="Hi", body_text="Hi", message_id="<1@x>"
    )
    membership = Membership.objects.get(user=member)
    pages = [
        f"{ORGANISATIONS}{organisation.pk}/change/",
        f"{ORGANISATIONS}{organisation.pk}/history/",
        f"{APPLICATIONS}{application.pk}/change/",
        f"{COMPETENCES}{competence.pk}/change/",
        f"/admin/members/invitation/{invitation.pk}/change/",
        f"/admin/members/membership/{membership.pk}/change/",
        f"/admin/members/user/{member.pk}/change/",
        f"{OUTBOX}{email.pk}/change/",
    ]

    for page in pages:
        assert client.get(page).status_code == 200, page


@pytest.mark.django_db
def test_staff_edit_a_focus_area_in_both_languages(client, staff):
    client.force_login(staff)
    area = FocusArea.objects.get(slug="tourism")

    page = client.get(f"/admin/members/focusarea/{area.pk}/change/").content.decode()

    assert 'name="name_et"' in page
    assert 'name="name_en"' in page


@pytest.mark.django_db
def test_staff_search_people_by_name(client, staff, member):
    client.force_login(staff)

    response = client.get("/admin/members/user/", {"q": "Mari"})

    assert member.email in response.content.decode()


@pytest.mark.django_db
def test_staff_without_two_factor_are_sent_to_turn_it_on(client):
    client.force_login(UserFactory(staff=True))

    response = client.get(ORGANISATIONS)

    assert response.status_code == 302
    assert "/admin/" not in response["Location"]


# --- Organisations: the list, filters and query counts -----------------------------------------


@pytest.mark.django_db
def test_organisation_list_shows_status_people_and_stale_profiles(client, staff):
    client.force_login(staff)
    a_year_ago = timezone.now() - timedelta(days=400)
    stale = OrganisationFactory(name_et="Vana Profiil OÜ", profile_confirmed_at=a_year_ago)
    current = OrganisationFactory(name_et="Värske Profiil OÜ")
    MembershipFactory.create_batch(3, organisation=current)

    stale_page = client.get(ORGANISATIONS, {"stale": "yes"}).content.decode()
    current_page = client.get(ORGANISATIONS, {"stale": "no"}).content.decode()

    assert "Vana Profiil OÜ" in stale_page
    assert "Värske Profiil OÜ" not in stale_page
    assert "Värske Profiil OÜ" in current_page
    assert "Vana Profiil OÜ" not in current_page
    assert '<td class="field-people_count">3</td>' in current_page
    assert fresh(stale).is_profile_stale


@pytest.mark.django_db
def test_a_never_confirmed_profile_is_stale_a_year_after_it_was_created(client, staff):
    client.force_login(staff)
    old = OrganisationFactory(name_et="Kinnitamata OÜ", profile_confirmed_at=None)
    Organisation.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=400))
    OrganisationFactory(name_et="Uus Kinnitamata OÜ", profile_confirmed_at=None)

    page = client.get(ORGANISATIONS, {"stale": "yes"}).content.decode()

    assert "Kinnitamata OÜ" in page
    assert "Uus Kinnitamata OÜ" not in page


@pytest.mark.django_db
def test_staff_find_an_organisation_by_registry_code_or_english_name(client, staff, organisation, other_organisation):
    client.force_login(staff)

    by_code = client.get(ORGANISATIONS, {"q": organisation.registry_code}).content.decode()
    by_english_name = client.get(ORGANISATIONS, {"q": "Air Sense"}).content.decode()

    assert "Tartu Liikuvus OÜ" in by_code
    assert "Õhuseire AS" not in by_code
    assert "Õhuseire AS" in by_english_name


def organisations_with_people(count):
    areas = list(FocusArea.objects.all()[:2])
    competences = CompetenceFactory.create_batch(2)
    for _ in range(count):
        organisation = OrganisationFactory(focus_areas=areas, competences=competences)
        MembershipFactory(organisation=organisation, is_primary_contact=True)
        MembershipFactory(organisation=organisation)


@pytest.mark.django_db
@pytest.mark.parametrize("count", [10, 100])
def test_organisation_list_runs_a_fixed_number_of_queries(client, staff, assert_page_queries, count):
    organisations_with_people(count)
    client.force_login(staff)

    # One count of the list: the unfiltered total is not counted again (show_full_result_count).
    assert_page_queries(ORGANISATIONS, 7)


@pytest.mark.django_db
@pytest.mark.parametrize("count", [10, 100])
def test_the_export_runs_a_fixed_number_of_queries(client, staff, assert_page_queries, count):
    organisations_with_people(count)
    client.force_login(staff)

    response = assert_page_queries(f"{ORGANISATIONS}export/", 9)

    assert len(csv_rows(response)) == count + 1


@pytest.mark.django_db
@pytest.mark.parametrize("count", [10, 100])
def test_application_queue_runs_a_fixed_number_of_queries(client, staff, assert_page_queries, count):
    MembershipApplicationFactory.create_batch(count)
    client.force_login(staff)

    assert_page_queries(APPLICATIONS, 6)


@pytest.mark.django_db
@pytest.mark.parametrize("count", [10, 100])
def test_competence_list_runs_a_fixed_number_of_queries(client, staff, assert_page_queries, count):
    competences = CompetenceFactory.create_batch(count, proposed_by=OrganisationFactory())
    OrganisationFactory(competences=competences)
    client.force_login(staff)

    assert_page_queries(COMPETENCES, 6)


@pytest.mark.django_db
@pytest.mark.parametrize("count", [10, 100])
def test_people_list_runs_a_fixed_number_of_queries(client, staff, assert_page_queries, count):
    organisations_with_people(count // 2)
    client.force_login(staff)

    assert_page_queries("/admin/members/membership/", 6)


@pytest.mark.django_db
@pytest.mark.parametrize("count", [10, 100])
def test_outbox_list_runs_a_fixed_number_of_queries(client, staff, assert_page_queries, count):
    OutboxEmail.objects.bulk_create(
        OutboxEmail(kind="digest", to=f"p{n}@example.ee", subject="S", body_text="B", message_id=f"<{n}@x>")
        for n in range(count)
    )
    client.force_login(staff)

    assert_page_queries(OUTBOX, 9)


# --- Organisations: the change page --------------------------------------------------------------


def organisation_form_data(organisation, memberships=(), **changes):
    data = {
        "name_et": organisation.name_et,
        "name_en": organisation.name_en,
        "slug": organisation.slug,
        "kind": organisation.kind,
        "registry_code": organisation.registry_code,
        "country": "EE",
        "contact_visibility": organisation.contact_visibility,
        "memberships-TOTAL_FORMS": len(memberships),
        "memberships-INITIAL_FORMS": len(memberships),
        "memberships-MIN_NUM_FORMS": 0,
        "memberships-MAX_NUM_FORMS": 1000,
    }
    for index, membership in enumerate(memberships):
        data |= {
            f"memberships-{index}-id": membership.pk,
            f"memberships-{index}-organisation": organisation.pk,
            f"memberships-{index}-user": membership.user_id,
            f"memberships-{index}-role": membership.role,
            f"memberships-{index}-job_title": membership.job_title,
        }
    return data | changes


@pytest.mark.django_db
def test_status_dates_are_read_only_on_the_organisation_page(client, staff, organisation):
    client.force_login(staff)

    page = client.get(f"{ORGANISATIONS}{organisation.pk}/change/").content.decode()

    for field in ["membership_status", "member_since", "status_changed_at"]:
        assert f'name="{field}"' not in page
    assert 'name="name_et"' in page


@pytest.mark.django_db
def test_staff_edit_an_organisation_and_the_history_names_them(client, staff, organisation, member):
    client.force_login(staff)
    membership = Membership.objects.get(user=member)

    response = client.post(
        f"{ORGANISATIONS}{organisation.pk}/change/",
        organisation_form_data(organisation, [membership], name_en="Tartu Mobility Group", membership_status="former"),
    )

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name_en == "Tartu Mobility Group"
    assert organisation.membership_status == MembershipStatus.ACTIVE
    assert organisation.history.latest("history_date").history_user == staff


@pytest.mark.django_db
def test_two_primary_contacts_in_one_save_are_refused(client, staff, organisation, member, org_admin, english_admin):
    client.force_login(staff)
    memberships = [Membership.objects.get(user=member), Membership.objects.get(user=org_admin)]
    data = organisation_form_data(organisation, memberships)
    data |= {"memberships-0-is_primary_contact": "on", "memberships-1-is_primary_contact": "on"}

    response = client.post(f"{ORGANISATIONS}{organisation.pk}/change/", data)

    assert response.status_code == 200
    assert "one primary contact" in response.content.decode()
    assert not Membership.objects.filter(is_primary_contact=True).exists()


@pytest.mark.django_db
def test_the_history_cannot_be_used_to_revert_a_status(client, staff, organisation):
    client.force_login(staff)
    first = organisation.history.earliest("history_date")
    services.suspend_organisation(organisation, actor=staff)
    url = f"{ORGANISATIONS}{organisation.pk}/history/{first.history_id}/"

    assert client.get(url).status_code == 200
    assert client.post(url, organisation_form_data(organisation)).status_code == 403
    assert fresh(organisation).membership_status == MembershipStatus.SUSPENDED


# --- Organisations: status actions ---------------------------------------------------------------


@pytest.mark.django_db
def test_suspending_asks_for_a_reason_then_suspends_and_the_history_shows_who_and_when(client, staff, organisation):
    client.force_login(staff)
    before = timezone.now()

    page = run_action(client, ORGANISATIONS, "suspend_selected", [organisation])
    assert page.status_code == 200
    assert "Tartu Liikuvus OÜ" in page.content.decode()
    assert fresh(organisation).membership_status == MembershipStatus.ACTIVE

    response = confirm_action(client, ORGANISATIONS, "suspend_selected", [organisation], reason="Fees unpaid")

    assert response.status_code == 302
    suspended = fresh(organisation)
    assert suspended.membership_status == MembershipStatus.SUSPENDED
    history = client.get(f"{ORGANISATIONS}{organisation.pk}/history/").content.decode()
    assert "Kadri Staff" in history
    assert "Fees unpaid" in history
    record = organisation.history.latest("history_date")
    assert record.history_user == staff
    assert before <= record.history_date <= timezone.now()
    assert before <= suspended.status_changed_at <= record.history_date


@pytest.mark.django_db
def test_reactivating_runs_at_once_and_reports_each_refusal(client, staff, english_admin):
    client.force_login(staff)
    suspended = OrganisationFactory(suspended=True)
    applicant = OrganisationFactory(applicant=True, name_et="Taotleja OÜ", name_en="Applicant Ltd")

    response = run_action(client, ORGANISATIONS, "reactivate_selected", [suspended, applicant], follow=True)

    assert fresh(suspended).membership_status == MembershipStatus.ACTIVE
    assert fresh(applicant).membership_status == MembershipStatus.APPLICANT
    notes = messages_of(response)
    assert any("Applicant Ltd" in note for note in notes)
    assert any("1" in note and "eactivated" in note for note in notes)


@pytest.mark.django_db
def test_marking_as_former_ends_the_membership_today(client, staff, organisation):
    client.force_login(staff)

    confirm_action(client, ORGANISATIONS, "end_membership_selected", [organisation], reason="")

    organisation.refresh_from_db()
    assert organisation.membership_status == MembershipStatus.FORMER
    assert organisation.member_until == timezone.localdate()


@pytest.mark.django_db
def test_an_invalid_transition_is_refused_with_a_message_and_changes_nothing(client, staff):
    client.force_login(staff)
    former = OrganisationFactory(membership_status=MembershipStatus.FORMER, name_et="Endine OÜ")

    response = confirm_action(client, ORGANISATIONS, "suspend_selected", [former], reason="x", follow=True)

    assert fresh(former).membership_status == MembershipStatus.FORMER
    assert any("Endine OÜ" in note for note in messages_of(response))


@pytest.mark.django_db
def test_staff_with_change_permission_but_not_superuser_can_suspend(client, organisation):
    client.force_login(make_staff("view_organisation", "change_organisation"))

    confirm_action(client, ORGANISATIONS, "suspend_selected", [organisation], reason="")

    assert fresh(organisation).membership_status == MembershipStatus.SUSPENDED


@pytest.mark.django_db
def test_staff_who_may_only_view_see_no_status_actions_and_cannot_run_them(client, organisation):
    client.force_login(make_staff("view_organisation"))

    page = client.get(ORGANISATIONS).content.decode()
    assert "suspend_selected" not in page
    assert "reactivate_selected" not in page

    for action in ["suspend_selected", "end_membership_selected"]:
        run_action(client, ORGANISATIONS, action, [organisation])
        confirm_action(client, ORGANISATIONS, action, [organisation], reason="x")
    assert fresh(organisation).membership_status == MembershipStatus.ACTIVE
    assert organisation.history.count() == 1


@pytest.mark.django_db
def test_staff_without_permissions_cannot_open_organisations(client, organisation):
    client.force_login(make_staff())

    assert client.get(ORGANISATIONS).status_code == 403
    assert client.get(f"{ORGANISATIONS}export/").status_code == 403


# --- Organisations: CSV export -------------------------------------------------------------------

CSV_HEADER = [
    "Name (Estonian)",
    "Name (English)",
    "Kind",
    "Registry code",
    "Membership status",
    "Member since",
    "City",
    "Country",
    "Website",
    "Contact e-mail",
    "Focus areas",
    "Competences",
    "Primary contact",
    "Primary contact's e-mail",
]


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.django_db
def test_the_member_list_exports_as_csv_with_the_agreed_columns(client, staff, organisation, other_organisation):
    client.force_login(staff)
    tourism = FocusArea.objects.get(slug="tourism")
    organisation.focus_areas.set([tourism])
    organisation.competences.set([CompetenceFactory(name_en="Data platforms", name_et="Andmeplatvormid")])
    organisation.website = "https://liikuvus.example"
    organisation.save()
    MembershipFactory(
        organisation=organisation,
        is_primary_contact=True,
        user__display_name="Piret Peakontakt",
        user__email="piret@liikuvus.example",
    )

    rows = csv_rows(client.get(f"{ORGANISATIONS}export/", HTTP_ACCEPT_LANGUAGE="en"))

    assert rows[0] == CSV_HEADER
    assert len(rows) == 3
    tartu = next(row for row in rows if row[0] == "Tartu Liikuvus OÜ")
    assert tartu == [
        "Tartu Liikuvus OÜ",
        "Tartu Mobility Ltd",
        "Company",
        organisation.registry_code,
        "Active member",
        organisation.member_since.isoformat(),
        "Tartu",
        "Estonia",
        "https://liikuvus.example",
        organisation.contact_email,
        tourism.name_en,
        "Data platforms",
        "Piret Peakontakt",
        "piret@liikuvus.example",
    ]


@pytest.mark.django_db
def test_the_export_follows_the_list_filters(client, staff, organisation):
    client.force_login(staff)
    OrganisationFactory(applicant=True, name_et="Taotleja OÜ")

    rows = csv_rows(client.get(f"{ORGANISATIONS}export/", {"membership_status__exact": "active"}))

    assert [row[0] for row in rows[1:]] == ["Tartu Liikuvus OÜ"]


@pytest.mark.django_db
def test_the_export_action_exports_only_the_selected_organisations(client, staff, organisation, other_organisation):
    client.force_login(staff)

    rows = csv_rows(run_action(client, ORGANISATIONS, "export_admin_action", [other_organisation]))

    assert [row[0] for row in rows[1:]] == ["Õhuseire AS"]


@pytest.mark.django_db
def test_the_export_defuses_spreadsheet_formulas(client, staff):
    client.force_login(staff)
    OrganisationFactory(name_et='=HYPERLINK("http://evil.example")', city="+372 5555")

    rows = csv_rows(client.get(f"{ORGANISATIONS}export/"))

    assert rows[1][0] == '\'=HYPERLINK("http://evil.example")'
    assert rows[1][6] == "'+372 5555"


@pytest.mark.django_db
def test_staff_who_may_view_organisations_may_export_them(client, organisation):
    client.force_login(make_staff("view_organisation"))

    rows = csv_rows(client.get(f"{ORGANISATIONS}export/"))

    assert [row[0] for row in rows[1:]] == ["Tartu Liikuvus OÜ"]


# --- Membership applications ---------------------------------------------------------------------


@pytest.fixture
def application(db):
    return MembershipApplicationFactory(organisation__name_et="Uus Taotleja OÜ")


@pytest.mark.django_db
def test_the_queue_lists_waiting_applications_oldest_first(client, staff):
    client.force_login(staff)
    newer = MembershipApplicationFactory(organisation__name_et="Hilisem OÜ")
    older = MembershipApplicationFactory(organisation__name_et="Varasem OÜ")
    MembershipApplication.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(days=3))
    MembershipApplicationFactory(organisation__name_et="Otsustatud OÜ", status=MembershipApplication.Status.REJECTED)

    queue = client.get(APPLICATIONS).content.decode()
    everything = client.get(APPLICATIONS, {"status": "all"}).content.decode()

    assert queue.index("Varasem OÜ") < queue.index("Hilisem OÜ")
    assert "Otsustatud OÜ" not in queue
    assert "Otsustatud OÜ" in everything
    assert newer.status == MembershipApplication.Status.SUBMITTED


@pytest.mark.django_db
def test_staff_approve_selected_applications(client, staff, application):
    client.force_login(staff)

    response = run_action(client, APPLICATIONS, "approve_selected", [application])

    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.status, application.decided_by) == (MembershipApplication.Status.APPROVED, staff)
    assert fresh(application.organisation).membership_status == MembershipStatus.ACTIVE


@pytest.mark.django_db
def test_approving_an_already_decided_application_is_refused_by_name(client, staff):
    client.force_login(staff)
    decided = MembershipApplicationFactory(
        organisation__name_et="Otsustatud OÜ", status=MembershipApplication.Status.REJECTED
    )

    response = run_action(client, APPLICATIONS + "?status=all", "approve_selected", [decided], follow=True)

    assert fresh(decided).status == MembershipApplication.Status.REJECTED
    assert any("Otsustatud OÜ" in note for note in messages_of(response))


@pytest.mark.django_db
def test_rejecting_selected_applications_asks_for_one_reason_for_all(client, staff, application):
    client.force_login(staff)
    second = MembershipApplicationFactory()

    page = run_action(client, APPLICATIONS, "reject_selected", [application, second])
    assert page.status_code == 200
    assert 'name="reason"' in page.content.decode()

    response = confirm_action(
        client, APPLICATIONS, "reject_selected", [application, second], reason="Not a smart-city organisation."
    )

    assert response.status_code == 302
    for rejected in [fresh(application), fresh(second)]:
        assert rejected.status == MembershipApplication.Status.REJECTED
        assert rejected.rejection_reason == "Not a smart-city organisation."
        assert rejected.decided_by == staff


@pytest.mark.django_db
def test_rejecting_without_a_reason_changes_nothing_and_says_so(client, staff, application, english_admin):
    client.force_login(staff)

    response = confirm_action(client, APPLICATIONS, "reject_selected", [application], reason="   ")

    assert response.status_code == 200
    assert "nothing was changed" in response.content.decode().lower()
    assert fresh(application).status == MembershipApplication.Status.SUBMITTED


@pytest.mark.django_db
def test_the_reject_page_is_protected_against_forged_posts(staff, application):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)

    response = confirm_action(client, APPLICATIONS, "reject_selected", [application], reason="Forged")

    assert response.status_code == 403
    assert fresh(application).status == MembershipApplication.Status.SUBMITTED


@pytest.mark.django_db
def test_the_application_page_is_read_only_with_approve_and_reject_buttons(client, staff, application):
    client.force_login(staff)

    page = client.get(f"{APPLICATIONS}{application.pk}/change/").content.decode()

    assert 'name="_approve"' in page
    assert 'name="_reject"' in page
    assert 'name="decision_reason"' in page
    assert 'name="motivation"' not in page
    assert 'name="_save"' not in page
    assert application.motivation in page


@pytest.mark.django_db
def test_approving_on_the_application_page_returns_to_the_queue(client, staff, application):
    client.force_login(staff)

    response = client.post(f"{APPLICATIONS}{application.pk}/change/", {"_approve": "Approve"})

    assert response.status_code == 302
    assert response["Location"].startswith(APPLICATIONS)
    assert fresh(application).status == MembershipApplication.Status.APPROVED


@pytest.mark.django_db
def test_rejecting_on_the_application_page_needs_the_reason_field(client, staff, application, english_admin):
    client.force_login(staff)
    url = f"{APPLICATIONS}{application.pk}/change/"

    refused = client.post(url, {"_reject": "Reject", "decision_reason": ""})
    assert refused.status_code == 200
    assert "Write the reason for rejecting" in refused.content.decode()
    assert fresh(application).status == MembershipApplication.Status.SUBMITTED

    client.post(url, {"_reject": "Reject", "decision_reason": "Outside the cluster's focus."})

    rejected = fresh(application)
    assert rejected.status == MembershipApplication.Status.REJECTED
    assert rejected.rejection_reason == "Outside the cluster's focus."


@pytest.mark.django_db
def test_a_decided_application_shows_no_decision_buttons(client, staff):
    client.force_login(staff)
    decided = MembershipApplicationFactory(status=MembershipApplication.Status.APPROVED)

    page = client.get(f"{APPLICATIONS}{decided.pk}/change/").content.decode()

    assert 'name="_approve"' not in page
    assert 'name="decision_reason"' not in page


@pytest.mark.django_db
def test_staff_who_may_only_view_applications_cannot_decide_them(client, application):
    client.force_login(make_staff("view_membershipapplication", "view_organisation"))

    queue = client.get(APPLICATIONS).content.decode()
    page = client.get(f"{APPLICATIONS}{application.pk}/change/").content.decode()
    posted = client.post(f"{APPLICATIONS}{application.pk}/change/", {"_approve": "Approve"})
    run_action(client, APPLICATIONS, "approve_selected", [application])
    confirm_action(client, APPLICATIONS, "reject_selected", [application], reason="No")

    assert "approve_selected" not in queue
    assert 'name="_approve"' not in page
    assert posted.status_code == 403
    assert fresh(application).status == MembershipApplication.Status.SUBMITTED
    assert fresh(application.organisation).membership_status == MembershipStatus.APPLICANT


@pytest.mark.django_db
def test_reviewers_with_change_permission_decide_applications(client, application):
    reviewer = make_staff("view_membershipapplication", "change_membershipapplication")
    client.force_login(reviewer)

    run_action(client, APPLICATIONS, "approve_selected", [application])

    assert fresh(application).decided_by == reviewer


# --- Competences ---------------------------------------------------------------------------------


def competence_form_data(competence, **changes):
    return {
        "name_et": competence.name_et,
        "name_en": competence.name_en,
        "slug": competence.slug,
        "is_approved": "on",
    } | changes


@pytest.mark.django_db
def test_renaming_a_competence_recomputes_its_normalised_name(client, staff):
    client.force_login(staff)
    competence = CompetenceFactory(name_en="Mobile apps", name_et="Mobiilirakendused")

    response = client.post(
        f"{COMPETENCES}{competence.pk}/change/", competence_form_data(competence, name_en="Data analytics")
    )

    assert response.status_code == 302
    assert fresh(competence).key == "data analytic"


@pytest.mark.django_db
def test_a_rename_that_collides_with_another_competence_is_a_form_error(client, staff, english_admin):
    client.force_login(staff)
    CompetenceFactory(name_en="Mobile apps", name_et="Mobiilirakendused")
    competence = CompetenceFactory(name_en="Web design", name_et="Veebidisain")

    response = client.post(
        f"{COMPETENCES}{competence.pk}/change/", competence_form_data(competence, name_en="mobile-app")
    )

    assert response.status_code == 200
    assert "Merge the two competences" in response.content.decode()
    assert fresh(competence).name_en == "Web design"


@pytest.mark.django_db
def test_merging_competences_moves_their_organisations_and_deletes_them(client, staff):
    client.force_login(staff)
    source = CompetenceFactory(name_en="Mobile app")
    duplicate = CompetenceFactory(name_en="Apps for phones")
    into = CompetenceFactory(name_en="Mobile development")
    tagged = OrganisationFactory(competences=[source, duplicate])

    page = run_action(client, COMPETENCES, "merge_selected", [source, duplicate])
    assert page.status_code == 200
    assert 'name="into"' in page.content.decode()

    response = confirm_action(client, COMPETENCES, "merge_selected", [source, duplicate], into=into.pk)

    assert response.status_code == 302
    assert list(Competence.objects.filter(pk__in=[source.pk, duplicate.pk])) == []
    assert list(tagged.competences.all()) == [into]


@pytest.mark.django_db
def test_merging_a_competence_only_into_itself_changes_nothing(client, staff, english_admin):
    client.force_login(staff)
    competence = CompetenceFactory()

    response = confirm_action(client, COMPETENCES, "merge_selected", [competence], into=competence.pk)

    assert response.status_code == 200
    assert "cannot merge into itself" in response.content.decode()
    assert Competence.objects.filter(pk=competence.pk).exists()


@pytest.mark.django_db
def test_staff_approve_proposed_competences(client, staff):
    client.force_login(staff)
    proposals = CompetenceFactory.create_batch(2, is_approved=False)

    run_action(client, COMPETENCES, "approve_selected", proposals)

    assert all(fresh(proposal).is_approved for proposal in proposals)


@pytest.mark.django_db
def test_staff_who_may_only_view_competences_cannot_merge_or_approve(client):
    client.force_login(make_staff("view_competence"))
    source, into = CompetenceFactory.create_batch(2, is_approved=False)

    confirm_action(client, COMPETENCES, "merge_selected", [source], into=into.pk)
    run_action(client, COMPETENCES, "approve_selected", [source])

    assert not fresh(source).is_approved


# --- Outgoing e-mail -----------------------------------------------------------------------------


def outbox_email(status, **fields):
    return OutboxEmail.objects.create(
        kind="application_received",
        to="someone@example.ee",
        from_email="portal@example.ee",
        subject="Thanks",
        body_text="Thanks",
        message_id=f"<{status}-{OutboxEmail.objects.count()}@x>",
        status=status,
        **fields,
    )


@pytest.mark.django_db
def test_sending_a_refused_email_again_queues_it_now_with_a_fresh_retry_budget(
    client, staff, django_capture_on_commit_callbacks, monkeypatch, english_admin
):
    queued = []
    monkeypatch.setattr(messaging_tasks.send_email_batch, "delay", queued.append)
    client.force_login(staff)
    refused = outbox_email(
        OutboxEmail.Status.FAILED, attempts=8, last_error="550 no such user", send_after=timezone.now()
    )
    sent = outbox_email(OutboxEmail.Status.SENT, sent_at=timezone.now())

    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(client, OUTBOX, "send_again", [refused, sent], follow=True)

    refused.refresh_from_db()
    assert (refused.status, refused.attempts) == (OutboxEmail.Status.PENDING, 0)
    assert refused.send_after <= timezone.now()
    assert fresh(sent).status == OutboxEmail.Status.SENT
    assert queued == [[refused.pk]]
    assert any("left alone" in note for note in messages_of(response))


@pytest.mark.django_db
def test_outgoing_emails_are_read_only(client, staff):
    client.force_login(staff)
    email = outbox_email(OutboxEmail.Status.FAILED, last_error="550 no such user")

    page = client.get(f"{OUTBOX}{email.pk}/change/").content.decode()
    list_page = client.get(OUTBOX, {"status__exact": "failed"}).content.decode()

    assert 'name="subject"' not in page
    assert "550 no such user" in list_page


@pytest.mark.django_db
def test_staff_who_may_only_view_emails_cannot_send_them_again(client):
    client.force_login(make_staff("view_outboxemail"))
    refused = outbox_email(OutboxEmail.Status.FAILED)

    run_action(client, OUTBOX, "send_again", [refused])

    assert fresh(refused).status == OutboxEmail.Status.FAILED
