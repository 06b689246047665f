"""Placeholder signatures: a helper is writing this module now."""


def update_organisation_profile(organisation, *, actor, data, logo=None, proposed_competences=()):
    """Save an organisation admin's edit of the profile (fields, focus areas, competences, logo)."""
    raise NotImplementedError


def confirm_profile(organisation, *, actor):
    """Record that the organisation's admins checked that the profile is current."""
    raise NotImplementedError


def propose_competences(names, *, organisation):
    """Find or create (unapproved) competences for the names, without near-duplicates."""
    raise NotImplementedError
