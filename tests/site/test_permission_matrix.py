"""Who may GET and POST each URL of the portal, checked for every persona.

Every URL pattern must have a row in MATRIX; a new page without one fails
`test_every_url_has_a_row`. A row names the URL (with its kwargs), what a GET and a POST
answer per persona, the POST data to send, and who may write. A POST by anyone else must
leave the portal's own tables exactly as they were; a POST by a writer must change them.

The personas act on `organisation` (tartu-mobility): `member` and `org_admin` belong to it,
`other_member` to `other_organisation`. Kwargs and POST data that need objects made at run
time are functions of `fixture`, which returns a pytest fixture by name.
"""

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from members.invitations import make_token
from members.models import FocusArea, Membership
from messaging import kinds
from projects.models import NotificationKind, Participation
from tests.conftest import PERSONAS
from tests.factories import (
    InvitationFactory,
    JoinRequestFactory,
    ParticipationFactory,
    ProjectFactory,
    project_notification,
)
from tests.site.matrix_common import (
    ORG,
    ORG_MANAGERS,
    OUR_APPS,
    SIGNED_IN,
    Row,
    everyone,
    expected,
    managers_only,
    visitor_then,
)
from tests.site.matrix_funding_feeds import ROWS as FUNDING_FEED_ROWS
from tests.site.matrix_funding_pages import ROWS as FUNDING_PAGE_ROWS
from tests.site.matrix_livinglab import ROWS as LIVINGLAB_ROWS
from tests.site.matrix_messaging_unsubscribe import ROWS as MESSAGING_UNSUBSCRIBE_ROWS
from tests.site.matrix_support import ROWS as SUPPORT_ROWS
from tests.site.url_patterns import project_url_names


def members_membership(fixture):
    membership = Membership.objects.get(user=fixture("member"), organisation=fixture("organisation"))
    return {**ORG, "membership_id": membership.pk}


def pending_invitation(fixture):
    return {**ORG, "invitation_id": InvitationFactory(organisation=fixture("organisation")).pk}


def invitation_token(fixture):
    invitation = InvitationFactory(organisation=fixture("organisation"), email="fresh.person@example.ee")
    return {"token": make_token(invitation)}


def application_data(fixture):
    return {
        "name_et": "Nutikas Linn OÜ",
        "kind": "company",
        "registry_code": "12345678",
        "country": "EE",
        "city": "Tartu",
        "short_description_et": "Nutikad tänavavalgustid.",
        "focus_areas": [FocusArea.objects.get(slug="mobility").pk],
        "display_name": "Liis Lepik",
        "email": "liis@nutikas.example",
        "contact_job_title": "CEO",
        "password1": "a-long-enough-passphrase",
        "password2": "a-long-enough-passphrase",
        "motivation": "We light streets by need.",
    }


PASSWORD = "a-long-enough-passphrase"
PROJECT = {"slug": "smart-bus-stops"}


def project(fixture):
    """smart-bus-stops, public and open, led by tartu-mobility."""
    return ProjectFactory(slug="smart-bus-stops", lead=fixture("organisation"))


def a_project(fixture):
    project(fixture)
    return PROJECT


def project_with_partner(fixture):
    ParticipationFactory(project=project(fixture), organisation=fixture("other_organisation"))
    return PROJECT


def pending_request(fixture):
    """air-sense (other_member's organisation) asks to join smart-bus-stops."""
    join_request = JoinRequestFactory(
        project=project(fixture), organisation=fixture("other_organisation"), created_by=fixture("other_member")
    )
    return {"pk": join_request.pk}


def partner_participation(fixture):
    """tartu-mobility is a partner in green-roofs, led by air-sense."""
    green_roofs = ProjectFactory(slug="green-roofs", lead=fixture("other_organisation"))
    participation = Participation.objects.create(project=green_roofs, organisation=fixture("organisation"))
    return {"slug": "green-roofs", "pk": participation.pk}


def partner_of_ours(fixture):
    """air-sense is a research partner in smart-bus-stops, led by tartu-mobility."""
    participation = ParticipationFactory(project=project(fixture), organisation=fixture("other_organisation"))
    return {**PROJECT, "pk": participation.pk}


def unread_notifications(fixture):
    bus_stops = project(fixture)
    for persona in SIGNED_IN:
        project_notification(recipient=fixture(persona), kind=NotificationKind.UPDATE_POSTED, project=bus_stops)
    return {}


def project_form(fixture):
    return {
        "lead_organisation": fixture("organisation").pk,
        "title": "Smart street lights",
        "summary": "Lights that dim when nobody is around.",
        "focus_areas": [FocusArea.objects.get(slug="mobility").pk],
        "stage": "idea",
        "visibility": "public",
    }


def project_edit_form(fixture):
    return {**project_form(fixture), "stage": "forming", "is_open_for_joining": "on"}


INBOX_ONLY = {**{f"kinds-{kind.key}": "site" for kind in kinds.all_kinds()}, "digest-frequency": "monthly"}

MATRIX = {
    "home": Row(get=everyone(200), post=everyone(405)),
    "healthz": Row(get=everyone(200), post=everyone(405)),
    "members:profile_edit": Row(
        get=visitor_then(302, 200),
        post=visitor_then(302, 302),
        post_data={"display_name": "Changed Name", "preferred_language": "en"},
        writers=set(SIGNED_IN),
    ),
    "members:directory": Row(get=everyone(200), post=everyone(405)),
    "members:organisation_detail": Row(get=everyone(200), post=everyone(405), kwargs=ORG),
    "members:organisation_edit": Row(
        get=managers_only(200),
        post=managers_only(302),
        kwargs=ORG,
        post_data={
            "name_et": "Tartu Liikuvus OÜ",
            "kind": "company",
            "country": "EE",
            "registry_code": "90000001",
            "contact_visibility": "members",
            "city": "Tartu",
        },
        writers=ORG_MANAGERS,
    ),
    "members:organisation_confirm": Row(
        get=visitor_then(302, 405), post=managers_only(302), kwargs=ORG, writers=ORG_MANAGERS
    ),
    "members:people_list": Row(get=managers_only(200), post=visitor_then(302, 405), kwargs=ORG),
    "members:invitation_create": Row(
        get=managers_only(200),
        post=managers_only(302),
        kwargs=ORG,
        post_data={"email": "new.person@example.ee", "role": "member"},
        writers=ORG_MANAGERS,
    ),
    "members:membership_edit": Row(
        get=managers_only(200),
        post=managers_only(302),
        kwargs=members_membership,
        post_data={"role": "member", "job_title": "Changed title"},
        writers=ORG_MANAGERS,
    ),
    "members:membership_remove": Row(
        get=managers_only(200), post=managers_only(302), kwargs=members_membership, writers=ORG_MANAGERS
    ),
    "members:invitation_withdraw": Row(
        get=visitor_then(302, 405), post=managers_only(302), kwargs=pending_invitation, writers=ORG_MANAGERS
    ),
    # A valid invitation to a new address: a visitor creates its account; no signed-in persona holds
    # the invited address, so each is refused and offered to sign out.
    "members:invitation_accept": Row(
        get=everyone(200),
        post=visitor_then(302, 403),
        kwargs=invitation_token,
        post_data={"display_name": "New Person", "password1": PASSWORD, "password2": PASSWORD},
        writers={"visitor"},
    ),
    "members:application_create": Row(
        get=everyone(200), post=everyone(302), post_data=application_data, writers=set(PERSONAS)
    ),
    "members:application_sent": Row(get=everyone(200), post=everyone(405)),
    "projects:project_list": Row(get=everyone(200), post=everyone(405)),
    "projects:project_detail": Row(get=everyone(200), post=everyone(405), kwargs=a_project),
    # Anyone in an active member organisation starts a project; other_member may not lead it for tartu-mobility.
    # A panellist belongs to no organisation that could lead a project.
    "projects:project_create": Row(
        get={**visitor_then(302, 200), "panellist": 403},
        post={"visitor": 302, "member": 302, "org_admin": 302, "other_member": 200, "staff": 302, "panellist": 403},
        post_data=project_form,
        writers={"member", "org_admin", "staff"},
    ),
    "projects:project_edit": Row(
        get=managers_only(200),
        post=managers_only(302),
        kwargs=a_project,
        post_data=project_edit_form,
        writers=ORG_MANAGERS,
    ),
    "projects:partner_search_update": Row(
        get=visitor_then(302, 405),
        post=managers_only(302),
        kwargs=a_project,
        post_data={"action": "close"},
        writers=ORG_MANAGERS,
    ),
    "projects:update_create": Row(
        get={"visitor": 302, "member": 200, "org_admin": 200, "other_member": 403, "staff": 200},
        post={"visitor": 302, "member": 302, "org_admin": 302, "other_member": 403, "staff": 302},
        kwargs=a_project,
        post_data={"body": "Uudis: andurid on paigas."},
        writers={"member", "org_admin", "staff"},
    ),
    # tartu-mobility's own people are told they already take part; staff belong to no organisation.
    "projects:join_request_create": Row(
        get={"visitor": 302, "member": 200, "org_admin": 200, "other_member": 200, "staff": 403, "panellist": 403},
        post={"visitor": 302, "member": 200, "org_admin": 200, "other_member": 302, "staff": 403, "panellist": 403},
        kwargs=a_project,
        post_data={"organisation": "air-sense", "proposed_role": "partner", "message": "We can help."},
        writers={"other_member"},
    ),
    "projects:invitation_create": Row(
        get=managers_only(200),
        post=managers_only(302),
        kwargs=a_project,
        post_data={"organisation": "air-sense", "proposed_role": "partner", "message": ""},
        writers=ORG_MANAGERS,
    ),
    "projects:join_request_accept": Row(
        get={**managers_only(200), "panellist": 404},
        post={**managers_only(302), "panellist": 404},
        kwargs=pending_request,
        post_data={"note": ""},
        writers=ORG_MANAGERS,
    ),
    "projects:join_request_decline": Row(
        get={**managers_only(200), "panellist": 404},
        post={**managers_only(302), "panellist": 404},
        kwargs=pending_request,
        post_data={"note": "Not now."},
        writers=ORG_MANAGERS,
    ),
    "projects:join_request_withdraw": Row(
        get=visitor_then(302, 405),
        post={"visitor": 302, "member": 403, "org_admin": 403, "other_member": 302, "staff": 302, "panellist": 404},
        kwargs=pending_request,
        writers={"other_member", "staff"},
    ),
    "projects:participation_leave": Row(
        get=managers_only(200), post=managers_only(302), kwargs=partner_participation, writers=ORG_MANAGERS
    ),
    # The lead's admins manage their partners; the partner's own people may not.
    "projects:partner_remove": Row(
        get=managers_only(200), post=managers_only(302), kwargs=partner_of_ours, writers=ORG_MANAGERS
    ),
    "projects:partner_role": Row(
        get=managers_only(200),
        post=managers_only(302),
        kwargs=partner_of_ours,
        post_data={"role": "pilot_site"},
        writers=ORG_MANAGERS,
    ),
    "projects:lead_handover": Row(
        get=managers_only(200),
        post=managers_only(302),
        kwargs=project_with_partner,
        post_data={"organisation": "air-sense"},
        writers=ORG_MANAGERS,
    ),
    "projects:partner_suggestions": Row(get=managers_only(200), post=visitor_then(302, 405), kwargs=a_project),
    "projects:dashboard": Row(get=visitor_then(302, 200), post=visitor_then(302, 405)),
    "messaging:inbox": Row(get=visitor_then(302, 200), post=visitor_then(302, 405)),
    # Where the inbox and its settings were: links in e-mails sent before the move still arrive.
    "projects:notification_list_moved": Row(get=everyone(301), post=everyone(301)),
    "projects:notification_preferences_moved": Row(get=everyone(301), post=everyone(301)),
    # Each person marks only their own notifications read.
    "messaging:mark_read": Row(
        get=visitor_then(302, 405),
        post=visitor_then(302, 302),
        kwargs=unread_notifications,
        writers=set(SIGNED_IN),
    ),
    "messaging:preferences": Row(
        get=visitor_then(302, 200), post=visitor_then(302, 302), post_data=INBOX_ONLY, writers=set(SIGNED_IN)
    ),
    **FUNDING_PAGE_ROWS,
    **FUNDING_FEED_ROWS,
    **MESSAGING_UNSUBSCRIBE_ROWS,
    **LIVINGLAB_ROWS,
    **SUPPORT_ROWS,
}


def test_every_url_has_a_row():
    assert sorted(set(project_url_names()) - set(MATRIX)) == []
    assert sorted(set(MATRIX) - set(project_url_names())) == []


def snapshot():
    """The rows of the portal's own tables, ignoring sign-in bookkeeping."""
    state = {}
    for label in OUR_APPS:
        for model in apps.get_app_config(label).get_models():
            rows = model.objects.order_by("pk").values()
            state[model._meta.label] = [{k: v for k, v in row.items() if k != "last_login"} for row in rows]
    return state


def resolve(value, fixture):
    return value(fixture) if callable(value) else value


@pytest.fixture
def fixture(request, organisation, other_organisation, member, org_admin, other_member, staff, panellist):
    return request.getfixturevalue


def url_for(name, row, fixture):
    with translation.override("et"):
        return reverse(name, kwargs=resolve(row.kwargs, fixture))


CASES = [(name, persona) for name in MATRIX for persona in PERSONAS]


@pytest.mark.parametrize(("name", "persona"), CASES)
def test_get(name, persona, persona_client, fixture):
    row = MATRIX[name]
    url = url_for(name, row, fixture)
    client = persona_client(persona)

    response = client.get(url)

    assert response.status_code == expected(row.get, persona)


@pytest.mark.parametrize(("name", "persona"), CASES)
def test_post(name, persona, persona_client, fixture):
    row = MATRIX[name]
    url = url_for(name, row, fixture)
    data = resolve(row.post_data, fixture)
    client = persona_client(persona)
    before = snapshot()

    response = client.post(url, data)

    assert response.status_code == expected(row.post, persona)
    if persona in row.writers:
        assert snapshot() != before, f"{persona}'s POST to {name} changed nothing"
    else:
        assert snapshot() == before, f"denied POST to {name} as {persona} changed data"
