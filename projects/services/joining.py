"""Placeholder signatures: a helper is writing this module now."""


def request_to_join(project, *, actor, organisation, proposed_role, message=""):
    raise NotImplementedError


def invite_organisation(project, *, actor, organisation, proposed_role, message=""):
    raise NotImplementedError


def accept_join_request(join_request, *, actor, note=""):
    """Accept a request (lead's admins) or an invitation (invited organisation's admins)."""
    raise NotImplementedError


def decline_join_request(join_request, *, actor, note=""):
    raise NotImplementedError


def withdraw_join_request(join_request, *, actor):
    """The side that sent it takes it back."""
    raise NotImplementedError
