"""The one way code and templates ask for a fact: confirmed values only.

``confirmed_facts()`` reads the confirmed values from the database (the site context caches
the result, see content/cache.py). A concept, or a fact nobody confirmed, is simply absent:
``facts.email`` is None, so a template leaves the sentence out or says what it can
honestly say ("Bel ons: 0493 - 327506").
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.html import escape

from .registry import BY_KEY, FACTS


@dataclass(frozen=True)
class Facts:
    """Confirmed facts by key, as JSON; attribute and item access give the public value."""

    stored: dict = field(default_factory=dict)

    def __getitem__(self, key):
        spec = BY_KEY[key]  # KeyError for an unknown key, so templates then try getattr
        stored = self.stored.get(key)
        return None if stored is None else spec.kind.public(stored)

    def __getattr__(self, key):
        if key.startswith("_") or key == "stored":
            raise AttributeError(key)
        try:
            return self[key]
        except KeyError:
            raise AttributeError(key) from None

    def display(self, key) -> str:
        """The fact as a reader sees it in a sentence ('3 werkdagen'), or ''."""
        stored = self.stored.get(key)
        return "" if stored is None else BY_KEY[key].display(stored)

    @property
    def shown(self) -> dict[str, str]:
        """Every confirmed fact as displayed: ``site.facts.shown.response_days``."""
        return {key: self.display(key) for key in self.stored if key in BY_KEY}

    def sentence(self, key, *, fallback=True) -> str:
        """The fact's own sentence when confirmed, else its fallback (or '')."""
        spec = BY_KEY[key]
        value = self.display(key)
        template = spec.sentence if value else (spec.fallback if fallback else "")
        return template.format(value=value, phone=self.phone) if template else ""

    @property
    def organisation_name(self) -> str:
        return self.stored.get("organisation_name") or settings.ORGANISATION_NAME

    @property
    def phone(self) -> str:
        return self.stored.get("phone") or settings.ORGANISATION_PHONE


def confirmed_facts() -> Facts:
    from ..models import Fact

    rows = Fact.objects.filter(confirmed_value__isnull=False, key__in=BY_KEY).values_list(
        "key", "confirmed_value"
    )
    return Facts(dict(rows))


FACT_BLOCK = re.compile(r"<p>\s*\[\[feit:([a-z_]+)\]\]\s*</p>")
FACT_TOKEN = re.compile(r"\[\[feit:[a-z_]+\]\]")


def fill_fact_blocks(html: str, facts: Facts) -> str:
    """Replace each ``[[feit:KEY]]`` paragraph with the fact's sentence, its fallback, or
    nothing. Unknown keys vanish too: a typo never shows brackets to a parent."""

    def sentence(match):
        if match.group(1) not in BY_KEY:
            return ""
        text = facts.sentence(match.group(1))
        return f"<p>{escape(text)}</p>" if text else ""

    return FACT_BLOCK.sub(sentence, html or "")


def strip_fact_tokens(text: str) -> str:
    """Plain text without fact tokens (for search and readability)."""
    return FACT_TOKEN.sub("", text or "")


def seed_rows():
    """(key, value, confirmed) for every fact, as load_content and the migration seed them."""
    return [(spec.key, spec.seed, spec.seed_confirmed) for spec in FACTS]
