"""The row type and persona groups of the permission matrix (test_permission_matrix.py)."""

from dataclasses import dataclass, field

from tests.conftest import PERSONAS

OUR_APPS = ["messaging", "members", "projects", "funding", "livinglab"]
SIGNED_IN = ["member", "org_admin", "other_member", "staff"]
ORG = {"slug": "tartu-mobility"}
ORG_MANAGERS = {"org_admin", "staff"}


@dataclass
class Row:
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
    return {"visitor": 302, "member": 403, "org_admin": allowed, "other_member": 403, "staff": allowed}
