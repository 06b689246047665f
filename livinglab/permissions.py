"""Who may see and change what in the living lab. Every view asks here.

A campaign belongs to its organisation: its active members manage it, staff see and decide
every one; anybody else gets a 404, so campaigns cannot be probed. A participation is its
panellist's alone. Owners never see who a panellist is (the pages show pseudonyms only).
"""

from django.http import Http404

from livinglab.models import Campaign, Panellist, Participation
from members.models import Membership, MembershipStatus


def organisations_of(user):
    """Ids of the active member organisations the person may run campaigns for."""
    if not user.is_authenticated:
        return []
    return list(
        Membership.objects.filter(user=user, organisation__membership_status=MembershipStatus.ACTIVE).values_list(
            "organisation_id", flat=True
        )
    )


def can_propose(user):
    return bool(organisations_of(user))


def get_campaign_for(user, pk, *, queryset=None):
    """The campaign if the person runs it for their organisation or is staff; else 404."""
    if not user.is_authenticated:
        raise Http404
    queryset = queryset if queryset is not None else Campaign.objects.all()
    if not user.is_staff:
        queryset = queryset.owned_by(organisations_of(user))
    campaign = queryset.filter(pk=pk).first()
    if campaign is None:
        raise Http404
    return campaign


def get_panellist_for(user):
    """The person's own panel profile; 404 if they are not on the panel."""
    panellist = Panellist.objects.filter(user_id=user.pk).first() if user.is_authenticated else None
    if panellist is None:
        raise Http404
    return panellist


def get_participation_for(user, pk):
    """One of the person's own invitations; 404 for anybody else's."""
    participation = (
        Participation.objects.with_campaign().filter(pk=pk, panellist__user_id=user.pk).first()
        if user.is_authenticated
        else None
    )
    if participation is None:
        raise Http404
    return participation
