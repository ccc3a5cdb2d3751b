"""PostgreSQL: Dutch full-text search over the live copy, every-word-first ranking.

Dutch stemming alone does not join "hechten", "hechting" and "gehecht", so each word is
also matched as a prefix of its stem ("hecht:*"), a past participle is tried without its
"ge-", and pg_trgm adds words from the site's own vocabulary that look alike (typos,
"hechtingsprobleem" -> "hechtingsproblemen"). A phrase ("eigen bijdrage") must stand as a
phrase. Pages matching more of the question's words (or their synonyms) come first, then
by rank (title first; the guide before information pages).
"""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, FloatField, IntegerField, TextField, Value, When
from django.db.models.fields.json import KT

from ..cache import get_site_context
from ..markdown import SNIPPET_END, SNIPPET_START
from ..models import Page
from .query import participle_stem
from .results import KIND_WEIGHT, MAX_RESULTS, SIMILARITY, SNIPPET_WORDS, SearchResult, mark


def _similar_words(words):
    """Words on published pages that look like each search word (pg_trgm)."""
    table = Page._meta.db_table
    # Constant SQL (the table name is ours); the parent's words are bound parameters below.
    vocabulary = (
        "SELECT to_tsvector('simple', coalesce(live->>'title', '') || ' ' || "  # noqa: S608
        f"coalesce(search_text, '')) FROM {table} WHERE is_published"
    )
    long_words = [word for word in words if len(word) >= 4 and " " not in word]
    if not long_words:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT t.term, s.word FROM unnest(%s::text[]) AS t(term) "
            "JOIN ts_stat(%s) AS s ON similarity(s.word, t.term) >= %s "
            "WHERE s.word <> t.term",
            [long_words, vocabulary, SIMILARITY],
        )
        similar = {}
        for term, word in cursor.fetchall():
            similar.setdefault(term, []).append(word)
    return similar


def _word_query(word, similar):
    if " " in word:
        return SearchQuery(word, config="dutch", search_type="phrase")
    # Words are letters and digits only (WORD), so they cannot carry tsquery operators.
    if len(word) >= 4:
        query = SearchQuery(f"{word}:*", config="dutch", search_type="raw")
    else:
        query = SearchQuery(word, config="dutch", search_type="plain")
    stem = participle_stem(word)
    if stem:
        query |= SearchQuery(f"{stem}:*", config="dutch", search_type="raw")
    for other in similar.get(word, ()):
        query |= SearchQuery(other, config="dutch", search_type="plain")
    return query


def _group_query(group, similar):
    query = None
    for word in group:
        word_query = _word_query(word, similar)
        query = word_query if query is None else query | word_query
    return query


def search(groups) -> list[SearchResult]:
    # Only the typed words get look-alikes; a synonym is a word the site uses already.
    similar = _similar_words([group[0] for group in groups])
    queries = [_group_query(group, similar) for group in groups]
    everything = queries[0]
    for query in queries[1:]:
        everything |= query
    # Only the live copy (what parents can read) is searched, never an editor's draft. The
    # approved signs weigh like a page's description on the page that lists them.
    signs = Case(
        When(show_signs=True, then=Value(" ".join(text for _, text in get_site_context().signs))),
        default=Value(""),
        output_field=TextField(),
    )
    vector = (
        SearchVector(KT("live__title"), KT("live__menu_title"), config="dutch", weight="A")
        + SearchVector(KT("live__meta_description"), signs, config="dutch", weight="B")
        + SearchVector("search_text", config="dutch", weight="C")
    )
    covered = sum(
        (
            Case(When(document=query, then=Value(1)), default=Value(0), output_field=IntegerField())
            for query in queries
        ),
        Value(0),
    )
    pages = (
        Page.objects.published()
        .annotate(document=vector)
        .filter(document=everything)
        .annotate(
            covered=covered,
            rank=SearchRank(vector, everything)
            * Case(
                *(When(kind=kind, then=Value(weight)) for kind, weight in KIND_WEIGHT.items()),
                default=Value(0.5),
                output_field=FloatField(),
            ),
            snippet=SearchHeadline(
                "search_text",
                everything,
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
        .order_by(F("covered").desc(), "-rank", "order", "pk")[:MAX_RESULTS]
    )
    return [SearchResult(p.live_title, p.get_absolute_url(), mark(p.snippet)) for p in pages]
