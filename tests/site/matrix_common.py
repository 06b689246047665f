"""The row type and persona groups of the permission matrix (test_permission_matrix.py)."""

from dataclasses import dataclass, field

from tests.conftest import PERSONAS

OUR_APPS = ["messaging", "members", "projects", "funding", "livinglab"]
SIGNED_IN = ["member", "org_admin", "other_member", "staff", "panellist"]
ORG = {"slug": "tartu-mobility"}
ORG_MANAGERS = {"org_admin", "staff"}


@dataclass
class Row:
    """A URL's answers per persona. A row written before the panellist persona existed may leave it
    out: a panellist belongs to no organisation, so they get what `other_member` gets (and write
    only where the row names them)."""

    get: dict
    post: dict
    kwargs: object = field(default_factory=dict)
    post_data: object = field(default_factory=dict)
    writers: set = field(default_factory=set)


def everyone(status):
    return dict.fromkeys(PERSONAS, status)


def visitor_then(visitor_status, signed_in_status):
    return {"visitor": visitor_status, **dict.fromkeys(SIGNED_IN, signed_in_status)}


def managers_only(allowed):
    """Visitors go to sign-in; the organisation's admin and staff get `allowed`; others 403."""
    return {
        "visitor": 302,
        "member": 403,
        "org_admin": allowed,
        "other_member": 403,
        "staff": allowed,
        "panellist": 403,
    }


def expected(statuses, persona):
    return statuses[persona] if persona in statuses else statuses["other_member"]
