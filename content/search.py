"""Site search for parents: forgiving about Dutch word forms, safe with any input.

PostgreSQL: full-text search with the Dutch configuration. Dutch stemming alone does not
join "hechten", "hechting" and "gehecht", so each word is also matched as a prefix of its
stem ("hecht:*"), a past participle is tried without its "ge-", and pg_trgm adds words from
the site's own vocabulary that look alike (typos, "hechtingsprobleem" -> "hechtingsproblemen").
Matches are ranked (title first) and shown in a snippet with <mark>.

SQLite (laptops, quick tests): the same ideas in plain Python over the published pages.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .markdown import SNIPPET_END, SNIPPET_START
from .models import Page

MAX_TERMS = 8
MAX_TERM_LENGTH = 40
MAX_RESULTS = 20
# Parents looking for a word want the guide first: information pages weigh less.
KIND_WEIGHT = {Page.Kind.TOPIC: 1.0, Page.Kind.HOME: 0.8, Page.Kind.INFO: 0.5}
SIMILARITY = 0.5  # pg_trgm similarity for "looks like" words from the site's vocabulary
SNIPPET_WORDS = 30
WORD = re.compile(r"[^\W_]+")

# Small words that would match nearly every page in the fallback (PostgreSQL has its own list).
STOP_WORDS = frozenset(
    [
        "aan",
        "al",
        "als",
        "bij",
        "dan",
        "dat",
        "de",
        "die",
        "dit",
        "een",
        "en",
        "er",
        "heb",
        "het",
        "hij",
        "hoe",
        "ik",
        "in",
        "is",
        "je",
        "kan",
        "me",
        "met",
        "mijn",
        "na",
        "naar",
        "niet",
        "nog",
        "of",
        "om",
        "on",
        "ons",
        "ook",
        "op",
        "te",
        "tot",
        "u",
        "uw",
        "van",
        "voor",
        "wat",
        "we",
        "wel",
        "wie",
        "wij",
        "zo",
        "zij",
        "zijn",
    ]
)


class QueryProblem:
    EMPTY = "empty"
    TOO_LONG = "too_long"
    NO_WORDS = "no_words"


@dataclass(frozen=True)
class CleanQuery:
    text: str  # what the parent typed, control characters removed, for display
    terms: tuple[str, ...]
    problem: str | None = None


@dataclass(frozen=True)
class SearchResult:
    title: str
    url: str
    snippet: SafeString


def clean_query(raw) -> CleanQuery:
    """Turn whatever arrived in ?q= into words to search for, or say what is wrong."""
    raw = raw if isinstance(raw, str) else ""
    # Control, format, private-use and unassigned characters (NUL among them) become spaces.
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in raw)
    text = " ".join(text.split())
    if not text:
        return CleanQuery(text, (), QueryProblem.EMPTY)
    if len(text) > settings.CONTENT_SEARCH_MAX_LENGTH:
        return CleanQuery(text, (), QueryProblem.TOO_LONG)
    terms = []
    for word in WORD.findall(text.lower()):
        if len(word) <= MAX_TERM_LENGTH and word not in terms:
            terms.append(word)
    if not terms:
        return CleanQuery(text, (), QueryProblem.NO_WORDS)
    return CleanQuery(text, tuple(terms[:MAX_TERMS]))


def search_pages(terms) -> list[SearchResult]:
    if not terms:
        return []
    if connection.vendor == "postgresql":
        return _search_postgres(terms)
    return _search_fallback(terms)


def _participle_stem(term):
    """'gehecht' -> 'hecht': Dutch past participles carry a ge- prefix the stemmer keeps."""
    if term.startswith("ge") and len(term) >= 6:
        return term[2:]
    return None


def _mark(text_with_sentinels: str) -> SafeString:
    """Escape everything, then turn the sentinels around matches into <mark>."""
    # search_text puts each heading and paragraph on its own line.
    text = " – ".join(line.strip() for line in text_with_sentinels.splitlines() if line.strip())
    html = escape(text)
    html = html.replace(SNIPPET_START, "<mark>").replace(SNIPPET_END, "</mark>")
    return mark_safe(html)


# ---------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------
def _similar_words(terms):
    """Words on published pages that look like each search term (pg_trgm)."""
    table = Page._meta.db_table
    # Constant SQL (the table name is ours); the user's words are bound parameters below.
    vocabulary = (
        "SELECT to_tsvector('simple', coalesce(live->>'title', '') || ' ' || "  # noqa: S608
        f"coalesce(search_text, '')) FROM {table} WHERE is_published"
    )
    long_terms = [term for term in terms if len(term) >= 4]
    if not long_terms:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT t.term, s.word FROM unnest(%s::text[]) AS t(term) "
            "JOIN ts_stat(%s) AS s ON similarity(s.word, t.term) >= %s "
            "WHERE s.word <> t.term",
            [long_terms, vocabulary, SIMILARITY],
        )
        similar = {}
        for term, word in cursor.fetchall():
            similar.setdefault(term, []).append(word)
    return similar


def _term_query(term, similar):
    from django.contrib.postgres.search import SearchQuery

    # Terms are letters and digits only (WORD), so they cannot carry tsquery operators.
    if len(term) >= 4:
        query = SearchQuery(f"{term}:*", config="dutch", search_type="raw")
    else:
        query = SearchQuery(term, config="dutch", search_type="plain")
    stem = _participle_stem(term)
    if stem:
        query |= SearchQuery(f"{stem}:*", config="dutch", search_type="raw")
    for word in similar:
        query |= SearchQuery(word, config="dutch", search_type="plain")
    return query


def _search_postgres(terms):
    from django.contrib.postgres.search import SearchHeadline, SearchRank, SearchVector
    from django.db.models import Case, FloatField, Value, When
    from django.db.models.fields.json import KT

    similar = _similar_words(terms)
    query = None
    for term in terms:
        term_query = _term_query(term, similar.get(term, ()))
        query = term_query if query is None else query | term_query
    # Only the live copy (what parents can read) is searched, never an editor's draft.
    vector = (
        SearchVector(KT("live__title"), KT("live__menu_title"), config="dutch", weight="A")
        + SearchVector(KT("live__meta_description"), config="dutch", weight="B")
        + SearchVector("search_text", config="dutch", weight="C")
    )
    pages = (
        Page.objects.published()
        .annotate(document=vector)
        .filter(document=query)
        .annotate(
            rank=SearchRank(vector, query)
            * Case(
                *(When(kind=kind, then=Value(weight)) for kind, weight in KIND_WEIGHT.items()),
                default=Value(0.5),
                output_field=FloatField(),
            ),
            snippet=SearchHeadline(
                "search_text",
                query,
                config="dutch",
                start_sel=SNIPPET_START,
                stop_sel=SNIPPET_END,
                max_words=SNIPPET_WORDS,
                min_words=12,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .only("live", "slug", "kind")
        .order_by("-rank", "order", "pk")[:MAX_RESULTS]
    )
    return [SearchResult(p.live_title, p.get_absolute_url(), _mark(p.snippet)) for p in pages]


# ---------------------------------------------------------------------------
# SQLite fallback
# ---------------------------------------------------------------------------
def _trigrams(word):
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def _similarity(a, b):
    """pg_trgm's similarity(): shared trigrams over all trigrams of both words."""
    ta, tb = _trigrams(a), _trigrams(b)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


def _roots(term):
    """A light Dutch stemmer: 'hechtingen' -> hechting, hecht; 'gehecht' -> hecht."""
    roots = {term}
    for suffix in ("ingen", "ing", "en", "e", "s"):
        if term.endswith(suffix) and len(term) - len(suffix) >= 4:
            roots.add(term[: -len(suffix)])
    stem = _participle_stem(term)
    if stem:
        roots |= {root[2:] for root in roots if len(root) >= 6}
    return roots


class _Matcher:
    def __init__(self, terms):
        self.terms = [t for t in terms if t not in STOP_WORDS] or list(terms)
        self.roots = {term: _roots(term) for term in self.terms}
        self._seen = {}

    def term_for(self, word):
        """The search term this word of a page matches, or None."""
        word = word.lower()
        if word not in self._seen:
            self._seen[word] = next(
                (
                    term
                    for term in self.terms
                    if word == term
                    or any(len(r) >= 3 and word.startswith(r) for r in self.roots[term])
                    or (len(term) >= 4 and _similarity(word, term) >= SIMILARITY)
                ),
                None,
            )
        return self._seen[word]


def _snippet(text, matcher):
    tokens = list(WORD.finditer(text))
    hits = [i for i, token in enumerate(tokens) if matcher.term_for(token.group())]
    if not tokens:
        return mark_safe("")
    first = max(0, (hits[0] if hits else 0) - 8)
    last = min(len(tokens), first + SNIPPET_WORDS)
    start, end = tokens[first].start(), tokens[last - 1].end()
    parts, pos = [], start
    for i in range(first, last):
        token = tokens[i]
        parts.append(text[pos : token.start()])
        if i in hits:
            parts.append(f"{SNIPPET_START}{token.group()}{SNIPPET_END}")
        else:
            parts.append(token.group())
        pos = token.end()
    snippet = "".join(parts)
    if first > 0:
        snippet = "… " + snippet
    if end < len(text):
        snippet += " …"
    return _mark(snippet)


def _search_fallback(terms):
    matcher = _Matcher(terms)
    scored = []
    pages = Page.objects.published().only("live", "search_text", "slug", "kind", "order")
    for page in pages:
        live = page.live
        title_words = WORD.findall(f"{live.get('title', '')} {live.get('menu_title', '')}")
        text_words = WORD.findall(f"{live.get('meta_description', '')} {page.search_text}")
        title_terms = {matcher.term_for(w) for w in title_words} - {None}
        text_hits = [t for t in (matcher.term_for(w) for w in text_words) if t]
        if not title_terms and not text_hits:
            continue
        score = 10 * len(title_terms) + 3 * len(set(text_hits)) + min(len(text_hits), 10)
        score *= KIND_WEIGHT.get(page.kind, 0.5)
        scored.append((-score, page.order, page.pk, page))
    scored.sort(key=lambda row: row[:3])
    return [
        SearchResult(page.live_title, page.get_absolute_url(), _snippet(page.search_text, matcher))
        for *_, page in scored[:MAX_RESULTS]
    ]
