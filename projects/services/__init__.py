"""Writes with rules in the projects app: one public function per write.

Each module holds one concern; this package re-exports the public functions.
"""

from projects.services.errors import ProjectError
from projects.services.joining import (
    accept_join_request,
    decline_join_request,
    invite_organisation,
    request_to_join,
    withdraw_join_request,
)
from projects.services.participation import change_partner_role, hand_over_lead, leave_project, remove_partner
from projects.services.project_lifecycle import (
    close_expired_partner_searches,
    close_partner_search,
    create_project,
    extend_partner_search,
    update_project,
)
from projects.services.updates import post_update

__all__ = [
    "ProjectError",
    "accept_join_request",
    "change_partner_role",
    "close_expired_partner_searches",
    "close_partner_search",
    "create_project",
    "decline_join_request",
    "extend_partner_search",
    "hand_over_lead",
    "invite_organisation",
    "leave_project",
    "post_update",
    "remove_partner",
    "request_to_join",
    "update_project",
    "withdraw_join_request",
]
