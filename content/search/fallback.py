"""SQLite (laptops, quick tests): the PostgreSQL search's ideas in plain Python over the
published pages' live copies: word forms, look-alike words, phrases, every-word-first."""

from django.utils.safestring import mark_safe

from ..cache import get_site_context
from ..markdown import SNIPPET_END, SNIPPET_START
from ..models import Page
from .query import WORD, roots
from .results import KIND_WEIGHT, MAX_RESULTS, SIMILARITY, SNIPPET_WORDS, SearchResult, mark


def trigrams(word):
    """pg_trgm's trigrams of a word: padded with two spaces in front, one behind."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a, b):
    """pg_trgm's similarity(): shared trigrams over all trigrams of both words."""
    ta, tb = trigrams(a), trigrams(b)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


class _Matcher:
    def __init__(self, groups):
        self.groups = groups
        self.words = [(i, w, roots(w)) for i, g in enumerate(groups) for w in g if " " not in w]
        self.phrases = [(i, w) for i, g in enumerate(groups) for w in g if " " in w]
        self._seen = {}

    def group_of(self, word):
        """The index of the group this word of a page belongs to, or None."""
        word = word.lower()
        if word not in self._seen:
            self._seen[word] = next(
                (
                    i
                    for i, term, term_roots in self.words
                    if word == term
                    or any(len(r) >= 3 and word.startswith(r) for r in term_roots)
                    or (len(term) >= 4 and similarity(word, term) >= SIMILARITY)
                ),
                None,
            )
        return self._seen[word]

    def phrase_groups(self, text):
        lowered = " ".join(WORD.findall(text.lower()))
        return {i for i, phrase in self.phrases if phrase in lowered}


def _snippet(text, matcher):
    tokens = list(WORD.finditer(text))
    hits = [i for i, token in enumerate(tokens) if matcher.group_of(token.group()) is not None]
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
    return mark(snippet)


def _groups_in(text, matcher) -> set[int]:
    return {matcher.group_of(w) for w in WORD.findall(text)} - {None}


def search(groups) -> list[SearchResult]:
    matcher = _Matcher(groups)
    signs = " ".join(text for _, text in get_site_context().signs)
    scored = []
    pages = Page.objects.published().only(
        "live", "search_text", "slug", "kind", "order", "show_signs"
    )
    for page in pages:
        live = page.live
        title = f"{live.get('title', '')} {live.get('menu_title', '')}"
        # The approved signs weigh like a page's description on the page that lists them.
        summary = f"{live.get('meta_description', '')} {signs if page.show_signs else ''}"
        text_hits = [
            g
            for g in (matcher.group_of(w) for w in WORD.findall(page.search_text))
            if g is not None
        ]
        title_groups, summary_groups = _groups_in(title, matcher), _groups_in(summary, matcher)
        covered = title_groups | summary_groups | set(text_hits)
        covered |= matcher.phrase_groups(f"{title} {summary} {page.search_text}")
        if not covered:
            continue
        score = (
            10 * len(title_groups)
            + 6 * len(summary_groups)
            + 3 * len(set(text_hits))
            + min(len(text_hits), 10)
        )
        score *= KIND_WEIGHT.get(page.kind, 0.5)
        scored.append((-len(covered), -score, page.order, page.pk, page))
    scored.sort(key=lambda row: row[:4])
    return [
        SearchResult(page.live_title, page.get_absolute_url(), _snippet(page.search_text, matcher))
        for *_, page in scored[:MAX_RESULTS]
    ]
