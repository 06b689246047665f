"""Staff change an organisation's membership status: suspend, reactivate, end.

Each change locks the organisation's row, checks that the change is allowed from the
current status, and saves through simple-history with the acting person and the reason,
so the admin's history page says who changed the status and when.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import MembershipStatus, Organisation
from members.services.errors import MembersError


def suspend_organisation(organisation, *, actor, reason=""):
    """Suspend an active member, e.g. for unpaid fees; it leaves the public directory.

    Raises MembersError unless the organisation is an active member. Returns the saved
    organisation.
    """
    return _change_status(
        organisation,
        to=MembershipStatus.SUSPENDED,
        allowed_from={MembershipStatus.ACTIVE},
        actor=actor,
        reason=reason,
        refusal=_("Only an active member can be suspended (status now: %(status)s)."),
    )


def reactivate_organisation(organisation, *, actor, reason=""):
    """Make a suspended or former member active again; the membership has no end date then.

    Raises MembersError for applicants (they are approved through their application) and
    for members who are already active. Returns the saved organisation.
    """
    return _change_status(
        organisation,
        to=MembershipStatus.ACTIVE,
        allowed_from={MembershipStatus.SUSPENDED, MembershipStatus.FORMER},
        actor=actor,
        reason=reason,
        refusal=_("Only a suspended or former member can be reactivated (status now: %(status)s)."),
    )


def end_membership(organisation, *, actor, reason=""):
    """Make the organisation a former member, with today as the membership's last day.

    Raises MembersError unless the organisation is an active or suspended member. Returns
    the saved organisation.
    """
    return _change_status(
        organisation,
        to=MembershipStatus.FORMER,
        allowed_from={MembershipStatus.ACTIVE, MembershipStatus.SUSPENDED},
        actor=actor,
        reason=reason,
        refusal=_("Only an active or suspended member can become a former member (status now: %(status)s)."),
    )


def _change_status(organisation, *, to, allowed_from, actor, reason, refusal):
    with transaction.atomic():
        locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if locked.membership_status not in allowed_from:
            raise MembersError(refusal % {"status": locked.get_membership_status_display()})
        now = timezone.now()
        locked.membership_status = to
        locked.status_changed_at = now
        if to == MembershipStatus.FORMER:
            locked.member_until = timezone.localdate(now)
        if to == MembershipStatus.ACTIVE:
            locked.member_until = None
            locked.member_since = locked.member_since or timezone.localdate(now)
        # simple-history reads these when it writes the historical row on save.
        locked._history_user = actor
        locked._change_reason = reason or ""
        locked.save(
            update_fields=["membership_status", "status_changed_at", "member_since", "member_until", "updated_at"]
        )
    return locked
