"""A page as a template shows it: the live copy for parents, the working copy in preview.

Templates get a ``ShownPage``: the page's own settings (kind, slug, which blocks it shows)
with the title, summary and sections of the copy being shown, fact paragraphs filled in
with confirmed facts only, and the review line only when a named reviewer made one.
"""

from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

from .diffing import html_diff, word_diff
from .facts.api import fill_fact_blocks
from .models import Page
from .models.pages import describe
from .publishing import page_snapshot


@dataclass(frozen=True)
class ShownSection:
    heading: str
    anchor: str
    body_html: SafeString
    change: str = ""  # in preview: "nieuw", "gewijzigd" or ""


@dataclass
class ShownPage:
    page: Page
    title: str
    summary_html: SafeString
    description: str
    sections: list[ShownSection]
    signs: tuple[str, ...] = ()
    review: object = None  # the PageReview behind the review line, or None
    removed_sections: tuple[str, ...] = ()  # in preview: headings no longer there

    def __getattr__(self, name):
        # kind, slug, show_urgent_help, call_to_action, get_absolute_url, ...
        return getattr(self.page, name)


def _sections(data: dict, facts) -> list[ShownSection]:
    return [
        ShownSection(s["heading"], s["anchor"], mark_safe(fill_fact_blocks(s["body_html"], facts)))
        for s in data.get("sections", ())
    ]


def _signs(page: Page, ctx) -> tuple[str, ...]:
    return tuple(text for _, text in ctx.signs) if page.show_signs else ()


def shown_live(page: Page, ctx) -> ShownPage:
    """What parents read: the approved copy."""
    live = page.live or {}
    return ShownPage(
        page=page,
        title=live.get("title", ""),
        summary_html=mark_safe(fill_fact_blocks(live.get("summary_html", ""), ctx.facts)),
        description=describe(live.get("meta_description", ""), live.get("summary_html", "")),
        sections=_sections(live, ctx.facts),
        signs=_signs(page, ctx),
        review=page.last_review,
    )


def shown_working(page: Page, ctx) -> ShownPage:
    """The working copy for staff, with what differs from the live copy marked."""
    draft = page_snapshot(page)
    live = page.live or {}
    by_heading = {s["heading"]: s for s in live.get("sections", ())}
    sections = []
    for s in draft["sections"]:
        old = by_heading.pop(s["heading"], None)
        if old is None:
            change, body = "nieuw", html_diff("", s["body_html"])
        elif old["body_html"] != s["body_html"]:
            change, body = "gewijzigd", html_diff(old["body_html"], s["body_html"])
        else:
            change, body = "", mark_safe(fill_fact_blocks(s["body_html"], ctx.facts))
        sections.append(ShownSection(s["heading"], s["anchor"], body, change))
    summary_changed = live and live.get("summary_html") != draft["summary_html"]
    return ShownPage(
        page=page,
        title=draft["title"],
        summary_html=(
            html_diff(live.get("summary_html", ""), draft["summary_html"])
            if summary_changed
            else mark_safe(fill_fact_blocks(draft["summary_html"], ctx.facts))
        ),
        description=describe(draft["meta_description"], draft["summary_html"]),
        sections=sections,
        signs=_signs(page, ctx),
        review=page.last_review,
        removed_sections=tuple(by_heading) if live else (),
    )


def title_change(page: Page) -> SafeString | None:
    """The working title marked against the live one, or None when it is the same."""
    live_title = (page.live or {}).get("title", "")
    if not live_title or live_title == page.title:
        return None
    return word_diff(live_title, page.title)
