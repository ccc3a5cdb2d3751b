"""Erasure: of a family's requests on request (AVG), of closed requests whose retention
period has passed, and of suspected spam nobody reviewed. A purge line records each,
without personal data. Open requests have a ceiling too: those nobody touched for
RETENTION_DAYS_STALE days are listed for the coordinator (``stale_requests``)."""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from .access_log import log_access
from .backup import journal as backup_journal
from .choices import CLOSED_STATUSES, AccessAction, Kind, PurgeReason, Status
from .models import PurgeLogEntry, Request


def erase_requests(
    requests: Iterable[Request],
    *,
    actor,
    reason: str,
    identity_check: str = "",
    log_detail: str = "gewist op verzoek (AVG)",
) -> list[str]:
    """Delete requests with their details, notes and history; keep a purge line each.

    The access log keeps its lines (reference and ids only, no personal data): it is
    the record of who saw what, and must outlive the data it is about. An erasure on
    request records how the asker's identity was checked (a code) in both logs.
    """
    requests = list(requests)
    if not requests:
        return []
    performed_by = actor.get_username() if actor is not None else "systeem"
    with transaction.atomic():
        PurgeLogEntry.objects.bulk_create(
            PurgeLogEntry(
                reference=r.reference,
                kind=r.kind,
                received_at=r.created_at,
                closed_at=r.closed_at,
                reason=reason,
                performed_by=performed_by,
                identity_check=identity_check,
            )
            for r in requests
        )
        if actor is not None:
            log_access(actor, AccessAction.ERASE, requests, log_detail)
        backup_journal.erased(requests, reason=reason)  # after commit: survives a restore
        # Deleting the base row removes the kind's row, the notes and the events too.
        Request.objects.filter(pk__in=[r.pk for r in requests]).delete()
    return [r.reference for r in requests]


def retention_periods() -> dict[str, datetime.timedelta]:
    return {
        Kind.ASSESSMENT: datetime.timedelta(days=settings.RETENTION_DAYS_ASSESSMENT),
        Kind.CALLBACK: datetime.timedelta(days=settings.RETENTION_DAYS_CALLBACK),
    }


def expired_requests(now: datetime.datetime | None = None):
    """Closed requests whose retention period, counted from closing, has passed."""
    now = now or timezone.now()
    closed_not_spam = CLOSED_STATUSES - {Status.SPAM}
    q = Q(
        status=Status.SPAM,
        closed_at__lt=now - datetime.timedelta(days=settings.RETENTION_DAYS_SPAM),
    )
    for kind, period in retention_periods().items():
        q |= Q(kind=kind, status__in=closed_not_spam, closed_at__lt=now - period)
    return Request.objects.filter(closed_at__isnull=False).filter(q).order_by("closed_at", "pk")


def spam_period() -> datetime.timedelta:
    return datetime.timedelta(days=settings.RETENTION_DAYS_SPAM)


def unreviewed_spam(now: datetime.datetime | None = None):
    """Suspected spam no staff member acted on, RETENTION_DAYS_SPAM days after it arrived.

    A flood over the rate limit is stored (a parent among the robots is never lost), so
    without this it would stay forever; a person has had the period to look at it.
    """
    now = now or timezone.now()
    return (
        Request.objects.never_reviewed()
        .filter(created_at__lt=now - spam_period())
        .order_by("created_at", "pk")
    )


def spam_erased_soon(now: datetime.datetime | None = None, days: int = 7):
    """Unreviewed spam that `purge_requests` will erase within `days` days."""
    now = now or timezone.now()
    cutoff = now - spam_period() + datetime.timedelta(days=days)
    return Request.objects.never_reviewed().filter(created_at__lt=cutoff).order_by("created_at")


def stale_requests(now: datetime.datetime | None = None):
    """Open requests nobody touched for RETENTION_DAYS_STALE days (oldest first)."""
    now = now or timezone.now()
    moment = now - datetime.timedelta(days=settings.RETENTION_DAYS_STALE)
    return (
        Request.objects.open()
        .untouched_since(moment)
        .annotate(last_staff_event=Max("events__at", filter=Q(events__actor__isnull=False)))
        .order_by("created_at", "pk")
    )


_PURGE_FIELDS = ("pk", "reference", "kind", "created_at", "closed_at")


def purge_expired(*, now: datetime.datetime | None = None, dry_run: bool = False, batch: int = 200):
    """Erase expired requests and unreviewed spam; return their (reference, kind) pairs."""
    groups = [
        (PurgeReason.RETENTION, list(expired_requests(now).only(*_PURGE_FIELDS))),
        (PurgeReason.SPAM_UNSEEN, list(unreviewed_spam(now).only(*_PURGE_FIELDS))),
    ]
    if not dry_run:
        for reason, found in groups:
            for start in range(0, len(found), batch):
                erase_requests(found[start : start + batch], actor=None, reason=reason)
    return [(r.reference, r.kind) for _reason, found in groups for r in found]
