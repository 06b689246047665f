"""Writes with rules in the members app: one public function per write.

Each module holds one concern; this package re-exports the public functions so callers
write `services.approve_application(...)`.
"""

from members.services.applications import (
    ApplicationError,
    approve_application,
    create_unverified_account,
    reject_application,
    submit_application,
)
from members.services.competences import approve_competence, merge_competences
from members.services.errors import MembersError
from members.services.membership_status import end_membership, reactivate_organisation, suspend_organisation
from members.services.organisation_profile import confirm_profile, propose_competences, update_organisation_profile
from members.services.people import (
    accept_invitation,
    change_membership,
    invite_person,
    remove_membership,
    withdraw_invitation,
)
from members.services.profile import (
    refresh_profile_staleness,
    remind_profile_confirmation,
    update_own_profile,
    update_profile,
)

__all__ = [
    "ApplicationError",
    "MembersError",
    "approve_competence",
    "update_own_profile",
    "accept_invitation",
    "approve_application",
    "create_unverified_account",
    "change_membership",
    "confirm_profile",
    "end_membership",
    "invite_person",
    "merge_competences",
    "propose_competences",
    "reactivate_organisation",
    "reject_application",
    "refresh_profile_staleness",
    "remind_profile_confirmation",
    "remove_membership",
    "submit_application",
    "suspend_organisation",
    "update_organisation_profile",
    "update_profile",
    "withdraw_invitation",
]
