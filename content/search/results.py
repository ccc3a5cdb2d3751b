"""What a search gives back, and how a snippet is marked up safely."""

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..markdown import SNIPPET_END, SNIPPET_START
from ..models import Page

MAX_RESULTS = 20
# Parents looking for a word want the guide first: information pages weigh less.
KIND_WEIGHT = {Page.Kind.TOPIC: 1.0, Page.Kind.HOME: 0.8, Page.Kind.INFO: 0.5}
SIMILARITY = 0.5  # pg_trgm similarity for "looks like" words from the site's vocabulary
SNIPPET_WORDS = 30


@dataclass(frozen=True)
class SearchResult:
    title: str
    url: str
    snippet: SafeString


def mark(text_with_sentinels: str) -> SafeString:
    """Escape everything, then turn the sentinels around matches into <mark>."""
    # search_text puts each heading and paragraph on its own line.
    text = " – ".join(line.strip() for line in text_with_sentinels.splitlines() if line.strip())
    html = escape(text)
    html = html.replace(SNIPPET_START, "<mark>").replace(SNIPPET_END, "</mark>")
    return mark_safe(html)
