"""Which content answers are kept whole, and how (see content/middleware.py)."""

from django.conf import settings
from django.utils.crypto import salted_hmac
from django.utils.html import escape
from django.utils.text import Truncator

from .middleware import Early
from .page_cache import page_key, placeholder
from .search import clean_query

QUERY, DISPLAY = placeholder("query"), placeholder("display")


def page(request, match) -> Early:
    """A content page: the same for every anonymous reader."""
    return Early(page_key(request.path))


def search_key(terms) -> str:
    """The search page for one question: a keyed hash of its words, never the words."""
    digest = salted_hmac("content.search.page", "\x1f".join(terms)).hexdigest()
    return f"content:{settings.RELEASE}:search:{digest}"


def search_fills(text: str) -> dict[str, str]:
    """The question as typed, as the template would show it: in the box and in the text."""
    return {
        QUERY: escape(text[: settings.CONTENT_SEARCH_MAX_LENGTH]),
        DISPLAY: escape(Truncator(text).chars(80)),
    }


def search(request, match) -> Early | None:
    """The results page for a question: kept per question's words (no problem with it)."""
    if "q" not in request.GET:
        return None
    query = clean_query(request.GET.get("q", ""))
    if query.problem is not None:
        return None
    return Early(search_key(query.terms), fill=lambda request: search_fills(query.text))
