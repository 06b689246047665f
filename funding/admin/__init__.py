"""The funding admin: curation of programmes, calls and news; digests and the staff digest tools.

Importing the modules registers the admin classes.
"""

from funding.admin import curation, digests  # noqa: F401
