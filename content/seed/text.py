"""Helpers for writing seed text: Markdown as an editor would type it, and editor notes."""

from textwrap import dedent

ORIGINAL = (
    "Herschreven in eenvoudige taal (B1) uit de tekst van de organisatie (oude website); "
    "betekenis en feiten zijn gebleven. Concept, laten controleren."
)
NEW = (
    "Nieuw geschreven in eenvoudige taal (B1), met de richtlijn Problematische gehechtheid "
    "(richtlijnenjeugdhulp.nl), Thuisarts.nl en de databank van het NJi als bronnen. "
    "Concept, laten controleren."
)


def md(text: str) -> str:
    """Markdown written indented in Python, as an editor would type it in the admin."""
    return dedent(text).strip()
