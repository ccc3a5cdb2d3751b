"""Erasure: of a family's requests on request (AVG), and of closed requests whose
retention period has passed. A purge line records each, without personal data."""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .access_log import log_access
from .backup import journal as backup_journal
from .choices import CLOSED_STATUSES, AccessAction, Kind, PurgeReason, Status
from .models import PurgeLogEntry, Request


def erase_requests(requests: Iterable[Request], *, actor, reason: str) -> list[str]:
    """Delete requests with their details, notes and history; keep a purge line each.

    The access log keeps its lines (reference and ids only, no personal data): it is
    the record of who saw what, and must outlive the data it is about.
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
            )
            for r in requests
        )
        if actor is not None:
            log_access(actor, AccessAction.ERASE, requests, "gewist op verzoek (AVG)")
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


def purge_expired(*, now: datetime.datetime | None = None, dry_run: bool = False, batch: int = 200):
    """Erase expired requests; return their (reference, kind) pairs, oldest first."""
    found = list(expired_requests(now).only("pk", "reference", "kind", "created_at", "closed_at"))
    if not dry_run:
        for start in range(0, len(found), batch):
            erase_requests(found[start : start + batch], actor=None, reason=PurgeReason.RETENTION)
    return [(r.reference, r.kind) for r in found]
