"""Placeholder signatures: a helper is writing this module now."""


def suspend_organisation(organisation, *, actor, reason=""):
    raise NotImplementedError


def reactivate_organisation(organisation, *, actor):
    raise NotImplementedError


def end_membership(organisation, *, actor, reason=""):
    """Make the organisation a former member."""
    raise NotImplementedError
