"""Placeholder signatures: a helper is writing this module now."""


def submit_application(*, organisation_data, focus_areas, motivation, contact_job_title, applicant=None, account=None):
    """Record a membership application; create the contact's account when `account` is given."""
    raise NotImplementedError


def approve_application(application, *, actor):
    """Make the organisation an active member and the applicant its admin; e-mail the applicant."""
    raise NotImplementedError


def reject_application(application, *, actor, reason):
    """Reject with a reason; e-mail the applicant in their language."""
    raise NotImplementedError
