"""When we may call a parent back: days and parts of the day on the callback form.

Without confirmed opening hours the form offers the coming working days, each in the
morning or the afternoon, without clock times (nothing the organisation has not said).
Once the organisation confirmed its hours, it offers exactly those: only days that are
open, only the parts of the day that fall within that day's hours, with the times.
"""

import datetime

from django.utils.formats import date_format

from content.facts.hours import NOON, SIX_PM, clock

from .choices import DayPart, label
from .workdays import is_working_day


def _spans(opens: datetime.time, closes: datetime.time):
    return [
        (DayPart.MORNING, opens, min(closes, NOON)),
        (DayPart.AFTERNOON, max(opens, NOON), min(closes, SIX_PM)),
        (DayPart.EVENING, max(opens, SIX_PM), closes),
    ]


def dayparts_on(hours, day: datetime.date) -> dict[str, tuple[datetime.time, datetime.time]]:
    """The parts of the day we can call on ``day``: {daypart: (from, to)}; no hours known:
    morning and afternoon, without times."""
    if hours is None:
        return {DayPart.MORNING.value: None, DayPart.AFTERNOON.value: None}
    span = hours.on(day)
    if span is None:
        return {}
    return {part.value: (start, end) for part, start, end in _spans(*span) if start < end}


def callback_days(today: datetime.date, count: int, hours=None) -> list[datetime.date]:
    """The coming ``count`` working days (from tomorrow) on which we can call."""
    days, day = [], today
    for _ in range(count * 7 + 14):  # a bounded search, even for a week with few hours
        if len(days) == count:
            break
        day += datetime.timedelta(days=1)
        if is_working_day(day) and dayparts_on(hours, day):
            days.append(day)
    return days


def daypart_choices(hours, days) -> list[tuple[str, str]]:
    """One radio per part of the day offered on any of ``days``; with its times when they
    are the same on every day that offers it."""
    spans: dict[str, set] = {}
    for day in days:
        for part, span in dayparts_on(hours, day).items():
            spans.setdefault(part, set()).add(span)
    choices = []
    for part in DayPart:
        if part.value not in spans:
            continue
        found = spans[part.value]
        label = part.label
        if len(found) == 1 and None not in found:
            start, end = next(iter(found))
            label = f"{label} (tussen {clock(start)} en {clock(end)} uur)"
        choices.append((part.value, label))
    return choices


# -- a moment to call, as the callback desk uses it -----------------------------------
# The order of the day, for sorting lists of calls: morning before afternoon before evening.
DAYPART_ORDER = {part.value: i for i, part in enumerate(DayPart)}
# When a part of the day is over for "te laat gebeld". The evening lasts until midnight:
# its call is late from the next day on. Fixed times rather than the confirmed hours, so a
# call is only called late once the part of the day is over whatever the hours say.
DAYPART_ENDS = {DayPart.MORNING.value: NOON, DayPart.AFTERNOON.value: SIX_PM}


def dayparts_over(now: datetime.datetime) -> list[str]:
    """The parts of the day that are over at ``now`` (local time)."""
    return [part for part, end in DAYPART_ENDS.items() if now.time() >= end]


# Short names for the queue's narrow column.
DAYPART_SHORT = {
    DayPart.MORNING.value: "ochtend",
    DayPart.AFTERNOON.value: "middag",
    DayPart.EVENING.value: "avond",
}


def moment_text(day: datetime.date | None, part: str, *, short: bool = False) -> str:
    """ "donderdag 2 april, 's ochtends" (short: "do 2 apr, ochtend"); "" without a day."""
    if day is None:
        return ""
    if short:
        return f"{date_format(day, 'D j b')}, {DAYPART_SHORT.get(part, part)}"
    return f"{date_format(day, 'l j F')}, {label(DayPart, part).lower()}"
