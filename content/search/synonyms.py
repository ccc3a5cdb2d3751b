"""Parents' words for what the site calls otherwise (editors keep the list in the admin).

A question's term becomes a *group*: the term and every word the list says it also finds
(followed through the list; the model refuses loops). A page that matches every group of
a question ranks above a page that matches some.
"""

from ..cache import per_version
from .query import roots


def _build_table() -> dict[str, list[str]]:
    from ..models import Synonym

    return {s.word: s.alternative_list for s in Synonym.objects.all()}


def synonym_table() -> dict[str, list[str]]:
    """{word: alternatives}, once per content version (an edit starts a new one)."""
    return per_version("synonyms", _build_table)


def _same_word(a: str, b: str) -> bool:
    """Two forms of one word: a shared root, or one root beginning the other (lieg ~ liegt)."""
    if a == b:
        return True
    roots_a, roots_b = roots(a), roots(b)
    return bool(roots_a & roots_b) or any(
        len(x) >= 4 and len(y) >= 4 and (x.startswith(y) or y.startswith(x))
        for x in roots_a
        for y in roots_b
    )


def _entries_for(term: str, table) -> list[str]:
    """The list's words that are this term in another form (kost ~ kosten, liegt ~ liegen)."""
    return [word for word in table if _same_word(word, term)]


def expand(terms) -> list[tuple[str, ...]]:
    """One group per term: the term first, then what it also finds."""
    table = synonym_table()
    groups = []
    for term in terms:
        found, queue = [term], _entries_for(term, table)
        while queue:
            word = queue.pop(0)
            for alternative in table.get(word, ()):
                if alternative not in found:
                    found.append(alternative)
                    queue += [w for w in _entries_for(alternative, table) if w != word]
            if len(found) > 30:  # a bounded search, whatever the list holds
                break
        groups.append(tuple(found))
    return groups
