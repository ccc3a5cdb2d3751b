"""Any edit to what every page shows empties the cached site context at once."""

from .cache import connect_invalidation
from .models import Location, Page, Section, Sign, SiteFacts

connect_invalidation(Page, Section, Sign, SiteFacts, Location)
