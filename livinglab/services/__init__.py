"""Writes with rules in the living lab: one public function per write, re-exported here."""

from livinglab.services.campaigns import (
    add_question,
    add_quota,
    approve_campaign,
    create_campaign,
    finish_campaign,
    remove_question,
    remove_quota,
    return_campaign,
    start_test,
    submit_campaign,
    update_campaign,
)
from livinglab.services.errors import LivingLabError
from livinglab.services.feedback import submit_feedback
from livinglab.services.invitations import accept_invitation, decline_invitation, invite_panellists
from livinglab.services.panel import (
    delete_panel_data,
    give_consent,
    join_panel,
    update_panel_profile,
    withdraw_consent,
)

__all__ = [
    "LivingLabError",
    "accept_invitation",
    "add_question",
    "add_quota",
    "approve_campaign",
    "create_campaign",
    "decline_invitation",
    "delete_panel_data",
    "finish_campaign",
    "give_consent",
    "invite_panellists",
    "join_panel",
    "remove_question",
    "remove_quota",
    "return_campaign",
    "start_test",
    "submit_campaign",
    "submit_feedback",
    "update_campaign",
    "update_panel_profile",
    "withdraw_consent",
]
