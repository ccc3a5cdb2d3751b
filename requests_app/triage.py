"""What staff do with a request, in one place: the admin, its bulk actions and the
commands all change requests through these functions, so every change is checked
against the flow, recorded in the history and written to the access log.

Also here: the working-day due date, the queue's phone search, erasure (AVG) and
retention. Finding a family's requests is ``Request.objects.family()``.
"""

import datetime
import functools
import re
from collections.abc import Iterable

import holidays
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .backup import journal as backup_journal
from .fields import normalise_phone
from .models import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    AccessAction,
    AccessLogEntry,
    EventType,
    InternalNote,
    Kind,
    Priority,
    PurgeLogEntry,
    Request,
    RequestEvent,
    Status,
    may_move,
    next_statuses,
)

# ---------------------------------------------------------------------------
# Working days and the due date
# ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=32)
def _public_holidays(year: int) -> frozenset[datetime.date]:
    # The `holidays` package's Dutch calendar, as many employers keep it: New Year's Day,
    # Good Friday, Easter Monday, King's Day (27 April, the 26th when the 27th is a
    # Sunday), Ascension Day, Whit Monday, Christmas Day and Boxing Day; Liberation Day
    # (5 May) only in lustrum years (2025, 2030). Easter and Whit Sunday fall on a
    # weekend anyway. This is not the Algemene termijnenwet's list, which also skips
    # 5 May every year and, by decree, bridge days such as the Friday after Ascension.
    return frozenset(holidays.country_holidays("NL", years=year).keys())


def is_working_day(day: datetime.date) -> bool:
    if day.weekday() >= 5:
        return False
    return not (settings.TRIAGE_SKIP_PUBLIC_HOLIDAYS and day in _public_holidays(day.year))


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date `days` working days after `start` (the day itself does not count)."""
    day = start
    remaining = days
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def confirmed_response_days() -> int | None:
    """The response time the organisation confirmed (and parents are promised), or None."""
    from content.cache import get_site_context

    return get_site_context().facts.response_days


def response_days() -> int:
    """Working days until a request is due: the confirmed promise, else the internal
    default (TRIAGE_DEFAULT_RESPONSE_DAYS), which staff see labelled as such."""
    confirmed = confirmed_response_days()
    return settings.TRIAGE_DEFAULT_RESPONSE_DAYS if confirmed is None else confirmed


def due_date(received_at: datetime.datetime, days: int | None = None) -> datetime.date:
    days = response_days() if days is None else days
    return add_working_days(timezone.localdate(received_at), days)


def overdue_cutoff(
    today: datetime.date | None = None, days: int | None = None
) -> datetime.datetime:
    """Requests received before this moment are past their due date today.

    The due date only moves forward with the date received, so "overdue" is one
    indexed comparison on ``created_at`` instead of a calculation per row.
    """
    today = today or timezone.localdate()
    days = response_days() if days is None else days
    first_on_time = today
    for _ in range(366):
        earlier = first_on_time - datetime.timedelta(days=1)
        if add_working_days(earlier, days) < today:
            break
        first_on_time = earlier
    return timezone.make_aware(datetime.datetime.combine(first_on_time, datetime.time.min))


def is_overdue(request: Request, cutoff: datetime.datetime | None = None) -> bool:
    if request.status not in OPEN_STATUSES:
        return False
    cutoff = cutoff or overdue_cutoff()
    return request.created_at < cutoff


# ---------------------------------------------------------------------------
# The access log (NEN 7513): who looked at or changed which request
# ---------------------------------------------------------------------------


def log_access(user, action: str, requests, detail: str = "") -> None:
    """Append one line per request; `requests` is one Request or several."""
    if isinstance(requests, Request):
        requests = [requests]
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(
            user=user,
            action=action,
            request_id_value=r.pk,
            reference=r.reference,
            detail=detail[:200],
        )
        for r in requests
    )


# ---------------------------------------------------------------------------
# Status, assignment, priority, notes
# ---------------------------------------------------------------------------


def status_label(value: str) -> str:
    try:
        return Status(value).label
    except ValueError:
        return value


def transition_refusal(current: str, new: str) -> str:
    """A Dutch sentence saying why a status change is not allowed, and what is."""
    allowed = sorted(next_statuses(current), key=list(Status).index)
    options = ", ".join(f"‘{status_label(s)}’" for s in allowed)
    return (
        f"Een aanvraag met status ‘{status_label(current)}’ kan niet naar "
        f"‘{status_label(new)}’. Wel mogelijk: {options}."
    )


class TransitionError(ValueError):
    def __init__(self, current: str, new: str):
        self.current = current
        self.new = new
        super().__init__(transition_refusal(current, new))


def _locked(request: Request) -> Request:
    return Request.objects.select_for_update().get(pk=request.pk)


@transaction.atomic
def change_status(request: Request, new_status: str, *, actor) -> bool:
    """Move a request along the flow; False when it already had that status.

    Every status change goes through here, so the spam flag follows the status: "spam"
    sets it, and any other status given to a flagged request clears it (staff working a
    request have judged it real). Cleared, the request is back in the queue, in the
    counts and in the retry of its e-mail notifications.
    """
    current = _locked(request)
    old = current.status
    if new_status == old:
        return False
    if not may_move(old, new_status):
        raise TransitionError(old, new_status)
    now = timezone.now()
    changes = {"status": new_status, "status_changed_at": now, "updated_at": now}
    if new_status in CLOSED_STATUSES:
        # Retention counts from here; reopening (below) starts the clock again later.
        changes["closed_at"] = now
    else:
        changes["closed_at"] = None
    cleared_spam_flag = current.is_suspected_spam and new_status != Status.SPAM
    if new_status == Status.SPAM or cleared_spam_flag:
        changes["is_suspected_spam"] = new_status == Status.SPAM
    Request.objects.filter(pk=request.pk).update(**changes)
    for field, value in changes.items():
        setattr(request, field, value)
    _record_change(
        request, actor, now, EventType.STATUS, old, new_status, f"status: {old} → {new_status}"
    )
    if cleared_spam_flag:
        _record_not_spam(request, actor=actor, at=now)
    return True


def _record_change(request, actor, at, event_type, from_value, to_value, detail) -> None:
    """One line in the request's history and one in the access log (codes, no parent text)."""
    RequestEvent.objects.create(
        request_id=request.pk,
        at=at,
        actor=actor,
        type=event_type,
        from_value=from_value,
        to_value=to_value,
    )
    log_access(actor, AccessAction.CHANGE, request, detail)


def _record_not_spam(request: Request, *, actor, at) -> None:
    _record_change(
        request, actor, at, EventType.SPAM, "vermoedelijk spam", "geen spam", "geen spam"
    )


@transaction.atomic
def assign(request: Request, user, *, actor) -> bool:
    """Give a request to a staff member (or to nobody with user=None)."""
    current = _locked(request)
    if current.assigned_to_id == (user.pk if user else None):
        return False
    old_name = current.assigned_to.get_username() if current.assigned_to_id else ""
    new_name = user.get_username() if user else ""
    now = timezone.now()
    Request.objects.filter(pk=request.pk).update(assigned_to=user, updated_at=now)
    request.assigned_to = user
    _record_change(request, actor, now, EventType.ASSIGNED, old_name, new_name, "toegewezen")
    return True


@transaction.atomic
def set_priority(request: Request, priority: int, *, actor) -> bool:
    current = _locked(request)
    old = current.priority
    priority = int(priority)
    if old == priority:
        return False
    now = timezone.now()
    Request.objects.filter(pk=request.pk).update(priority=priority, updated_at=now)
    request.priority = priority
    _record_change(request, actor, now, EventType.PRIORITY, str(old), str(priority), "prioriteit")
    return True


@transaction.atomic
def add_note(request: Request, text: str, *, author) -> InternalNote:
    text = text.strip()
    if not text:
        raise ValueError("Een lege notitie wordt niet bewaard.")
    note = InternalNote.objects.create(request_id=request.pk, author=author, text=text)
    # The event points at the note; the note's text lives only in the note.
    RequestEvent.objects.create(
        request_id=request.pk,
        at=note.created_at,
        actor=author,
        type=EventType.NOTE,
        to_value=str(note.pk),
    )
    log_access(author, AccessAction.CHANGE, request, "notitie toegevoegd")
    return note


def mark_spam(request: Request, *, actor) -> bool:
    """Staff confirm that a request is spam: it closes, is flagged and leaves the queue."""
    return change_status(request, Status.SPAM, actor=actor)


@transaction.atomic
def mark_not_spam(request: Request, *, actor) -> bool:
    """A request flagged (or marked) as spam wrongly goes back into the queue."""
    current = _locked(request)
    if current.status == Status.SPAM:
        # Back to "nieuw"; change_status clears the flag and records it.
        return change_status(request, Status.NEW, actor=actor)
    if not current.is_suspected_spam:
        return False
    now = timezone.now()
    Request.objects.filter(pk=request.pk).update(is_suspected_spam=False, updated_at=now)
    request.is_suspected_spam = False
    _record_not_spam(request, actor=actor, at=now)
    return True


# ---------------------------------------------------------------------------
# Phone search, and erasing a family's requests (AVG: right to erasure)
# ---------------------------------------------------------------------------


_PHONE_LIKE = re.compile(r"\+?[\d\s\-().]+")


def phone_in_search(term: str) -> str:
    """The stored (E.164) form of a phone number typed in the queue's search box, or ''.

    Only digits and the usual separators count: phonenumbers reads letters as keypad
    digits, and a reference ("OZ-2026-00042") or a name must stay a text search.
    """
    term = (term or "").strip()
    if not _PHONE_LIKE.fullmatch(term) or sum(ch.isdigit() for ch in term) < 9:
        return ""
    return normalise_phone(term) or ""


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


# ---------------------------------------------------------------------------
# Retention
# ---------------------------------------------------------------------------


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
            erase_requests(
                found[start : start + batch], actor=None, reason=PurgeLogEntry.Reason.RETENTION
            )
    return [(r.reference, r.kind) for r in found]


# ---------------------------------------------------------------------------
# Labels for the history
# ---------------------------------------------------------------------------


def event_summary(event: RequestEvent) -> str:
    """One line of history in plain Dutch (the note's text is shown separately)."""
    if event.type == EventType.STATUS:
        return f"Status: {status_label(event.from_value)} → {status_label(event.to_value)}"
    if event.type == EventType.ASSIGNED:
        return f"Toegewezen aan: {event.to_value or 'niemand'}" + (
            f" (was: {event.from_value})" if event.from_value else ""
        )
    if event.type == EventType.PRIORITY:
        return (
            f"Prioriteit: {_priority_label(event.from_value)} → {_priority_label(event.to_value)}"
        )
    if event.type == EventType.NOTE:
        return "Interne notitie"
    if event.type == EventType.SPAM:
        if not event.from_value:
            return f"Spam: {event.to_value}"
        return f"Spam: {event.from_value} → {event.to_value}"
    if event.type == EventType.NOTIFY:
        to = {"intake": "het intaketeam", "ouder": "de ouder"}.get(event.from_value)
        return f"E-mail{f' aan {to}' if to else ''}: {event.to_value}"
    if event.type == EventType.CREATED:
        return "Aanvraag ontvangen"
    parts = [event.get_type_display()]
    if event.to_value:
        parts.append(event.to_value)
    return ": ".join(parts)


def _priority_label(value: str) -> str:
    try:
        return Priority(int(value)).label
    except (TypeError, ValueError):
        return value
