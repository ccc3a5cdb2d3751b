"""What changed between two versions, marked with <ins> and <del> (difflib, word level).

Used by the admin's compare page and by the staff preview of a pending version. Text is
escaped before it is marked up, so nothing an editor typed can become markup here.
"""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .markdown import html_to_text

TOKEN = re.compile(r"\s+|[^\s]+")
BLOCK = re.compile(r"<(p|li)>(.*?)</\1>", re.S)


def word_diff(old: str, new: str) -> SafeString:
    """``new`` with words removed from ``old`` in <del> and added ones in <ins>."""
    a, b = TOKEN.findall(old or ""), TOKEN.findall(new or "")
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(out))


def _blocks(html: str) -> list[str]:
    """The paragraphs and list items of sanitised HTML, as plain text."""
    found = [html_to_text(match.group(2)) for match in BLOCK.finditer(html or "")]
    return [text for text in found if text] or ([html_to_text(html)] if html else [])


def html_diff(old_html: str, new_html: str) -> SafeString:
    """Block by block: unchanged paragraphs as they are, changed ones marked word by word."""
    a, b = _blocks(old_html), _blocks(new_html)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out += [f"<p>{escape(text)}</p>" for text in b[j1:j2]]
        elif op == "replace" and i2 - i1 == j2 - j1:
            out += [f"<p>{word_diff(x, y)}</p>" for x, y in zip(a[i1:i2], b[j1:j2], strict=True)]
        else:
            out += [f"<p><del>{escape(text)}</del></p>" for text in a[i1:i2]]
            out += [f"<p><ins>{escape(text)}</ins></p>" for text in b[j1:j2]]
    return mark_safe("".join(out))


@dataclass(frozen=True)
class Change:
    label: str
    diff: SafeString
    changed: bool
    status: str = ""  # "nieuw", "verwijderd", "gewijzigd" or ""


FIELDS = (
    ("title", "Titel"),
    ("menu_title", "Menutitel"),
    ("meta_description", "Omschrijving voor zoekmachines"),
)


def compare_pages(old: dict, new: dict) -> list[Change]:
    """Field by field and section by section, sections matched on their heading."""
    old, new = old or {}, new or {}
    rows = []
    for name, label in FIELDS:
        a, b = old.get(name, ""), new.get(name, "")
        rows.append(Change(label, word_diff(a, b), a != b))
    a, b = old.get("summary_html", ""), new.get("summary_html", "")
    rows.append(Change("In het kort", html_diff(a, b), a != b))
    rows += compare_sections(old.get("sections", []), new.get("sections", []))
    return rows


def compare_sections(old: list, new: list) -> list[Change]:
    heads_a = [s["heading"] for s in old]
    heads_b = [s["heading"] for s in new]
    rows = []
    matcher = difflib.SequenceMatcher(None, heads_a, heads_b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            for x, y in zip(old[i1:i2], new[j1:j2], strict=True):
                changed = x["heading"] != y["heading"] or x["body_html"] != y["body_html"]
                label = word_diff(x["heading"], y["heading"])
                rows.append(
                    Change(
                        label,
                        html_diff(x["body_html"], y["body_html"]),
                        changed,
                        "gewijzigd" if changed else "",
                    )
                )
            continue
        for x in old[i1:i2]:
            rows.append(
                Change(escape(x["heading"]), html_diff(x["body_html"], ""), True, "verwijderd")
            )
        for y in new[j1:j2]:
            rows.append(Change(escape(y["heading"]), html_diff("", y["body_html"]), True, "nieuw"))
    return rows


def compare_signs(old: dict, new: dict) -> list[Change]:
    a = [item["text"] for item in (old or {}).get("signs", [])]
    b = [item["text"] for item in (new or {}).get("signs", [])]
    rows = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            rows += [Change("Signaal", mark_safe(escape(t)), False) for t in b[j1:j2]]
        elif op == "replace" and i2 - i1 == j2 - j1:
            rows += [
                Change("Signaal", word_diff(x, y), True, "gewijzigd")
                for x, y in zip(a[i1:i2], b[j1:j2], strict=True)
            ]
        else:
            rows += [
                Change("Signaal", mark_safe(f"<del>{escape(t)}</del>"), True, "verwijderd")
                for t in a[i1:i2]
            ]
            rows += [
                Change("Signaal", mark_safe(f"<ins>{escape(t)}</ins>"), True, "nieuw")
                for t in b[j1:j2]
            ]
    return rows
