"""What earlier seeds wrote, as fingerprints: how ``load_content`` tells a seed page nobody
changed from one an editor changed.

A site loaded before the B1 rewrite has the first seed's pages. Where a page's working copy
still has the first seed's text, ``load_content`` proposes the new text as a pending version;
where a field (address, order, blocks, editor note) still has the first seed's value, it
takes the new value at once. Anything an editor changed is left alone.

Fingerprints, not the old text itself: the old text is in git history, this only needs to
recognise it. Add a generation here when a later seed rewrites pages again.
"""

import hashlib
import json
from dataclasses import dataclass, field


def digest(value) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False).encode()).hexdigest()[:16]


def text_fingerprint(*, title, menu_title, meta_description, summary, sections) -> str:
    """The versioned text of a page: title, menu title, description, summary, sections."""
    return digest([title, menu_title, meta_description, summary, [[h, b] for h, b in sections]])


@dataclass(frozen=True)
class Earlier:
    text: str  # text_fingerprint of the page as the earlier seed wrote it
    editor_note: str  # digest of its editor note
    fields: dict = field(default_factory=dict)  # other values; a field not named: its default


# The first seed (until December 2026): the organisation's text as handed over.
FIRST = {
    "home": Earlier(
        "cc4488ebe9671826",
        "7873e16e6facf87e",
        {"slug": "home", "order": 0, "show_in_menu": False, "call_to_action": "assessment"},
    ),
    "wat-is-hechting": Earlier(
        "5b1384ef16c33661",
        "4065a32274a63805",
        {"slug": "wat-is-hechting", "order": 10, "call_to_action": "callback"},
    ),
    "oorzaken": Earlier(
        "abe3d60086935301",
        "abe86dbe215c71a2",
        {
            "slug": "oorzaken-onveilige-hechting",
            "order": 20,
            "call_to_action": "callback",
            "show_urgent_help": True,
        },
    ),
    "gevolgen": Earlier(
        "78b39124fb6f01d1",
        "28206d08b6abce42",
        {"slug": "hechtingsstoornis-en-gedragsproblemen", "order": 30},
    ),
    "kenmerken": Earlier(
        "7535c8b0d7432d85",
        "b5ef7b7fbc3b2cd1",
        {
            "slug": "kenmerken-en-symptomen",
            "order": 40,
            "show_urgent_help": True,
            "show_signs": True,
        },
    ),
    "diagnose": Earlier(
        "0b0ef9e528d57568",
        "bbca9d12cecb532a",
        {"slug": "diagnose-psychologisch-onderzoek", "order": 50, "show_urgent_help": True},
    ),
    "behandeling": Earlier(
        "0394c4d8a9332a62",
        "4065a32274a63805",
        {
            "slug": "behandeling-nika-interventie",
            "order": 60,
            "call_to_action": "callback",
            "show_urgent_help": True,
        },
    ),
    "contact": Earlier(
        "5367eba134f53797",
        "dcf2e66c1a08d0e8",
        {
            "slug": "contact",
            "order": 100,
            "call_to_action": "none",
            "show_urgent_help": True,
            "show_contact_details": True,
            "review_interval_months": 0,
        },
    ),
    "privacyverklaring": Earlier(
        "4119d8ddbe77dc67",
        "b4536ca02c17a405",
        {
            "slug": "privacyverklaring",
            "order": 110,
            "show_in_menu": False,
            "call_to_action": "none",
            "review_interval_months": 0,
        },
    ),
    "toegankelijkheidsverklaring": Earlier(
        "0ea276b5b7298fc4",
        "3dc37fcb686ca0cf",
        {
            "slug": "toegankelijkheidsverklaring",
            "order": 120,
            "show_in_menu": False,
            "call_to_action": "none",
            "review_interval_months": 0,
        },
    ),
}
# The first seed's nine signs, as a list of texts in order.
FIRST_SIGNS = "f71b4a915ae0e6a9"

EARLIER_PAGES = [FIRST]
EARLIER_SIGNS = [FIRST_SIGNS]
