"""Invisible formatting characters: removed from what parents type, and from what staff see.

A direction override makes "Jan \\u202eSPOED bel 112\\u202c de Vries" read as something
else in the queue, on a request's page and in a spreadsheet; a zero-width space inside a
name ("Jan\\u200bsen") hides it from a search for "Jansen". Nobody types these on purpose.

Removed: the direction embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069),
the direction marks (U+200E, U+200F, U+061C: invisible, they only move neutral characters
such as brackets), zero-width spaces and joiners that join nothing (U+200B, U+2060, U+FEFF,
U+180E), the invisible operators (U+2061-U+2064), the deprecated format characters
(U+206A-U+206F), interlinear annotation (U+FFF9-U+FFFB), the soft hyphen (U+00AD, pasted
from word processors; it splits a word for a search) and the tag characters
(U+E0001, U+E0020-U+E007F: invisible text that software may still read).

Kept: U+200C (zero-width non-joiner) and U+200D (zero-width joiner). They are part of how
Persian, Kurdish and the Indic scripts are spelled, and of emoji such as 👨‍👩‍👧; they cannot
reorder text.
"""

DIRECTION_CONTROLS = frozenset({*range(0x202A, 0x202F), *range(0x2066, 0x206A)})
INVISIBLE_FORMATTING = DIRECTION_CONTROLS | frozenset(
    {
        0x00AD,
        0x061C,
        0x180E,
        0x200B,
        0x200E,
        0x200F,
        *range(0x2060, 0x2065),
        *range(0x206A, 0x2070),
        0xFEFF,
        *range(0xFFF9, 0xFFFC),
        0xE0001,
        *range(0xE0020, 0xE0080),
    }
)
_REMOVE = dict.fromkeys(INVISIBLE_FORMATTING)


def without_invisible_formatting(text: str) -> str:
    """`text` without the characters above (anything else, including line breaks, stays)."""
    return text.translate(_REMOVE) if text else text
