"""Staff suspend, reactivate and end memberships; the history says who did it, when and why."""

import pytest
from django.utils import timezone, translation

from members import services
from members.models import MembershipStatus, Organisation
from tests.factories import OrganisationFactory


def status_of(organisation):
    return Organisation.objects.get(pk=organisation.pk).membership_status


@pytest.mark.django_db
def test_suspending_an_active_member_records_who_when_and_why(staff):
    organisation = OrganisationFactory()
    before = timezone.now()

    services.suspend_organisation(organisation, actor=staff, reason="Fees unpaid for 2026")

    organisation.refresh_from_db()
    assert organisation.membership_status == MembershipStatus.SUSPENDED
    assert organisation.status_changed_at >= before
    latest = organisation.history.latest("history_date")
    assert latest.membership_status == MembershipStatus.SUSPENDED
    assert latest.history_user == staff
    assert latest.history_change_reason == "Fees unpaid for 2026"


@pytest.mark.django_db
@pytest.mark.parametrize("status", [MembershipStatus.APPLICANT, MembershipStatus.SUSPENDED, MembershipStatus.FORMER])
def test_only_an_active_member_can_be_suspended(staff, status):
    organisation = OrganisationFactory(membership_status=status)
    records = organisation.history.count()

    with translation.override("en"), pytest.raises(services.MembersError, match="active"):
        services.suspend_organisation(organisation, actor=staff)

    assert status_of(organisation) == status
    assert organisation.history.count() == records


@pytest.mark.django_db
def test_reactivating_a_suspended_member_makes_it_active_again(staff):
    organisation = OrganisationFactory(suspended=True)

    services.reactivate_organisation(organisation, actor=staff)

    assert status_of(organisation) == MembershipStatus.ACTIVE
    assert organisation.history.latest("history_date").history_user == staff


@pytest.mark.django_db
def test_reactivating_a_former_member_clears_its_end_date_and_keeps_its_start(staff):
    since = timezone.localdate().replace(year=2020)
    organisation = OrganisationFactory(
        membership_status=MembershipStatus.FORMER, member_since=since, member_until=timezone.localdate()
    )

    services.reactivate_organisation(organisation, actor=staff)

    organisation.refresh_from_db()
    assert organisation.membership_status == MembershipStatus.ACTIVE
    assert (organisation.member_since, organisation.member_until) == (since, None)


@pytest.mark.django_db
@pytest.mark.parametrize("status", [MembershipStatus.APPLICANT, MembershipStatus.ACTIVE])
def test_applicants_and_active_members_cannot_be_reactivated(staff, status):
    organisation = OrganisationFactory(membership_status=status)

    with pytest.raises(services.MembersError):
        services.reactivate_organisation(organisation, actor=staff)

    assert status_of(organisation) == status


@pytest.mark.django_db
@pytest.mark.parametrize("status", [MembershipStatus.ACTIVE, MembershipStatus.SUSPENDED])
def test_ending_a_membership_makes_a_former_member_with_today_as_last_day(staff, status):
    organisation = OrganisationFactory(membership_status=status)

    services.end_membership(organisation, actor=staff, reason="Asked to leave")

    organisation.refresh_from_db()
    assert organisation.membership_status == MembershipStatus.FORMER
    assert organisation.member_until == timezone.localdate()
    assert organisation.history.latest("history_date").history_change_reason == "Asked to leave"


@pytest.mark.django_db
@pytest.mark.parametrize("status", [MembershipStatus.APPLICANT, MembershipStatus.FORMER])
def test_only_active_or_suspended_members_can_become_former_members(staff, status):
    organisation = OrganisationFactory(membership_status=status, member_until=None)

    with pytest.raises(services.MembersError):
        services.end_membership(organisation, actor=staff)

    organisation.refresh_from_db()
    assert (organisation.membership_status, organisation.member_until) == (status, None)


@pytest.mark.django_db
def test_a_status_change_keeps_the_profile_and_search_text(staff):
    organisation = OrganisationFactory(name_et="Õhuseire AS", city="Tartu")

    services.suspend_organisation(organisation, actor=staff)

    organisation.refresh_from_db()
    assert organisation.name_et == "Õhuseire AS"
    assert "õhuseire" in organisation.search_text
