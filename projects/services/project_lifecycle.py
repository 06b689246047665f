"""Placeholder signatures: a helper is writing this module now."""


def create_project(*, actor, lead_organisation, data, focus_areas=(), sought_competences=(), sought_kinds=()):
    """Create a project led by `lead_organisation` (the actor must be able to act for it)."""
    raise NotImplementedError


def update_project(project, *, actor, data, focus_areas=None, sought_competences=None, sought_kinds=None):
    raise NotImplementedError


def close_partner_search(project, *, actor):
    raise NotImplementedError


def extend_partner_search(project, *, actor, until):
    raise NotImplementedError


def close_expired_partner_searches(*, today=None):
    """Daily: close the partner search of projects whose end date has passed. Returns how many."""
    raise NotImplementedError
