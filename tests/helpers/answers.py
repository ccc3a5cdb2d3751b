"""Reading answers back from pages: the parent's check page and the staff page."""

import html
import re


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _values(dd: str) -> list[str]:
    items = re.findall(r"<li>(.*?)</li>", dd, re.S)
    if items:
        return [_text(item) for item in items]
    return [_text(dd.replace("<br>", "\n"))]


def check_page_answers(page: str) -> dict[str, list[str]]:
    """The check page's rows: {anchor of the question's first input: answer texts}."""
    rows = re.findall(
        r'<dt class="summary-list__key">.*?</dt>\s*<dd class="summary-list__value">(.*?)</dd>'
        r'\s*<dd class="summary-list__action">.*?#([\w-]+)"',
        page,
        re.S,
    )
    return {anchor: _values(dd) for dd, anchor in rows}


def staff_page_answers(page: str) -> dict[str, list[str]]:
    """The staff page's submission rows: {label: answer texts}."""
    block = page.split('<div class="module triage-submission">', 1)[1]
    rows = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", block, re.S)
    return {_text(label): _values(dd) for label, dd in rows}
