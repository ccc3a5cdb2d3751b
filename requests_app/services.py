"""The only code that changes a request after it arrived.

The admin, its bulk actions and the commands all go through these functions, so every
change is checked against the flow, written to the request's history (``RequestEvent``)
and to the access log (NEN 7513). Keyword-only actors; each function is one transaction.
"""

from django.db import transaction
from django.utils import timezone

from .access_log import log_access
from .choices import (
    CLOSED_STATUSES,
    AccessAction,
    EventType,
    SpamMark,
    Status,
    label,
    may_move,
    next_statuses,
)
from .models import InternalNote, Request, RequestEvent


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
    return True


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
