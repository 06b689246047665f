"""Placeholder signatures: a helper is writing this module now."""


def invite_person(organisation, *, actor, email, role):
    """Invite a colleague by e-mail with a signed, expiring link."""
    raise NotImplementedError


def accept_invitation(invitation, *, user):
    """Make `user` a member of the inviting organisation in the invited role."""
    raise NotImplementedError


def withdraw_invitation(invitation, *, actor):
    raise NotImplementedError


def change_membership(membership, *, actor, role=None, job_title=None, is_primary_contact=None):
    """Change a person's role, title or primary-contact flag; never leaves the organisation without an admin."""
    raise NotImplementedError


def remove_membership(membership, *, actor):
    """Remove a person from the organisation; never the last admin."""
    raise NotImplementedError
