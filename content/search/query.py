"""A parent's question as words to search for: cleaned, bounded, small words left out."""

import re
import unicodedata
from dataclasses import dataclass

from django.conf import settings

MAX_TERMS = 8
MAX_TERM_LENGTH = 40
WORD = re.compile(r"[^\W_]+")

# Small words that would match nearly every page; a question of only these is searched as is.
STOP_WORDS = frozenset(
    [
        "aan",
        "al",
        "als",
        "bij",
        "dan",
        "dat",
        "de",
        "deze",
        "die",
        "dit",
        "doe",
        "een",
        "en",
        "er",
        "haar",
        "heb",
        "hebben",
        "heeft",
        "hem",
        "het",
        "hij",
        "hoe",
        "ik",
        "in",
        "is",
        "je",
        "jij",
        "jou",
        "jouw",
        "kan",
        "maar",
        "me",
        "met",
        "mijn",
        "moet",
        "na",
        "naar",
        "niet",
        "nog",
        "of",
        "om",
        "on",
        "ons",
        "onze",
        "ook",
        "op",
        "te",
        "tot",
        "u",
        "uw",
        "van",
        "voor",
        "waar",
        "wat",
        "we",
        "wel",
        "welke",
        "wie",
        "wij",
        "wordt",
        "worden",
        "ze",
        "zich",
        "zij",
        "zijn",
        "zo",
        "zou",
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
    words = []
    for word in WORD.findall(text.lower()):
        if len(word) <= MAX_TERM_LENGTH and word not in words:
            words.append(word)
    if not words:
        return CleanQuery(text, (), QueryProblem.NO_WORDS)
    meaningful = [word for word in words if word not in STOP_WORDS] or words
    return CleanQuery(text, tuple(meaningful[:MAX_TERMS]))


def participle_stem(term):
    """'gehecht' -> 'hecht': Dutch past participles carry a ge- prefix the stemmer keeps."""
    if term.startswith("ge") and len(term) >= 6:
        return term[2:]
    return None


def roots(term) -> set[str]:
    """A light Dutch stemmer: 'hechtingen' -> hechting, hecht; 'gehecht' -> hecht."""
    found = {term}
    for suffix in ("ingen", "ing", "en", "e", "s"):
        if term.endswith(suffix) and len(term) - len(suffix) >= 4:
            found.add(term[: -len(suffix)])
    stem = participle_stem(term)
    if stem:
        found |= {root[2:] for root in found if len(root) >= 6}
    return found
