"""The public membership application, and staff's approval or rejection of it."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import translation

from members import services
from members.models import (
    FocusArea,
    Membership,
    MembershipApplication,
    MembershipStatus,
    Organisation,
    Role,
    User,
)
from members.services.applications import ApplicationError
from tests.factories import MembershipApplicationFactory, MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-enough-passphrase"


def application_data(**overrides):
    data = {
        "name_et": "Nutikas Linn OÜ",
        "name_en": "Smart Town Ltd",
        "kind": "company",
        "registry_code": "12345678",
        "foreign_registration": "",
        "country": "EE",
        "city": "Tartu",
        "website": "https://nutikas.example",
        "short_description_et": "Linnaandmete platvorm.",
        "short_description_en": "A city data platform.",
        "focus_areas": [area.pk for area in FocusArea.objects.all()[:2]],
        "display_name": "Liis Lepik",
        "email": "liis@nutikas.example",
        "contact_job_title": "CEO",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "motivation": "We want to pilot our platform with Estonian cities.",
    }
    data.update(overrides)
    return data


def code_from(message):
    return re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", message.body, re.MULTILINE).group(1)


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


# --- The form, as a visitor -----------------------------------------------------------------


def test_visitor_application_creates_applicant_organisation_application_and_unverified_account(
    client, staff, mail_after_commit
):
    with mail_after_commit():
        response = client.post("/et/join/", application_data())

    assert response.status_code == 302
    assert response["Location"] == "/et/join/sent/"
    organisation = Organisation.objects.get(registry_code="12345678")
    assert organisation.membership_status == MembershipStatus.APPLICANT
    assert (organisation.name_et, organisation.name_en, organisation.slug) == (
        "Nutikas Linn OÜ",
        "Smart Town Ltd",
        "nutikas-linn-ou",
    )
    assert organisation.focus_areas.count() == 2
    application = MembershipApplication.objects.get(organisation=organisation)
    assert application.status == MembershipApplication.Status.SUBMITTED
    assert (application.contact_job_title, application.applicant.email) == ("CEO", "liis@nutikas.example")
    applicant = application.applicant
    assert (applicant.display_name, applicant.preferred_language) == ("Liis Lepik", "et")
    assert applicant.check_password(PASSWORD)
    assert EmailAddress.objects.filter(user=applicant, verified=False, primary=True).count() == 1
    assert not Membership.objects.filter(organisation=organisation).exists()


def test_visitor_is_not_signed_in_until_the_emailed_code_is_entered(client, mail_after_commit):
    with mail_after_commit():
        response = client.post("/en/join/", application_data(), follow=True)

    html = response.content.decode()
    assert "liis@nutikas.example" in html
    assert 'href="/en/accounts/confirm-email/"' in html
    assert client.get("/en/me/").status_code == 302

    confirmation = next(m for m in mails_to("liis@nutikas.example") if code_from_or_none(m))
    response = client.post("/en/accounts/confirm-email/", {"code": code_from(confirmation)})

    assert response.status_code == 302
    assert EmailAddress.objects.get(email="liis@nutikas.example").verified
    assert client.get("/en/me/").status_code == 200


def code_from_or_none(message):
    return re.search(r"^\s*[A-Z0-9]{4}-[A-Z0-9]{4}\s*$", message.body, re.MULTILINE)


def test_applicant_and_every_staff_member_are_emailed(client, staff, mail_after_commit):
    other_staff = UserFactory(staff=True, preferred_language="en")

    with mail_after_commit():
        client.post("/en/join/", application_data())

    received = [m for m in mails_to("liis@nutikas.example") if "Smart Town Ltd" in m.subject]
    assert len(received) == 1
    assert "We received the membership application of Smart Town Ltd" in received[0].subject
    assert len(mails_to(staff.email)) == 1
    notice = mails_to(other_staff.email)[0]
    assert "New membership application: Smart Town Ltd" in notice.subject
    assert "We want to pilot our platform" in notice.body
    assert "liis@nutikas.example" in notice.body


def test_staff_notice_goes_to_server_email_when_there_is_no_staff(client, settings, mail_after_commit):
    settings.SERVER_EMAIL = "staff@escc.example"

    with mail_after_commit():
        client.post("/en/join/", application_data())

    assert len(mails_to("staff@escc.example")) == 1


def test_account_language_follows_the_page(client, mail_after_commit):
    with mail_after_commit():
        client.post("/en/join/", application_data())

    assert User.objects.get(email="liis@nutikas.example").preferred_language == "en"


def test_address_name_gets_a_number_when_taken(client):
    OrganisationFactory(slug="nutikas-linn-ou")

    client.post("/et/join/", application_data())

    assert Organisation.objects.get(registry_code="12345678").slug == "nutikas-linn-ou-2"


def test_existing_account_is_told_to_sign_in_first_next_to_the_email(client):
    UserFactory(email="Liis@Nutikas.example")

    response = client.post("/en/join/", application_data())

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_email_errors"' in html
    assert "Sign in first, then apply." in html
    assert 'href="/en/accounts/login/?next=%2Fen%2Fjoin%2F"' in html
    assert not Organisation.objects.filter(registry_code="12345678").exists()


def test_duplicate_registry_code_is_refused_next_to_the_field_keeping_what_was_typed(client, organisation):
    data = application_data(registry_code=organisation.registry_code, name_et="Kirjutatud Nimi")

    response = client.post("/en/join/", data)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_registry_code_errors"' in html
    assert "already a member or has applied" in html
    assert "info@escc.example" in html
    assert 'value="Kirjutatud Nimi"' in html
    assert "We want to pilot our platform" in html
    assert not User.objects.filter(email="liis@nutikas.example").exists()
    assert Organisation.objects.filter(registry_code=organisation.registry_code).count() == 1


def test_duplicate_registry_code_of_ones_own_organisation_points_to_its_page(client, member, organisation):
    client.force_login(member)

    response = client.post("/en/join/", application_data(registry_code=organisation.registry_code))

    assert "see your organisation&#x27;s page" in response.content.decode()


def test_applicant_who_applied_already_is_told_so(client):
    application = MembershipApplicationFactory(organisation__registry_code="12345678")
    client.force_login(application.applicant)

    response = client.post("/en/join/", application_data())

    assert "You have already applied for this organisation" in response.content.decode()


def test_registry_code_taken_in_a_race_gives_the_same_error(monkeypatch, organisation):
    # The check before the insert passed; the unique constraint still catches the second.
    monkeypatch.setattr("members.services.applications._refuse_known_registry_code", lambda code, applicant: None)
    form_data = application_data(registry_code=organisation.registry_code)
    organisation_data = {name: form_data[name] for name in ["name_et", "name_en", "kind", "registry_code", "city"]}

    with translation.override("en"), pytest.raises(ApplicationError) as refused:
        services.submit_application(
            organisation_data=organisation_data,
            focus_areas=[],
            motivation="Because.",
            contact_job_title="CEO",
            applicant=UserFactory(),
        )

    assert refused.value.field == "registry_code"
    assert "already a member or has applied" in str(refused.value)


def test_account_taken_in_a_race_gives_the_email_error(monkeypatch):
    UserFactory(email="liis@nutikas.example")
    # The check before the insert found no account; the unique e-mail constraint still holds.
    monkeypatch.setattr("members.services.applications.email_has_account", lambda email: False)

    with pytest.raises(ApplicationError) as refused:
        services.submit_application(
            organisation_data={"name_et": "Uus OÜ", "kind": "company", "registry_code": "87654321"},
            focus_areas=[],
            motivation="Because.",
            contact_job_title="CEO",
            account={"email": "liis@nutikas.example", "display_name": "Liis", "password": PASSWORD, "language": "et"},
        )

    assert refused.value.field == "email"
    assert not Organisation.objects.filter(registry_code="87654321").exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"registry_code": ""}, "registry_code"),
        ({"registry_code": "1234"}, "registry_code"),
        ({"country": "FI", "registry_code": "", "foreign_registration": ""}, "foreign_registration"),
        ({"motivation": ""}, "motivation"),
        ({"motivation": "x" * 3001}, "motivation"),
        ({"focus_areas": []}, "focus_areas"),
        ({"password1": "short", "password2": "short"}, "password1"),
        ({"password1": "liis@nutikas.example", "password2": "liis@nutikas.example"}, "password1"),
        ({"password2": "another-long-passphrase"}, "password2"),
        ({"email": "not-an-address"}, "email"),
    ],
)
def test_bad_input_is_explained_next_to_the_field_and_nothing_is_saved(client, overrides, field):
    response = client.post("/en/join/", application_data(**overrides))

    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}_errors"' in html
    assert 'class="error-summary"' in html
    assert 'value="Nutikas Linn OÜ"' in html
    assert not Organisation.objects.filter(name_et="Nutikas Linn OÜ").exists()
    assert not User.objects.filter(email="liis@nutikas.example").exists()


def test_foreign_organisation_applies_with_its_foreign_registration(client):
    data = application_data(country="FI", registry_code="", foreign_registration="PRH 1234567-8")

    response = client.post("/en/join/", data)

    assert response.status_code == 302
    organisation = Organisation.objects.get(foreign_registration="PRH 1234567-8")
    assert (organisation.registry_code, organisation.country.code) == (None, "FI")


def test_typed_html_is_shown_escaped_and_never_as_markup(client, staff, mail_after_commit):
    typed = '<script>alert("x")</script>'

    response = client.post("/en/join/", application_data(name_et=typed, motivation=""))

    html = response.content.decode()
    assert typed not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html

    with mail_after_commit():
        client.post("/en/join/", application_data(name_et=typed, motivation=f"Hello {typed}"))

    assert Organisation.objects.get(registry_code="12345678").name_et == typed
    notice = mails_to(staff.email)[0]
    html_part = notice.alternatives[0][0]
    assert typed not in html_part
    assert "&lt;script&gt;" in html_part
    assert typed in notice.body


def test_signed_in_person_applies_as_themselves_without_account_fields(client, member, mail_after_commit):
    client.force_login(member)

    form_html = client.get("/en/join/").content.decode()
    with mail_after_commit():
        response = client.post("/en/join/", application_data(email="", password1="", password2=""))

    assert 'name="password1"' not in form_html
    assert 'name="email"' not in form_html
    assert response.status_code == 302
    assert MembershipApplication.objects.get(organisation__registry_code="12345678").applicant == member
    assert len(mails_to(member.email)) == 1
    assert "You apply as Mari Member" in form_html


def test_application_form_page_renders_for_a_visitor(client):
    response = client.get("/et/join/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert 'name="focus_areas"' in html
    assert 'name="password2"' in html


def test_too_many_applications_from_one_address_are_slowed_down(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {"signup": "1/m/ip"}
    client.post("/en/join/", application_data())

    response = client.post("/en/join/", application_data(registry_code="12345679", email="other@nutikas.example"))

    assert response.status_code == 200
    assert "Too many applications" in response.content.decode()
    assert not User.objects.filter(email="other@nutikas.example").exists()


def test_sent_page_without_an_application_in_the_session_still_explains(client):
    response = client.get("/et/join/sent/")

    assert response.status_code == 200


# --- Staff's decision -----------------------------------------------------------------------


def test_approval_makes_an_active_member_with_the_applicant_as_admin_and_primary_contact(staff, mail_after_commit):
    application = MembershipApplicationFactory(contact_job_title="Director")

    with mail_after_commit():
        services.approve_application(application, actor=staff)

    application.refresh_from_db()
    organisation = application.organisation
    organisation.refresh_from_db()
    assert (application.status, application.decided_by) == (MembershipApplication.Status.APPROVED, staff)
    assert application.decided_at is not None
    assert organisation.membership_status == MembershipStatus.ACTIVE
    assert organisation.member_since is not None
    assert organisation.status_changed_at is not None
    assert organisation.profile_confirmed_at is not None
    assert organisation.history.latest().history_user == staff
    membership = Membership.objects.get(organisation=organisation)
    assert (membership.user, membership.role, membership.job_title, membership.is_primary_contact) == (
        application.applicant,
        Role.ADMIN,
        "Director",
        True,
    )
    assert len(mails_to(application.applicant.email)) == 1


def test_approval_mail_is_in_the_applicants_language_with_a_link_to_the_organisation(staff, mail_after_commit):
    application = MembershipApplicationFactory(
        applicant__preferred_language="en", organisation__name_en="Smart Town Ltd", organisation__slug="smart-town"
    )

    with mail_after_commit():
        services.approve_application(application, actor=staff)

    message = mails_to(application.applicant.email)[0]
    assert message.subject == "[ESCC] Welcome to the cluster: Smart Town Ltd is now a member"
    assert "/en/members/smart-town/" in message.body
    assert "/en/members/smart-town/" in message.alternatives[0][0]


def test_approval_mail_for_an_estonian_applicant_links_the_estonian_pages(staff, mail_after_commit):
    application = MembershipApplicationFactory(applicant__preferred_language="et", organisation__slug="linn")

    with mail_after_commit():
        services.approve_application(application, actor=staff)

    assert "/et/members/linn/" in mails_to(application.applicant.email)[0].body


def test_approving_twice_raises_and_changes_nothing(staff, mail_after_commit):
    application = MembershipApplicationFactory()
    services.approve_application(application, actor=staff)
    decided_at = MembershipApplication.objects.get(pk=application.pk).decided_at

    with mail_after_commit(), pytest.raises(services.MembersError):
        services.approve_application(application, actor=UserFactory(staff=True))

    application.refresh_from_db()
    assert (application.decided_by, application.decided_at) == (staff, decided_at)
    assert Membership.objects.filter(organisation=application.organisation).count() == 1
    assert mail.outbox == []


def test_approving_a_rejected_application_raises_and_changes_nothing(staff):
    application = MembershipApplicationFactory()
    services.reject_application(application, actor=staff, reason="Not a smart city organisation.")

    with pytest.raises(services.MembersError):
        services.approve_application(application, actor=staff)

    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.REJECTED
    assert Organisation.objects.get(pk=application.organisation_id).membership_status == MembershipStatus.APPLICANT
    assert not Membership.objects.filter(organisation=application.organisation).exists()


def test_rejection_needs_a_reason(staff):
    application = MembershipApplicationFactory()

    with pytest.raises(services.MembersError):
        services.reject_application(application, actor=staff, reason="   ")

    assert MembershipApplication.objects.get(pk=application.pk).status == MembershipApplication.Status.SUBMITTED


def test_rejection_keeps_the_organisation_unlisted_and_mails_the_reason_in_the_applicants_language(
    staff, mail_after_commit
):
    application = MembershipApplicationFactory(applicant__preferred_language="en", organisation__name_en="Smart Town")

    with mail_after_commit():
        services.reject_application(application, actor=staff, reason="We only admit organisations <in Estonia>.")

    application.refresh_from_db()
    assert (application.status, application.decided_by) == (MembershipApplication.Status.REJECTED, staff)
    assert application.rejection_reason == "We only admit organisations <in Estonia>."
    assert not Organisation.objects.active().filter(pk=application.organisation_id).exists()
    message = mails_to(application.applicant.email)[0]
    assert message.subject == "[ESCC] Your membership application for Smart Town"
    assert "We only admit organisations <in Estonia>." in message.body
    assert "organisations &lt;in Estonia&gt;." in message.alternatives[0][0]


def test_rejecting_twice_raises(staff):
    application = MembershipApplicationFactory()
    services.reject_application(application, actor=staff, reason="No.")

    with pytest.raises(services.MembersError):
        services.reject_application(application, actor=staff, reason="Still no.")

    assert MembershipApplication.objects.get(pk=application.pk).rejection_reason == "No."


def test_approval_moves_the_primary_contact_to_the_applicant(staff):
    application = MembershipApplicationFactory()
    earlier = MembershipFactory(organisation=application.organisation, is_primary_contact=True)

    services.approve_application(application, actor=staff)

    earlier.refresh_from_db()
    assert not earlier.is_primary_contact
    assert Membership.objects.get(organisation=application.organisation, is_primary_contact=True).user == (
        application.applicant
    )
