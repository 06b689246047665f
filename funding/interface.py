"""What other feature apps may use of funding; the import contract in pyproject.toml allows them
this module and nothing else of funding.

- `Call`: a project may name the funding call its consortium forms for; the project form offers
  the published calls that are still open, and the demo links projects to its calls.
"""

from funding.models import Call

__all__ = ["Call"]
