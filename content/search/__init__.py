"""Site search for parents, in their own words: forgiving about Dutch word forms and
spelling, following the synonym list editors keep, every word of a question first, and
safe with any input. PostgreSQL full-text search in production; a Python fallback on SQLite.

Results are cached per normalised question and content version. The cache key is a keyed
hash of the question (never the question itself); the value holds page titles, addresses
and snippets of page text only.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils.crypto import salted_hmac

from ..cache import get_site_context
from .query import CleanQuery, QueryProblem, clean_query
from .results import SearchResult
from .synonyms import expand

RESULTS_KEY = "content:search:v1:{generation}:{digest}"

__all__ = ["CleanQuery", "QueryProblem", "SearchResult", "clean_query", "search_pages"]


def search_pages(terms) -> list[SearchResult]:
    if not terms:
        return []
    digest = salted_hmac("content.search", "\x1f".join(terms)).hexdigest()
    key = RESULTS_KEY.format(generation=get_site_context().generation, digest=digest)
    results = cache.get(key)
    if results is None:
        results = search_uncached(terms)
        cache.set(key, results, timeout=settings.CONTENT_CACHE_TIMEOUT)
    return results


def search_uncached(terms) -> list[SearchResult]:
    groups = expand(terms)
    if connection.vendor == "postgresql":
        from .postgres import search
    else:
        from .fallback import search
    return search(groups)
