"""The only code that changes a request after it arrived.

The admin, its bulk actions and the commands all go through these functions, so every
change is checked against the flow, written to the request's history (``RequestEvent``)
and to the access log (NEN 7513). Keyword-only actors; each function is one transaction.
The callback desk's changes (a call attempt, a new moment) are here too, at the end.
"""

import datetime
import functools

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from .access_log import log_access
from .calls import CALLING_STATUSES, NOTE_MAX, CallAttempt
from .choices import (
    CLOSED_STATUSES,
    CONTACT_OUTCOMES,
    AccessAction,
    CallOutcome,
    DayPart,
    EventType,
    NotifyState,
    SpamMark,
    Status,
    label,
    may_move,
    next_statuses,
)
from .models import CallbackRequest, InternalNote, Request, RequestEvent
from .notifications import send_soon
from .workdays import is_working_day


def transition_refusal(current: str, new: str) -> str:
    """A Dutch sentence saying why a status change is not allowed, and what is."""
    allowed = sorted(next_statuses(current), key=list(Status).index)
    options = ", ".join(f"‘{label(Status, s)}’" for s in allowed)
    return (
        f"Een aanvraag met status ‘{label(Status, current)}’ kan niet naar "
        f"‘{label(Status, new)}’. Wel mogelijk: {options}."
    )


class TransitionError(ValueError):
    def __init__(self, current: str, new: str):
        self.current = current
        self.new = new
        super().__init__(transition_refusal(current, new))


def record_event(
    request, event_type, *, actor=None, at=None, from_value="", to_value="", detail=""
):
    """One line in the request's history: codes and names, never what the parent wrote."""
    return RequestEvent.objects.create(
        request_id=request.pk,
        at=at or timezone.now(),
        actor=actor,
        type=event_type,
        from_value=from_value,
        to_value=to_value,
        detail=detail[:60],
    )


def _record_change(request, actor, at, event_type, from_value, to_value, detail) -> None:
    """A staff change: one line in the history and one in the access log."""
    record_event(request, event_type, actor=actor, at=at, from_value=from_value, to_value=to_value)
    log_access(actor, AccessAction.CHANGE, request, detail)


def _locked(request: Request) -> Request:
    return Request.objects.select_for_update().get(pk=request.pk)


def _update(request: Request, **changes) -> None:
    Request.objects.filter(pk=request.pk).update(**changes)
    for field, value in changes.items():
        setattr(request, field, value)


@transaction.atomic
def change_status(request: Request, new_status: str, *, actor) -> bool:
    """Move a request along the flow; False when it already had that status.

    The spam flag follows the status: "spam" sets it, and any other status given to a
    flagged request clears it (staff working a request have judged it real). Cleared,
    the request is back in the queue, in the counts and in the retry of its e-mails.
    """
    old = _locked(request)
    if new_status == old.status:
        return False
    if not may_move(old.status, new_status):
        raise TransitionError(old.status, new_status)
    now = timezone.now()
    # Retention counts from closing; reopening starts the clock again later.
    changes = {
        "status": new_status,
        "status_changed_at": now,
        "updated_at": now,
        "closed_at": now if new_status in CLOSED_STATUSES else None,
    }
    cleared_spam_flag = old.is_suspected_spam and new_status != Status.SPAM
    if new_status == Status.SPAM or cleared_spam_flag:
        changes["is_suspected_spam"] = new_status == Status.SPAM
    _update(request, **changes)
    _record_change(
        request,
        actor,
        now,
        EventType.STATUS,
        old.status,
        new_status,
        f"status: {old.status} → {new_status}",
    )
    if cleared_spam_flag:
        _record_not_spam(request, actor=actor, at=now)
    if new_status == Status.UNREACHED and old.email:
        _mail_after_commit(request)
    return True


def _mail_after_commit(request: Request) -> None:
    """Have notifications look at the request again once this transaction commits.

    Moving to "niet bereikt" may owe the parent a short e-mail; whether it does, and what
    it says, is decided there (notifications.may_mail_unreached). Pending again, with a
    fresh count of tries, so retry_notifications sends it if this process cannot.
    """
    Request.objects.filter(pk=request.pk).update(
        notify_state=NotifyState.PENDING, notify_attempts=0
    )
    transaction.on_commit(functools.partial(send_soon, request_id=request.pk), robust=True)


def _record_not_spam(request: Request, *, actor, at) -> None:
    _record_change(
        request, actor, at, EventType.SPAM, SpamMark.SUSPECTED, SpamMark.NOT_SPAM, "geen spam"
    )


@transaction.atomic
def assign(request: Request, user, *, actor) -> bool:
    """Give a request to a staff member (or to nobody with user=None)."""
    old = _locked(request)
    if old.assigned_to_id == (user.pk if user else None):
        return False
    old_name = old.assigned_to.get_username() if old.assigned_to_id else ""
    new_name = user.get_username() if user else ""
    now = timezone.now()
    _update(request, assigned_to=user, updated_at=now)
    _record_change(request, actor, now, EventType.ASSIGNED, old_name, new_name, "toegewezen")
    return True


@transaction.atomic
def set_priority(request: Request, priority: int, *, actor) -> bool:
    old = _locked(request).priority
    priority = int(priority)
    if old == priority:
        return False
    now = timezone.now()
    _update(request, priority=priority, updated_at=now)
    _record_change(request, actor, now, EventType.PRIORITY, str(old), str(priority), "prioriteit")
    return True


@transaction.atomic
def add_note(request: Request, text: str, *, author) -> InternalNote:
    text = text.strip()
    if not text:
        raise ValueError("Een lege notitie wordt niet bewaard.")
    note = InternalNote.objects.create(request_id=request.pk, author=author, text=text)
    # The event points at the note; the note's text lives only in the note.
    record_event(request, EventType.NOTE, actor=author, at=note.created_at, to_value=str(note.pk))
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
    _update(request, is_suspected_spam=False, updated_at=now)
    _record_not_spam(request, actor=actor, at=now)
    return True


# -- the callback desk -----------------------------------------------------------------


class CallRefused(ValueError):
    """A call attempt or moment that cannot be recorded; ``field`` is where the Dutch
    message belongs on the form."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(message)


VOICEMAIL_REFUSED = (
    "Deze ouder wil geen bericht op de voicemail. Spreek niets in en kies ‘Geen gehoor’."
)
# After contact a request is "contact opgenomen", unless it is further along already.
_CONTACT_FROM = CALLING_STATUSES | {Status.UNREACHED}
_UNREACHED_FROM = CALLING_STATUSES | {Status.CONTACTED}


def _tries_without_contact(request: Request) -> int:
    """Attempts without contact since the last contact or the last move to "niet bereikt"."""
    attempts = CallAttempt.objects.filter(request_id=request.pk)
    marks = [
        attempts.filter(outcome__in=CONTACT_OUTCOMES).order_by("-at").values_list("at").first(),
        RequestEvent.objects.filter(
            request_id=request.pk, type=EventType.STATUS, to_value=Status.UNREACHED
        )
        .order_by("-at")
        .values_list("at")
        .first(),
    ]
    since = max((mark[0] for mark in marks if mark), default=None)
    failed = attempts.exclude(outcome__in=CONTACT_OUTCOMES)
    return (failed.filter(at__gt=since) if since else failed).count()


def _status_after_call(request: Request, status: str, attempt: CallAttempt) -> str:
    if attempt.is_contact:
        return Status.CONTACTED if status in _CONTACT_FROM else status
    gave_up = attempt.outcome == CallOutcome.WRONG_NUMBER or (
        _tries_without_contact(request) >= settings.CALL_ATTEMPTS_BEFORE_UNREACHED
    )
    if gave_up and status in _UNREACHED_FROM:
        return Status.UNREACHED
    # Somebody called: the request is being worked on.
    return Status.IN_PROGRESS if status == Status.NEW else status


@transaction.atomic
def record_call_attempt(request: Request, outcome: str, *, actor, note: str = "") -> CallAttempt:
    """Record a call to (or from) the parent, and move the request along the flow:
    contact makes it "contact opgenomen"; a wrong number, or CALL_ATTEMPTS_BEFORE_UNREACHED
    attempts in a row without contact, make it "niet bereikt" (with its e-mail rules)."""
    current = _locked(request)
    outcome = CallOutcome(outcome)
    if outcome == CallOutcome.VOICEMAIL and not current.voicemail_allowed:
        raise CallRefused("outcome", VOICEMAIL_REFUSED)
    now = timezone.now()
    attempt = CallAttempt.objects.create(
        request_id=request.pk, at=now, caller=actor, outcome=outcome, note=note.strip()[:NOTE_MAX]
    )
    # The event points at the attempt; its note lives only on the attempt.
    record_event(
        request, EventType.CALL, actor=actor, at=now, to_value=outcome, detail=str(attempt.pk)
    )
    log_access(actor, AccessAction.CHANGE, request, f"belpoging: {outcome.label.lower()}")
    new_status = _status_after_call(request, current.status, attempt)
    if new_status != current.status and may_move(current.status, new_status):
        change_status(request, new_status, actor=actor)
    return attempt


def moment_code(day: datetime.date | None, daypart: str) -> str:
    """A moment in a history line: "2026-04-07 afternoon" (codes, see history.py)."""
    return f"{day.isoformat()} {daypart}" if day else ""


def _moment_now(current: Request) -> tuple[datetime.date | None, str]:
    if current.agreed_call_date:
        return current.agreed_call_date, current.agreed_call_daypart
    chosen = CallbackRequest.objects.filter(pk=current.pk).values_list(
        "callback_date", "callback_daypart"
    )
    return chosen.first() or (None, "")


def refuse_moment(day: datetime.date, today: datetime.date) -> str:
    """Why staff cannot agree this day ("" when they can): Dutch, for beside the field."""
    if day < today:
        return "Deze dag is al voorbij. Kies vandaag of een latere dag."
    if not is_working_day(day):
        return (
            f"Op {date_format(day, 'l j F')} bellen wij niet: het is weekend of een "
            "feestdag. Kies een werkdag."
        )
    return ""


@transaction.atomic
def agree_new_moment(request: Request, day: datetime.date, daypart: str, *, actor) -> bool:
    """Replace the moment to call with one agreed with the parent; False if it is the same.

    A request that was "niet bereikt" is worked on again ("in behandeling"): it has a
    moment now, and appears on "Vandaag bellen" when that moment comes.
    """
    daypart = DayPart(daypart)
    refusal = refuse_moment(day, timezone.localdate())
    if refusal:
        raise CallRefused("day", refusal)
    current = _locked(request)
    old = _moment_now(current)
    if old == (day, daypart):
        return False
    now = timezone.now()
    _update(
        request, agreed_call_date=day, agreed_call_daypart=daypart, agreed_at=now, updated_at=now
    )
    _record_change(
        request,
        actor,
        now,
        EventType.MOMENT,
        moment_code(*old),
        moment_code(day, daypart),
        "belmoment afgesproken",
    )
    if current.status == Status.UNREACHED:
        change_status(request, Status.IN_PROGRESS, actor=actor)
    return True
