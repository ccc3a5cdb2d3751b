"""Words parents use for what the site calls otherwise: editors keep the list."""

from django.core.exceptions import ValidationError
from django.db import models

WORD_MAX = 60


def parse_alternatives(text: str) -> list[str]:
    """One alternative per line or separated by commas; lower case, spaces folded."""
    found = []
    for part in (text or "").replace("\n", ",").split(","):
        word = " ".join(part.lower().split())
        if word and word not in found:
            found.append(word)
    return found


class Synonym(models.Model):
    """Searching for ``word`` also finds pages with one of the ``alternatives``."""

    word = models.CharField(
        "zoekwoord",
        max_length=WORD_MAX,
        unique=True,
        help_text="Het woord dat ouders typen, in kleine letters. Bijvoorbeeld: 'kosten'.",
    )
    alternatives = models.TextField(
        "vindt ook",
        help_text="Woorden die de site gebruikt, gescheiden door komma's. Bijvoorbeeld: "
        "'vergoeding, betalen, eigen bijdrage'. Een woord mag niet (via andere woorden) "
        "naar zichzelf terugverwijzen.",
    )

    class Meta:
        verbose_name = "zoekwoord met synoniemen"
        verbose_name_plural = "zoekwoorden met synoniemen"
        ordering = ["word"]

    def __str__(self):
        return self.word

    @property
    def alternative_list(self) -> list[str]:
        return parse_alternatives(self.alternatives)

    def clean(self):
        self.word = " ".join((self.word or "").lower().split())
        if not self.word:
            raise ValidationError({"word": "Vul een zoekwoord in."}, code="empty")
        alternatives = parse_alternatives(self.alternatives)
        if not alternatives:
            raise ValidationError(
                {"alternatives": "Vul minstens één woord in dat dit zoekwoord ook vindt."},
                code="empty",
            )
        if any(len(word) > WORD_MAX for word in alternatives):
            raise ValidationError(
                {"alternatives": f"Een woord mag niet langer zijn dan {WORD_MAX} tekens."},
                code="too_long",
            )
        if self.word in alternatives:
            raise ValidationError(
                {"alternatives": f"‘{self.word}’ kan niet naar zichzelf verwijzen."}, code="loop"
            )
        loop = self._loop_through_others(alternatives)
        if loop:
            raise ValidationError(
                {
                    "alternatives": "Dit maakt een kring: "
                    + " → ".join(loop)
                    + ". Haal een van deze woorden weg."
                },
                code="loop",
            )
        self.alternatives = ", ".join(alternatives)

    def _loop_through_others(self, alternatives) -> list[str] | None:
        """A path from one of ``alternatives`` back to this word, through the other entries."""
        graph = {
            s.word: s.alternative_list
            for s in Synonym.objects.exclude(pk=self.pk).only("word", "alternatives")
        }
        graph[self.word] = alternatives
        stack = [(alt, [self.word, alt]) for alt in alternatives]
        seen = set()
        while stack:
            word, path = stack.pop()
            if word == self.word:
                return path
            if word in seen:
                continue
            seen.add(word)
            stack += [(nxt, [*path, nxt]) for nxt in graph.get(word, ())]
        return None
