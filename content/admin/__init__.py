"""The editors' admin, in Dutch: pages and signs (each change a version to approve), the
organisation's facts (proposed, then confirmed), versions, reviews and staff profiles."""

from . import facts, pages, reviews, search, versions  # noqa: F401  (registers the admins)
