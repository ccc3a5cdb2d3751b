"""Editors write a small Markdown; pages only ever print the sanitised HTML made here."""

import html as htmllib

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


# Private-use characters the search marks matches with before escaping; never in page text.
SNIPPET_START = "\ue000"
SNIPPET_END = "\ue001"


def html_to_text(html: str) -> str:
    """Plain text of sanitised HTML: tags dropped, entities decoded, whitespace collapsed."""
    text = nh3.clean(html or "", tags=set(), strip_comments=True)
    # nh3 escapes the text it keeps; decode it back to the characters a reader sees.
    text = htmllib.unescape(text)
    text = text.replace(SNIPPET_START, "").replace(SNIPPET_END, "")
    return " ".join(text.split())
