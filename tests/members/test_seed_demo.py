import io
from collections import Counter

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.utils import timezone

from members import demo_data
from members.demo import DEMO_PASSWORD, registry_code
from members.models import (
    PROFILE_CONFIRMATION_PERIOD,
    Competence,
    Invitation,
    Membership,
    MembershipApplication,
    MembershipStatus,
    Organisation,
    OrganisationKind,
    Role,
    User,
)
from members.text import fold

FOUNDING_PARTNERS = [
    ("Tartu linn", "City of Tartu", OrganisationKind.PUBLIC),
    ("Tartu Ülikool", "University of Tartu", OrganisationKind.RESEARCH),
    ("Tallinna Tehnikaülikool", "Tallinn University of Technology", OrganisationKind.RESEARCH),
    ("Balti Innovatsiooniagentuur", "Baltic Innovation Agency", OrganisationKind.SUPPORT),
]


def seed(*args):
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def counts():
    return {
        model.__name__: model.objects.count()
        for model in [
            User,
            EmailAddress,
            Organisation,
            Organisation.history.model,
            Organisation.focus_areas.through,
            Organisation.competences.through,
            Competence,
            Membership,
            MembershipApplication,
            Invitation,
        ]
    }


@pytest.mark.django_db
def test_seed_demo_prints_credentials_that_work(client):
    output = seed()

    assert f"staff@escc.example / {DEMO_PASSWORD}" in output
    assert client.login(email="staff@escc.example", password=DEMO_PASSWORD)
    assert User.objects.get(email="staff@escc.example").is_staff


@pytest.mark.django_db
def test_seed_demo_twice_creates_nothing_new():
    seed()
    counts = (User.objects.count(), EmailAddress.objects.count())

    seed()

    assert (User.objects.count(), EmailAddress.objects.count()) == counts
    assert not EmailAddress.objects.filter(verified=False).exists()


@pytest.mark.django_db
def test_second_run_changes_no_count_and_writes_no_history():
    seed()
    first = counts()
    changed = set(Organisation.objects.values_list("slug", "updated_at"))

    seed()

    assert counts() == first
    assert set(Organisation.objects.values_list("slug", "updated_at")) == changed


@pytest.mark.django_db
def test_second_run_puts_back_what_was_changed_in_the_demo():
    seed()
    organisation = Organisation.objects.get(slug="tartu-mobility")
    organisation.description_et = "Muudetud"
    organisation.save()
    organisation.memberships.update(is_primary_contact=False)
    organisation.memberships.filter(user__email="priit.koppel@tartu-mobility.example").update(is_primary_contact=True)

    seed()

    organisation.refresh_from_db()
    assert organisation.description_et.startswith("Tartu Liikuvus OÜ arendab")
    assert "muudetud" not in organisation.search_text
    primary = organisation.memberships.get(is_primary_contact=True)
    assert primary.user.email == "mari@tartu-mobility.example"


@pytest.mark.django_db
def test_default_dataset_has_25_active_organisations_with_the_founding_partners():
    seed()

    assert Organisation.objects.active().count() >= 25
    for name_et, name_en, kind in FOUNDING_PARTNERS:
        partner = Organisation.objects.get(name_et=name_et)
        assert (partner.name_en, partner.kind, partner.membership_status) == (name_en, kind, MembershipStatus.ACTIVE)


@pytest.mark.django_db
def test_default_dataset_has_every_kind_and_status_and_bilingual_profiles():
    seed()

    organisations = list(Organisation.objects.prefetch_related("focus_areas", "competences"))
    assert {o.kind for o in organisations} == set(OrganisationKind.values)
    statuses = Counter(o.membership_status for o in organisations)
    assert statuses[MembershipStatus.SUSPENDED] >= 1 and statuses[MembershipStatus.FORMER] >= 1
    assert statuses[MembershipStatus.APPLICANT] >= 2
    for o in organisations:
        texts = [o.name_et, o.name_en, o.short_description_et, o.short_description_en, o.description_et]
        assert all(texts) and o.description_en, o.slug
        assert 2 <= o.description_et.count(". ") + 1 <= 4, o.slug
        assert 2 <= len(o.competences.all()) <= 5 and o.focus_areas.all(), o.slug
        assert o.registry_code or o.foreign_registration, o.slug
        assert o.website.endswith(".example") and o.contact_email.endswith(".example"), o.slug
    assert {o.contact_visibility for o in organisations} == {"public", "members"}
    assert {o.country for o in organisations} >= {"EE", "FI", "LV"}
    assert Competence.objects.count() >= 30
    assert not Competence.objects.filter(name_et="").exists()


def test_demo_registry_codes_are_fictional_but_well_formed():
    codes = [o["registry_code"] for o in demo_data.ORGANISATIONS if o["registry_code"]]

    assert len(codes) == len(set(codes))
    # Valid check digits, in ranges the Business Register has not issued.
    assert all(registry_code(code[:7]) == code and code[:2] in {"19", "79", "89"} for code in codes)


@pytest.mark.django_db
def test_estonian_letters_are_found_in_any_case():
    seed()

    assert list(Organisation.objects.matching_text("ÕHUSEIRE").values_list("slug", flat=True)) == ["ohuseire"]
    assert list(Organisation.objects.matching_text("tehnikaÜlikool").values_list("slug", flat=True)) == ["taltech"]
    assert all(fold(o.name_et) in o.search_text for o in Organisation.objects.all())


@pytest.mark.django_db
def test_every_member_organisation_has_exactly_one_primary_contact_and_an_admin():
    seed()

    for organisation in Organisation.objects.exclude(membership_status=MembershipStatus.APPLICANT):
        memberships = organisation.memberships.all()
        assert sum(m.is_primary_contact for m in memberships) == 1, organisation.slug
        assert any(m.role == Role.ADMIN for m in memberships), organisation.slug
        assert 1 <= len(memberships) <= 3, organisation.slug
    # An applicant's contact person is only the applicant until staff approve.
    assert not Membership.objects.filter(organisation__membership_status=MembershipStatus.APPLICANT).exists()


@pytest.mark.django_db
def test_personas_belong_to_their_organisations_and_are_printed():
    output = seed()

    mari = Membership.objects.get(user__email="mari@tartu-mobility.example")
    jaan = Membership.objects.get(user__email="jaan@ut-research.example")
    anna = Membership.objects.get(user__email="anna@citysense.example")
    assert (mari.organisation.slug, mari.role, mari.is_primary_contact) == ("tartu-mobility", Role.ADMIN, True)
    assert (jaan.organisation.name_en, jaan.role) == ("University of Tartu", Role.MEMBER)
    assert (anna.organisation.name_et, anna.role, anna.user.preferred_language) == ("CitySense Oy", Role.ADMIN, "en")
    assert f"Organisation admin:     mari@tartu-mobility.example / {DEMO_PASSWORD}" in output
    assert "jaan@ut-research.example" in output and "anna@citysense.example" in output
    assert f"Member:         mari@tartu-mobility.example / {DEMO_PASSWORD}" in output


@pytest.mark.django_db
def test_applications_are_in_every_state_consistent_with_their_organisation():
    seed()

    applications = MembershipApplication.objects.select_related("organisation", "applicant")
    assert {a.status for a in applications} == set(MembershipApplication.Status.values)
    for application in applications:
        organisation = application.organisation
        if application.status == MembershipApplication.Status.APPROVED:
            assert organisation.membership_status == MembershipStatus.ACTIVE
            assert organisation.memberships.get(user=application.applicant).role == Role.ADMIN
        else:
            assert organisation.membership_status == MembershipStatus.APPLICANT
        if application.status == MembershipApplication.Status.SUBMITTED:
            assert application.decided_at is None and application.decided_by is None
        else:
            assert application.decided_by.is_staff and application.created_at < application.decided_at
        assert bool(application.rejection_reason) == (application.status == MembershipApplication.Status.REJECTED)
    assert Invitation.objects.filter(status=Invitation.Status.PENDING).count() == 2


@pytest.mark.django_db
def test_a_few_profiles_are_stale_and_the_rest_recent():
    seed()

    stale_before = timezone.now() - PROFILE_CONFIRMATION_PERIOD
    stale = Organisation.objects.active().filter(profile_confirmed_at__lt=stale_before)
    assert 2 <= stale.count() <= 3
    assert not Organisation.objects.filter(profile_confirmed_at__isnull=True).exists()


@pytest.mark.django_db
def test_every_demo_person_signs_in_with_the_demo_password(client):
    seed()

    people = User.objects.all()
    assert people.count() >= 50
    assert set(people.values_list("preferred_language", flat=True)) == {"et", "en"}
    for person in people:
        assert client.login(email=person.email, password=DEMO_PASSWORD), person.email
        client.logout()


@pytest.mark.django_db
def test_scale_adds_generated_organisations_in_bulk_and_stays_idempotent(client):
    seed()
    before = counts()

    seed("--scale", "2")
    after_first = counts()
    seed("--scale", "2")

    assert counts() == after_first
    assert after_first["Organisation"] - before["Organisation"] == 28
    assert after_first["Membership"] - before["Membership"] == 56
    # The directory's text filter, with a word in capitals whose folded form is "näidis…".
    generated = Organisation.objects.matching_text("NÄIDISORGANISATSIOON")
    assert generated.count() == 28
    assert generated.filter(membership_status=MembershipStatus.ACTIVE).count() == 28
    assert len({o.kind for o in generated}) == len(OrganisationKind.values)
    assert not generated.filter(focus_areas=None).exists() and not generated.filter(competences=None).exists()
    assert Membership.objects.filter(organisation__in=generated, is_primary_contact=True).count() == 28
    people = User.objects.filter(email__endswith="@scale.escc.example")
    assert EmailAddress.objects.filter(user__in=people, verified=True).count() == people.count() == 56
    assert client.login(email=people.first().email, password=DEMO_PASSWORD)
