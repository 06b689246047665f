"""The members admin, one module per area; importing them registers the admin classes."""

from members.admin import applications, organisations, people, taxonomy  # noqa: F401
