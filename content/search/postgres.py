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

from django.core.cache import cache
from django.db import connection

from ..cache import get_site_context
from ..markdown import SNIPPET_END, SNIPPET_START
from ..models import Page
from .fallback import trigrams
from .query import WORD, participle_stem
from .results import KIND_WEIGHT, MAX_RESULTS, SIMILARITY, SNIPPET_WORDS, SearchResult, mark

VOCABULARY_KEY = "content:search-vocabulary:v2:{generation}"
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


def _vocabulary(generation) -> dict[str, frozenset]:
    """Every word on the published pages with its trigrams, once per content version."""
    key = VOCABULARY_KEY.format(generation=generation)
    vocabulary = cache.get(key)
    if vocabulary is None:
        with connection.cursor() as cursor:
            cursor.execute(VOCABULARY_SQL)
            words = [word for (word,) in cursor.fetchall() if WORD.fullmatch(word)]
        vocabulary = {word: frozenset(trigrams(word)) for word in words}
        cache.set(key, vocabulary)
    return vocabulary


def _similar_words(words, generation) -> dict[str, list[str]]:
    """Words on published pages that look like each search word: pg_trgm's similarity,
    computed here from the cached vocabulary, so it costs no query."""
    similar = {}
    for word in words:
        if len(word) < 4 or not WORD.fullmatch(word):
            continue
        own = trigrams(word)
        similar[word] = [
            other
            for other, theirs in _vocabulary(generation).items()
            if other != word and len(own & theirs) / len(own | theirs) >= SIMILARITY
        ]
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
