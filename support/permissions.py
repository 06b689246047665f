"""Who may see and write what in the service requests. Every view asks here.

A request is its organisation's: the person who asked sees it, the organisation's admins see
all of its requests, staff see every request. Anybody else gets a 404, so requests cannot be
probed by number.
"""

from django.db.models import Q
from django.http import Http404

from members.models import Membership, MembershipStatus, Role
from support.models import ServiceRequest


def _memberships(user):
    return Membership.objects.filter(user=user, organisation__membership_status=MembershipStatus.ACTIVE)


def organisations_asking_for(user):
    """Ids of the active member organisations the person may ask for help for."""
    if not user.is_authenticated:
        return []
    return list(_memberships(user).values_list("organisation_id", flat=True))


def visible_requests(user, queryset=None):
    queryset = queryset if queryset is not None else ServiceRequest.objects.all()
    if not user.is_authenticated:
        return queryset.none()
    if user.is_staff:
        return queryset
    admin_of = list(_memberships(user).filter(role=Role.ADMIN).values_list("organisation_id", flat=True))
    asked_for = organisations_asking_for(user)

    return queryset.filter(Q(organisation_id__in=admin_of) | Q(requested_by=user, organisation_id__in=asked_for))


def get_request_for(user, pk, *, queryset=None):
    """The request if the person may follow it; else 404."""
    found = visible_requests(user, queryset).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found
