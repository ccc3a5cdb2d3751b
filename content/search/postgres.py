"""PostgreSQL: Dutch full-text search over the live copy, every-word-first ranking.

Dutch stemming alone does not join "hechten", "hechting" and "gehecht", so each word is
also matched as a prefix of its stem ("hecht:*"), a past participle is tried without its
"ge-", and look-alike words from the site's own vocabulary are added (pg_trgm's
similarity: typos, "hechtingsprobleem" -> "hechtingsproblemen"). A phrase ("eigen
bijdrage") must stand as a phrase. Pages matching more of the question's words (or their
synonyms) come first, then by rank (title first; the approved signs and the description
next; the guide before information pages).

One hand-written query over the stored document (content/search/index.py): the ORM spent
more time compiling the expression than PostgreSQL spent answering it. Every value is a
bound parameter, and the tsquery text is built only from letters and digits, so a
parent's words can never become query operators.
"""

from collections import Counter, defaultdict
from typing import NamedTuple

from django.db import connection

from ..cache import get_site_context, per_version
from ..markdown import SNIPPET_END, SNIPPET_START
from ..models import Page
from .fallback import trigrams
from .query import WORD, participle_stem
from .results import KIND_WEIGHT, MAX_RESULTS, SIMILARITY, SNIPPET_WORDS, SearchResult, mark

HEADLINE = (
    f"StartSel={SNIPPET_START}, StopSel={SNIPPET_END}, MaxWords={SNIPPET_WORDS}, "
    'MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'
)
TABLE = Page._meta.db_table
VOCABULARY_SQL = (
    "SELECT word FROM ts_stat('SELECT to_tsvector(''simple'', "  # noqa: S608
    "coalesce(live->>''title'', '''') || '' '' || search_text) "
    f"FROM {TABLE} WHERE is_published')"
)


class Vocabulary(NamedTuple):
    """Every word on the published pages with its trigrams, and each trigram's words."""

    trigrams: dict[str, frozenset]
    words_with: dict[str, tuple[str, ...]]


def _build_vocabulary() -> Vocabulary:
    with connection.cursor() as cursor:
        cursor.execute(VOCABULARY_SQL)
        words = [word for (word,) in cursor.fetchall() if WORD.fullmatch(word)]
    by_word = {word: frozenset(trigrams(word)) for word in words}
    words_with = defaultdict(list)
    for word, grams in by_word.items():
        for gram in grams:
            words_with[gram].append(word)
    return Vocabulary(by_word, {gram: tuple(ws) for gram, ws in words_with.items()})


def _similar_words(words, generation) -> dict[str, list[str]]:
    """Words on published pages that look like each search word: pg_trgm's similarity
    (shared trigrams over all trigrams of both), computed here from the vocabulary of this
    content version, so it costs no query; only words sharing a trigram are compared."""
    vocabulary = per_version("search-vocabulary", _build_vocabulary, generation)
    similar = {}
    for word in words:
        if len(word) < 4 or not WORD.fullmatch(word):
            continue
        own = trigrams(word)
        shared = Counter(other for gram in own for other in vocabulary.words_with.get(gram, ()))
        similar[word] = sorted(
            other
            for other, n in shared.items()
            if other != word and n / (len(own) + len(vocabulary.trigrams[other]) - n) >= SIMILARITY
        )
    return similar


def _word_query(word, similar) -> list[str]:
    tokens = WORD.findall(word)
    if not tokens:
        return []
    if len(tokens) > 1:
        return ["(" + " <-> ".join(tokens) + ")"]
    parts = [f"{word}:*" if len(word) >= 4 else word]
    stem = participle_stem(word)
    if stem:
        parts.append(f"{stem}:*")
    return parts + similar.get(word, [])


def _group_query(group, similar) -> str:
    parts = [part for word in group for part in _word_query(word, similar)]
    return " | ".join(dict.fromkeys(parts)) or "''"


def search(groups) -> list[SearchResult]:
    generation = get_site_context().generation
    # Only the typed words get look-alikes; a synonym is a word the site uses already.
    similar = _similar_words([group[0] for group in groups], generation)
    queries = [_group_query(group, similar) for group in groups]
    everything = " | ".join(f"({query})" for query in queries)
    covered = " + ".join("(p.search_document @@ to_tsquery('dutch', %s))::int" for _ in queries)
    weight = " ".join(f"WHEN '{kind}' THEN {w}" for kind, w in KIND_WEIGHT.items())
    # Constant SQL around bound parameters: the table, kinds and weights are ours.
    sql = f"""
        SELECT p.slug, p.kind, p.live->>'title',
               ts_headline('dutch', p.search_text, q.everything, %s)
        FROM {TABLE} p CROSS JOIN (SELECT to_tsquery('dutch', %s) AS everything) q
        WHERE p.is_published AND p.published_at IS NOT NULL
              AND p.search_document @@ q.everything
        ORDER BY ({covered}) DESC,
                 ts_rank(p.search_document, q.everything)
                     * (CASE p.kind {weight} ELSE 0.5 END) DESC,
                 p."order", p.id
        LIMIT {MAX_RESULTS}
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [HEADLINE, everything, *queries])
        rows = cursor.fetchall()
    return [
        SearchResult(title, Page(slug=slug, kind=kind).get_absolute_url(), mark(snippet))
        for slug, kind, title, snippet in rows
    ]
