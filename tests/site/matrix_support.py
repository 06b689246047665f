"""Permission-matrix rows for the service requests: the member's list, form and thread, staff's queue and triage.

A request of `organisation` asked by its member: that member, the organisation's admin and
staff follow it; anybody else gets 404. Asking needs a member organisation; triage and the
queue are staff's.
"""

from tests.site.matrix_common import Row, visitor_then
from tests.support.factories import ServiceRequestFactory

FOLLOWERS = {"member", "org_admin", "staff"}
FOLLOWERS_GET = {"visitor": 302, "member": 200, "org_admin": 200, "other_member": 404, "staff": 200, "panellist": 404}
FOLLOWERS_POST = {"visitor": 302, "member": 302, "org_admin": 302, "other_member": 404, "staff": 302, "panellist": 404}
STAFF_ONLY = {"visitor": 302, "member": 403, "org_admin": 403, "other_member": 403, "staff": 200, "panellist": 403}


def members_request(fixture):
    made = ServiceRequestFactory(organisation=fixture("organisation"), requested_by=fixture("member"))
    return {"pk": made.pk}


def request_data(fixture):
    return {
        "organisation": fixture("organisation").pk,
        "service": "pilot_site",
        "subject": "Pilootala Annelinnas",
        "description": "Otsime kolmeks kuuks tänavalõiku anduritele.",
    }


ROWS = {
    "support:request_list": Row(get=visitor_then(302, 200), post=visitor_then(302, 405)),
    # The data names tartu-mobility: the member of another organisation gets the form back.
    "support:request_create": Row(
        get={"visitor": 302, "member": 200, "org_admin": 200, "other_member": 200, "staff": 403, "panellist": 403},
        post={"visitor": 302, "member": 302, "org_admin": 302, "other_member": 200, "staff": 403, "panellist": 403},
        post_data=request_data,
        writers={"member", "org_admin"},
    ),
    # Who is not staff is refused before the method is looked at.
    "support:queue": Row(get=STAFF_ONLY, post={**STAFF_ONLY, "staff": 405}),
    "support:request_detail": Row(
        get=FOLLOWERS_GET,
        post=FOLLOWERS_POST,
        kwargs=members_request,
        post_data={"body": "Kas saame kokku järgmisel nädalal?"},
        writers=FOLLOWERS,
    ),
    "support:request_triage": Row(
        get={**STAFF_ONLY, "staff": 405},
        post={**STAFF_ONLY, "staff": 302},
        kwargs=members_request,
        post_data={"status": "in_progress", "with_agency": "on"},
        writers={"staff"},
    ),
}
