"""Keep the cached site context in step with edits that parents see at once.

A page's own settings (address, menu, order, publication) and confirmed facts act at once;
changes to titles, summaries, sections and signs reach parents only through approval
(content/publishing.py), which empties the cache itself.
"""

from .cache import connect_invalidation
from .models import Fact, Page, Synonym

connect_invalidation(Page, Fact, Synonym)
