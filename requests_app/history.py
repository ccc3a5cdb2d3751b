"""A request's history as staff read it: one plain Dutch line per event."""

import datetime

from .choices import (
    CallOutcome,
    EventType,
    NotifyOutcome,
    Priority,
    Recipient,
    SpamMark,
    Status,
    label,
)
from .moments import moment_text


def _priority_label(value: str) -> str:
    try:
        return Priority(int(value)).label
    except (TypeError, ValueError):
        return value


def _notify_summary(event) -> str:
    to = label(Recipient, event.from_value, default="") if event.from_value else ""
    outcome = label(NotifyOutcome, event.to_value)
    if event.detail:
        outcome = f"{outcome}: {event.detail}"
    return f"E-mail{f' aan {to}' if to else ''}: {outcome}"


def _spam_summary(event) -> str:
    to = label(SpamMark, event.to_value)
    if not event.from_value:
        return f"Spam: {to}"
    return f"Spam: {label(SpamMark, event.from_value)} → {to}"


def _moment(code: str) -> str:
    """A moment's code ("2026-04-07 afternoon", services.moment_code) in words."""
    day, _, part = code.partition(" ")
    try:
        return moment_text(datetime.date.fromisoformat(day), part)
    except ValueError:
        return code


def _moment_summary(event) -> str:
    text = f"Nieuw belmoment afgesproken: {_moment(event.to_value)}"
    return text + (f" (was: {_moment(event.from_value)})" if event.from_value else "")


def event_summary(event) -> str:
    """One line of history in plain Dutch (the note's text is shown separately)."""
    if event.type == EventType.STATUS:
        return f"Status: {label(Status, event.from_value)} → {label(Status, event.to_value)}"
    if event.type == EventType.ASSIGNED:
        return f"Toegewezen aan: {event.to_value or 'niemand'}" + (
            f" (was: {event.from_value})" if event.from_value else ""
        )
    if event.type == EventType.PRIORITY:
        old, new = _priority_label(event.from_value), _priority_label(event.to_value)
        return f"Prioriteit: {old} → {new}"
    if event.type == EventType.NOTE:
        return "Interne notitie"
    if event.type == EventType.SPAM:
        return _spam_summary(event)
    if event.type == EventType.NOTIFY:
        return _notify_summary(event)
    if event.type == EventType.CALL:
        return f"Belpoging: {label(CallOutcome, event.to_value)}"
    if event.type == EventType.MOMENT:
        return _moment_summary(event)
    if event.type == EventType.CREATED:
        return "Aanvraag ontvangen"
    return ": ".join(p for p in (label(EventType, event.type), event.to_value) if p)


def timeline(request) -> list[dict]:
    """The request's history with each note beside its event, oldest first.

    Notes written without an event (imported, say) still show, in time order.
    """
    notes = {n.pk: n for n in request.notes.select_related("author")}
    # A call attempt's short note, beside its event (services.record_call_attempt).
    call_notes = {c.pk: c.note for c in request.call_attempts.exclude(note="")}
    shown = set()
    items = []
    for event in request.events.select_related("actor"):
        note = None
        if event.type == EventType.NOTE and event.to_value.isdigit():
            note = notes.get(int(event.to_value))
            shown.add(getattr(note, "pk", None))
        call_note = ""
        if event.type == EventType.CALL and event.detail.isdigit():
            call_note = call_notes.get(int(event.detail), "")
        items.append(
            {
                "at": event.at,
                "actor": event.actor,
                "summary": event_summary(event),
                "note": note,
                "call_note": call_note,
            }
        )
    items += [
        {
            "at": n.created_at,
            "actor": n.author,
            "summary": "Interne notitie",
            "note": n,
            "call_note": "",
        }
        for pk, n in notes.items()
        if pk not in shown
    ]
    items.sort(key=lambda item: item["at"])
    return items
