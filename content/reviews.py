"""Named clinical review of pages, and what is due for review.

Only an inhoudelijk deskundige (permission ``content.review_page``) with a public name and
profession on their staff profile can mark a page as reviewed. The page then says who
checked it and when, and when the next check is due. ``load_content`` never does this.
"""

import calendar
import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .cache import invalidate
from .models import Page, PageReview, StaffProfile
from .publishing import PublishingError


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later (31 January + 1 month: the last day of February)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def profile_of(user) -> StaffProfile | None:
    return StaffProfile.objects.filter(user=user).first()


def may_review(user) -> bool:
    if not (user.is_active and user.has_perm("content.review_page")):
        return False
    profile = profile_of(user)
    return profile is not None and profile.is_complete


@transaction.atomic
def mark_reviewed(page: Page, *, reviewer, today=None) -> PageReview:
    """Record that ``reviewer`` checked the live copy of ``page`` today."""
    if not reviewer.has_perm("content.review_page"):
        raise PublishingError(
            "Alleen een inhoudelijk deskundige kan een pagina als gecontroleerd markeren.",
            "permission",
        )
    profile = profile_of(reviewer)
    if profile is None or not profile.is_complete:
        raise PublishingError(
            "Vul eerst uw naam op de site en uw beroep in (profiel van een inhoudelijk "
            "deskundige). Die staan onder de pagina die u controleert.",
            "no_profile",
        )
    if not page.live:
        raise PublishingError(
            "Deze pagina heeft nog geen goedgekeurde versie: keur die eerst goed.", "no_live"
        )
    today = today or timezone.localdate()
    interval = page.review_interval_months or 12
    review = PageReview.objects.create(
        page=page,
        version=page.live_version,
        reviewer=reviewer,
        reviewer_name=profile.public_name,
        reviewer_profession=profile.profession,
        reviewed_on=today,
        next_review_due=add_months(today, interval),
    )
    Page.objects.filter(pk=page.pk).update(
        last_review=review, next_review_due=review.next_review_due
    )
    invalidate()
    return review


def due_for_review(today=None):
    """Published pages that need a clinical check: overdue, or never checked."""
    today = today or timezone.localdate()
    return (
        Page.objects.needing_review()
        .filter(Q(next_review_due__isnull=True) | Q(next_review_due__lt=today))
        .order_by("kind", "order", "pk")
    )
