"""Editors write a small Markdown; pages only ever print the sanitised HTML made here."""

import markdown as md
import nh3

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def render_markdown(text: str) -> str:
    """Return safe HTML for ``text``: paragraphs, lists, bold, italics and links only."""
    # Raw HTML in the source is escaped by nh3 below as well; stripping it first keeps
    # editors from seeing half-rendered tags.
    html = md.markdown(text or "", extensions=["sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()
