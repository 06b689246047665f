"""What other feature apps may use of projects; the import contract in pyproject.toml allows
them this module and nothing else of projects.

- `Project`, `Participation`, `ProjectUpdate`: a call's page lists the projects forming for it
  (`Project.objects.visible_to(...)`), and the digest tells people about projects looking for
  partners and about activity in their own projects.
- The recommendation points and `pending_or_recently_declined`: the digest ranks projects for a
  person's organisation with the same rules as the partner suggestions, and leaves out those
  the organisation has just asked to join or been refused by.
"""

from projects.models import Participation, Project, ProjectUpdate
from projects.recommendations import (
    COMPETENCE_POINTS,
    FOCUS_AREA_POINTS,
    KIND_POINTS,
    PILOT_CITY_POINTS,
    pending_or_recently_declined,
)

__all__ = [
    "COMPETENCE_POINTS",
    "FOCUS_AREA_POINTS",
    "KIND_POINTS",
    "PILOT_CITY_POINTS",
    "Participation",
    "Project",
    "ProjectUpdate",
    "pending_or_recently_declined",
]
