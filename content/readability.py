"""A rough B1 readability hint for editors: words per sentence, and the longest sentences.

Thuisarts.nl aims for 5-10 words a sentence and never more than 20. This counts words, not
meaning; it is a hint for the editor, never a gate.
"""

import re
from dataclasses import dataclass

from .markdown import html_to_text

TARGET_AVERAGE = 10
MAX_SENTENCE = 20
# "o.a.", "NIKA-interventie" and "kind's" count as one word each.
WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
# A sentence ends at . ! ? (or ; :) followed by a space and a capital, a digit or a quote;
# "o.a. ontstaan" and "bijv. een" therefore stay one sentence.
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-Z0-9À-Ý\"'‘“(])")


@dataclass(frozen=True)
class Readability:
    sentences: int
    words: int
    longest: tuple[tuple[int, str], ...]  # (word count, sentence), longest first

    @property
    def average(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def too_long(self) -> tuple[tuple[int, str], ...]:
        return tuple(item for item in self.longest if item[0] > MAX_SENTENCE)

    @property
    def ok(self) -> bool:
        return self.average <= TARGET_AVERAGE and not self.too_long


def split_sentences(html_blocks) -> list[str]:
    """Sentences of the given HTML fragments; each list item and heading counts as one."""
    sentences = []
    for html in html_blocks:
        # Paragraph and list-item boundaries end a sentence, even without a full stop.
        for block in re.split(r"</(?:p|li|h\d)>", html or ""):
            text = html_to_text(block)
            sentences += [s for s in SENTENCE_END.split(text) if WORD.search(s)]
    return sentences


def measure(html_blocks, *, show=3) -> Readability:
    sentences = split_sentences(html_blocks)
    counted = [(len(WORD.findall(s)), s) for s in sentences]
    longest = sorted(counted, key=lambda item: item[0], reverse=True)[:show]
    return Readability(
        sentences=len(counted), words=sum(n for n, _ in counted), longest=tuple(longest)
    )


def measure_page(page) -> Readability:
    blocks = [page.summary_html]
    blocks += list(page.sections.order_by("order", "pk").values_list("body_html", flat=True))
    return measure(blocks)
