"""What waits for whom in content: facts to confirm, versions to approve, reviews due.

One home for these lists: the admin index shows them, and ``content_review_due`` mails
the reviews that are due.
"""

from dataclasses import dataclass

from .models import Fact, Version
from .reviews import due_for_review


@dataclass(frozen=True)
class Work:
    facts_to_confirm: list
    versions_to_approve: list  # (version, wrote_it)
    my_pending: list
    reviews_due: list

    def __bool__(self):
        return any(
            (self.facts_to_confirm, self.versions_to_approve, self.my_pending, self.reviews_due)
        )


def facts_to_confirm() -> list[Fact]:
    """Facts with a proposal nobody confirmed yet (an empty concept needs no one)."""
    return [
        fact
        for fact in Fact.objects.order_by("pk")
        if fact.state != Fact.State.CONFIRMED and fact.value not in (None, "", [], {})
    ]


def pending_versions():
    return Version.objects.filter(state=Version.State.PENDING).select_related("page", "author")


def work_for(user) -> Work:
    pending = list(pending_versions()) if user.has_perm("content.view_version") else []
    may_approve = user.has_perm("content.approve_version")
    from .publishing import authors_since_live

    return Work(
        facts_to_confirm=facts_to_confirm() if user.has_perm("content.confirm_fact") else [],
        versions_to_approve=(
            [(v, user.pk in authors_since_live(v)) for v in pending] if may_approve else []
        ),
        my_pending=[v for v in pending if v.author_id == user.pk] if not may_approve else [],
        reviews_due=list(due_for_review()) if user.has_perm("content.review_page") else [],
    )
