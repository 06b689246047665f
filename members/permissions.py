"""Who may see and change what in the members app. Every view asks here.

`get_organisation_for` is the one way a view loads an organisation by its address:
an organisation the person may not see is a 404 (its existence does not leak), one
they may see but not change is a 403.
"""

import functools

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from members.models import ContactVisibility, Membership, Organisation, Role
from members.querysets import is_cluster_member

VIEW = "view"
EDIT = "edit"
MANAGE_PEOPLE = "manage_people"


def role_in(user, organisation):
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, organisation=organisation).values_list("role", flat=True).first()


def can_edit_organisation(user, organisation, *, role=None):
    """Staff and the organisation's admins edit its profile."""
    if user.is_authenticated and user.is_staff:
        return True
    role = role if role is not None else role_in(user, organisation)
    return role == Role.ADMIN


def can_manage_people(user, organisation, *, role=None):
    """Staff and the organisation's admins invite people, change roles and remove people."""
    return can_edit_organisation(user, organisation, role=role)


def can_see_people(user):
    """People's names, titles and e-mails are for signed-in cluster members and staff only."""
    return is_cluster_member(user)


def can_see_contact(user, organisation):
    if organisation.contact_visibility == ContactVisibility.PUBLIC:
        return True
    return is_cluster_member(user)


def get_organisation_for(user, slug, action=VIEW, queryset=None):
    queryset = queryset if queryset is not None else Organisation.objects.all()
    organisation = queryset.filter(slug=slug).first()
    if organisation is None:
        raise Http404
    role = role_in(user, organisation)
    is_staff = user.is_authenticated and user.is_staff
    if not (organisation.is_active_member or role or is_staff):
        raise Http404
    if action == EDIT and not can_edit_organisation(user, organisation, role=role):
        raise PermissionDenied
    if action == MANAGE_PEOPLE and not can_manage_people(user, organisation, role=role):
        raise PermissionDenied
    return organisation


def staff_required(view):
    """Visitors are sent to sign in; signed-in people who are not staff get 403."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_staff:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
