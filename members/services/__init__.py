"""Writes with rules in the members app: one public function per write.

Each module holds one concern; this package re-exports the public functions so callers
write `services.approve_application(...)`.
"""

from members.services.errors import MembersError
from members.services.profile import remind_profile_confirmation, update_profile

__all__ = [
    "MembersError",
    "remind_profile_confirmation",
    "update_profile",
]
