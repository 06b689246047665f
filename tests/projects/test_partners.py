"""The lead manages its partners: removing one, changing its role, and the undo after accepting.

The personas act on `smart-bus-stops`, led by `organisation` (tartu-mobility), with Air
Sense as a partner. Removal and role changes are the lead admins' (and staff's); the lead
itself can be neither removed nor given a partner's role; the partner's people are told,
by inbox and e-mail, in their own language.
"""

import pytest
import structlog
from django.core import mail

from messaging.models import Notification
from projects import services
from projects.models import ParticipantRole, Participation
from tests.factories import MembershipFactory, OrganisationFactory, ParticipationFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(organisation):
    return ProjectFactory(slug="smart-bus-stops", title="Smart bus stops", lead=organisation)


@pytest.fixture
def partner(project, other_organisation, other_member):
    participation = ParticipationFactory(project=project, organisation=other_organisation, role="research")
    participation.contact_people.add(other_member)
    return participation


@pytest.fixture
def other_admin(other_organisation):
    return MembershipFactory(organisation=other_organisation, admin=True, user__display_name="Anu Admin").user


def remove_url(participation):
    return f"/en/projects/smart-bus-stops/partners/{participation.pk}/remove/"


def role_url(participation):
    return f"/en/projects/smart-bus-stops/partners/{participation.pk}/role/"


def lead_of(project):
    return project.participations.get(role=ParticipantRole.LEAD)


def page(response):
    return response.content.decode()


def participants(project):
    return sorted(Participation.objects.filter(project=project).values_list("organisation__slug", "role"))


# --- Removing a partner -----------------------------------------------------------------------


def test_the_project_page_offers_the_lead_admin_to_manage_each_partner_but_not_the_lead(
    client, project, org_admin, partner
):
    client.force_login(org_admin)

    html = page(client.get("/en/projects/smart-bus-stops/"))

    assert f'href="{remove_url(partner)}"' in html
    assert f'href="{role_url(partner)}"' in html
    assert remove_url(lead_of(project)) not in html


def test_plain_members_and_partners_see_no_management_links(client, project, member, other_admin, partner):
    for person in (member, other_admin):
        client.force_login(person)
        assert "/partners/" not in page(client.get("/en/projects/smart-bus-stops/"))


def test_removing_asks_first_then_removes_and_tells_the_partners_people(
    client, project, org_admin, partner, other_member, other_admin, mail_after_commit
):
    for person in (other_member, other_admin):
        person.preferred_language = "en"
        person.save()
    client.force_login(org_admin)

    confirm = client.get(remove_url(partner))
    with mail_after_commit():
        response = client.post(remove_url(partner), follow=True)

    assert "Remove Air Sense Ltd from Smart bus stops?" in page(confirm)
    assert participants(project) == [("tartu-mobility", "lead")]
    assert response.redirect_chain == [("/en/projects/smart-bus-stops/", 302)]
    assert "Air Sense Ltd no longer takes part in Smart bus stops." in page(response)
    for person in (other_member, other_admin):
        assert Notification.objects.filter(recipient=person, kind="projects.partner_removed").exists()
    assert sorted(message.to[0] for message in mail.outbox) == sorted([other_member.email, other_admin.email])
    assert mail.outbox[0].subject.endswith("Air Sense Ltd was removed from Smart bus stops")
    assert not Notification.objects.filter(recipient=org_admin).exists()


def test_the_removal_e_mail_is_in_the_partners_language(
    client, project, org_admin, partner, other_admin, mail_after_commit
):
    other_admin.preferred_language = "et"
    other_admin.save()
    client.force_login(org_admin)

    with mail_after_commit():
        client.post(remove_url(partner))

    estonian = next(message for message in mail.outbox if message.to == [other_admin.email])
    assert "eemaldas organisatsiooni Õhuseire AS projektist" in estonian.body


def test_the_lead_cannot_be_removed(client, project, org_admin, partner):
    client.force_login(org_admin)
    lead = lead_of(project)

    form = client.get(remove_url(lead))
    response = client.post(remove_url(lead))

    assert "the lead cannot be removed" in page(form)
    assert "hand the lead over to another participant first" in page(response)
    assert participants(project) == [("air-sense", "research"), ("tartu-mobility", "lead")]


@pytest.mark.parametrize("persona", ["member", "other_admin", "other_member"])
def test_only_the_lead_admins_may_remove_a_partner(client, request, project, partner, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(remove_url(partner)).status_code == 403
    assert client.post(remove_url(partner)).status_code == 403
    assert participants(project) == [("air-sense", "research"), ("tartu-mobility", "lead")]


def test_a_participation_of_another_project_is_a_404(client, project, org_admin, other_organisation):
    elsewhere = ParticipationFactory(
        project=ProjectFactory(lead=OrganisationFactory()), organisation=other_organisation
    )
    client.force_login(org_admin)

    assert client.post(remove_url(elsewhere)).status_code == 404
    assert client.post(role_url(elsewhere), {"role": "partner"}).status_code == 404
    assert Participation.objects.filter(pk=elsewhere.pk).exists()


def test_removing_twice_says_it_is_gone(client, project, org_admin, partner):
    client.force_login(org_admin)
    services.remove_partner(partner, actor=org_admin)

    assert client.post(remove_url(partner)).status_code == 404


def test_staff_may_remove_a_partner(client, project, staff, partner):
    client.force_login(staff)

    assert client.post(remove_url(partner)).status_code == 302
    assert participants(project) == [("tartu-mobility", "lead")]


def test_a_removal_is_logged_with_who_did_it(project, org_admin, partner):
    with structlog.testing.capture_logs() as logs:
        services.remove_partner(partner, actor=org_admin)

    entry = next(log for log in logs if log["event"] == "projects.partner.removed")
    assert (entry["project_id"], entry["organisation_id"], entry["actor_id"]) == (
        project.pk,
        partner.organisation_id,
        org_admin.pk,
    )


def test_an_admin_of_a_former_lead_may_no_longer_remove(project, org_admin, partner, other_admin):
    services.hand_over_lead(project, actor=org_admin, to_organisation=partner.organisation)
    former = lead_of(project)
    former_lead_partner = Participation.objects.get(project=project, organisation__slug="tartu-mobility")

    with pytest.raises(services.ProjectError):
        services.remove_partner(former_lead_partner, actor=org_admin)
    services.remove_partner(former_lead_partner, actor=other_admin)
    assert participants(project) == [(former.organisation.slug, "lead")]


# --- Changing a partner's role ----------------------------------------------------------------


def test_the_role_page_preselects_the_current_role_and_offers_no_lead(client, project, org_admin, partner):
    client.force_login(org_admin)

    html = page(client.get(role_url(partner)))

    assert '<option value="research" selected>Research partner</option>' in html
    assert 'value="lead"' not in html


def test_lead_admin_changes_a_partners_role_and_its_admins_and_contacts_are_told(
    client, project, org_admin, partner, other_member, other_admin, mail_after_commit
):
    other_member.preferred_language = "en"
    other_member.save()
    client.force_login(org_admin)

    with mail_after_commit():
        response = client.post(role_url(partner), {"role": "pilot_site"}, follow=True)

    assert participants(project) == [("air-sense", "pilot_site"), ("tartu-mobility", "lead")]
    assert "Air Sense Ltd is now “Pilot site” in Smart bus stops." in page(response)
    for person in (other_member, other_admin):
        assert Notification.objects.filter(recipient=person, kind="projects.partner_role_changed").exists()
    english = next(message for message in mail.outbox if message.to == [other_member.email])
    assert "from “Research partner” to “Pilot site”" in english.body


def test_an_unknown_or_lead_role_is_refused_at_the_field_and_nothing_changes(client, project, org_admin, partner):
    client.force_login(org_admin)

    for junk in ("lead", "boss", ""):
        response = client.post(role_url(partner), {"role": junk})
        assert response.status_code == 200
        assert 'class="field__errors"' in page(response)
    assert participants(project) == [("air-sense", "research"), ("tartu-mobility", "lead")]


def test_the_same_role_again_says_so(client, project, org_admin, partner):
    client.force_login(org_admin)

    response = client.post(role_url(partner), {"role": "research"})

    assert "Air Sense Ltd already has this role." in page(response)
    assert not Notification.objects.exists()


def test_the_leads_role_changes_only_by_handover(client, project, org_admin, partner):
    client.force_login(org_admin)

    form = client.get(role_url(lead_of(project)))
    response = client.post(role_url(lead_of(project)), {"role": "partner"})

    assert "changes only by handing the lead over" in page(form)
    assert "changes only by handing the lead over" in page(response)
    assert participants(project) == [("air-sense", "research"), ("tartu-mobility", "lead")]


@pytest.mark.parametrize("persona", ["member", "other_admin"])
def test_only_the_lead_admins_may_change_a_role(client, request, project, partner, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(role_url(partner)).status_code == 403
    assert client.post(role_url(partner), {"role": "partner"}).status_code == 403
    assert participants(project) == [("air-sense", "research"), ("tartu-mobility", "lead")]


def test_visitors_are_sent_to_sign_in(client, partner):
    for address in (remove_url(partner), role_url(partner)):
        response = client.post(address)
        assert response["Location"].startswith("/en/accounts/login/")
