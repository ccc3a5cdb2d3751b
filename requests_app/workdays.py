"""Working days, the due date of a request and when a request is overdue."""

import datetime
import functools

import holidays
from django.conf import settings
from django.utils import timezone

from .org_facts import org_facts


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


def due_days() -> int:
    """Working days to the due date: the confirmed promise, or staff's own target."""
    return org_facts().due_days


def due_date(received_at: datetime.datetime, days: int | None = None) -> datetime.date:
    days = due_days() if days is None else days
    return add_working_days(timezone.localdate(received_at), days)


def overdue_cutoff(
    today: datetime.date | None = None, days: int | None = None
) -> datetime.datetime:
    """Requests received before this moment are past their due date today.

    The due date only moves forward with the date received, so "overdue" is one
    indexed comparison on ``created_at`` instead of a calculation per row.
    """
    today = today or timezone.localdate()
    days = due_days() if days is None else days
    first_on_time = today
    for _ in range(366):
        earlier = first_on_time - datetime.timedelta(days=1)
        if add_working_days(earlier, days) < today:
            break
        first_on_time = earlier
    return timezone.make_aware(datetime.datetime.combine(first_on_time, datetime.time.min))


def is_overdue(request, cutoff: datetime.datetime | None = None) -> bool:
    """The instance side of ``RequestQuerySet.overdue()``."""
    if not request.is_open:
        return False
    return request.created_at < (cutoff or overdue_cutoff())
