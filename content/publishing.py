"""Four-eyes publishing of what parents read.

Editors change a page's working copy (its fields and sections) or the signs list in the
admin; each save keeps a *version*. Parents keep reading the live copy until an
inhoudelijk deskundige who wrote none of the pending changes approves the latest version;
then it becomes the live copy and the page cache moves on. Every version is kept; a
reviewer can restore an earlier one, which becomes a new version that needs approval again.

Why our own small model rather than django-reversion or django-simple-history: both
record what was saved to the live rows. Four-eyes needs the opposite, a change that is
saved but not live, kept beside the live copy until approved (the way Wagtail keeps
revisions as JSON). The snapshots are plain JSON; difflib shows the differences.
"""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from .cache import invalidate
from .models import Page, Section, Sign, Version
from .search.index import reindex


class PublishingError(Exception):
    """A change that is not allowed, with a Dutch message for the admin."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


# ---------------------------------------------------------------------------
# Snapshots
# ---------------------------------------------------------------------------
def page_snapshot(page: Page) -> dict:
    """The working copy as it would go live: title, summary and sections."""
    sections = Section.objects.filter(page=page).order_by("order", "pk")
    return {
        "title": page.title,
        "menu_title": page.menu_title,
        "meta_description": page.meta_description,
        "summary": page.summary,
        "summary_html": page.summary_html,
        "sections": [
            {
                "heading": s.heading,
                "anchor": s.anchor,
                "body": s.body,
                "body_html": s.body_html,
            }
            for s in sections
        ],
    }


def signs_snapshot() -> dict:
    return {"signs": [{"id": s.pk, "text": s.text} for s in Sign.objects.active()]}


def _versions(page: Page | None):
    if page is None:
        return Version.objects.filter(subject=Version.Subject.SIGNS, page__isnull=True)
    return Version.objects.filter(subject=Version.Subject.PAGE, page=page)


def live_version(page: Page | None) -> Version | None:
    if page is not None:
        return page.live_version
    return _versions(None).filter(state=Version.State.APPROVED).order_by("-number").first()


def latest_version(page: Page | None) -> Version | None:
    return _versions(page).order_by("-number").first()


def pending_version(page: Page | None) -> Version | None:
    latest = latest_version(page)
    return latest if latest is not None and latest.state == Version.State.PENDING else None


def live_signs() -> tuple[tuple[int, str], ...]:
    """The approved signs list as (id, text): the symptoms page and the form show these."""
    version = live_version(None)
    if version is None:
        return ()
    return tuple((item["id"], item["text"]) for item in version.data.get("signs", ()))


# ---------------------------------------------------------------------------
# Recording a change, approving, restoring
# ---------------------------------------------------------------------------
@transaction.atomic
def record_change(page: Page | None, *, author, restored_from=None, note="") -> Version | None:
    """Keep the working copy as a new pending version, unless nothing changed.

    A working copy equal to the live copy withdraws what was pending: the editor undid
    their change, so there is nothing left to approve.
    """
    data = page_snapshot(page) if page is not None else signs_snapshot()
    versions = _versions(page).select_for_update()
    latest = versions.order_by("-number").first()
    pending = latest if latest is not None and latest.state == Version.State.PENDING else None
    live = live_version(page)
    if pending is not None and pending.data == data:
        return None
    if live is not None and live.data == data:
        if pending is not None:
            versions.filter(state=Version.State.PENDING).update(state=Version.State.WITHDRAWN)
        return None
    versions.filter(state=Version.State.PENDING).update(state=Version.State.SUPERSEDED)
    return _new_version(
        page,
        data,
        state=Version.State.PENDING,
        author=author,
        restored_from=restored_from,
        note=note,
    )


def _new_version(page: Page | None, data: dict, **fields) -> Version:
    """The next numbered version of a page (or of the signs list)."""
    return Version.objects.create(
        subject=Version.Subject.PAGE if page is not None else Version.Subject.SIGNS,
        page=page,
        number=(_versions(page).aggregate(n=Max("number"))["n"] or 0) + 1,
        data=data,
        **fields,
    )


def authors_since_live(version: Version) -> set[int]:
    """Everyone who wrote a version after the live one, up to this one."""
    live = live_version(version.page)
    since = _versions(version.page).filter(number__lte=version.number)
    if live is not None:
        since = since.filter(number__gt=live.number)
    return set(since.exclude(author=None).values_list("author_id", flat=True))


def may_approve(user) -> bool:
    return user.is_active and user.has_perm("content.approve_version")


@transaction.atomic
def approve(version: Version, *, reviewer) -> Version:
    """Make ``version`` the live copy. Refused with a PublishingError (nothing changes)
    when the reviewer may not approve, wrote part of the change, or it is not the latest."""
    version = Version.objects.select_for_update().get(pk=version.pk)
    if not may_approve(reviewer):
        raise PublishingError(
            "Alleen een inhoudelijk deskundige kan een wijziging goedkeuren.", "permission"
        )
    latest = latest_version(version.page)
    if version.state != Version.State.PENDING or latest is None or latest.pk != version.pk:
        raise PublishingError(
            "Deze versie is niet meer de nieuwste. Bekijk de nieuwste versie en keur die goed.",
            "not_latest",
        )
    if reviewer.pk in authors_since_live(version):
        raise PublishingError(
            "U heeft (een deel van) deze wijziging zelf geschreven. Een andere inhoudelijk "
            "deskundige moet hem goedkeuren: vier ogen zien meer dan twee.",
            "own_change",
        )
    now = timezone.now()
    Version.objects.filter(pk=version.pk).update(
        state=Version.State.APPROVED, decided_by=reviewer, decided_at=now
    )
    version.refresh_from_db()
    if version.page_id:
        make_live(version.page, version, at=now)
    else:
        signs_went_live(at=now)
    invalidate()
    return version


def signs_went_live(*, at) -> None:
    """The page listing the signs changed for readers, search and search engines."""
    reindex(Page.objects.filter(show_signs=True))
    Page.objects.published().filter(show_signs=True).update(published_at=at)


def make_live(page: Page, version: Version, *, at) -> None:
    page.live = version.data
    page.live_version = version
    page.published_at = at
    Page.objects.filter(pk=page.pk).update(live=page.live, live_version=version, published_at=at)
    reindex([page])


@transaction.atomic
def restore(version: Version, *, actor) -> Version | None:
    """Put an earlier version back as the working copy, kept as a new pending version."""
    if not may_approve(actor):
        raise PublishingError(
            "Alleen een inhoudelijk deskundige kan een eerdere versie terugzetten.", "permission"
        )
    if version.page_id:
        _write_page(version.page, version.data)
    else:
        _write_signs(version.data)
    return record_change(
        version.page, author=actor, restored_from=version, note=f"versie {version.number}"
    )


def _write_page(page: Page, data: dict) -> None:
    for name in ("title", "menu_title", "meta_description", "summary"):
        setattr(page, name, data.get(name, ""))
    page.save()
    page.sections.all().delete()
    for i, section in enumerate(data.get("sections", ()), start=1):
        Section(
            page=page,
            order=i * 10,
            heading=section["heading"],
            anchor=section["anchor"],
            body=section["body"],
        ).save()


def _write_signs(data: dict) -> None:
    wanted = data.get("signs", ())
    ids = [item["id"] for item in wanted]
    Sign.objects.exclude(pk__in=ids).update(is_active=False)
    for i, item in enumerate(wanted, start=1):
        Sign.objects.update_or_create(
            pk=item["id"], defaults={"text": item["text"], "order": i * 10, "is_active": True}
        )


def start_live(page: Page | None, *, note: str) -> Version:
    """The starting content (load_content, migrations): live at once, approved by nobody."""
    data = page_snapshot(page) if page is not None else signs_snapshot()
    now = timezone.now()
    version = _new_version(page, data, state=Version.State.APPROVED, decided_at=now, note=note)
    if page is not None:
        make_live(page, version, at=now)
    else:
        signs_went_live(at=now)
    invalidate()
    return version
