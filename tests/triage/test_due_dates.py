"""The due date: the promised number of working days after receipt, skipping weekends
and the Dutch public holidays of the `holidays` package: New Year's Day, Good Friday,
Easter Monday, King's Day, Ascension Day, Whit Monday, Christmas Day and Boxing Day, and
Liberation Day (5 May) only in lustrum years. Not the Algemene termijnenwet's list (which
skips 5 May every year and decreed bridge days)."""

import datetime

import pytest
from django.test import override_settings

from requests_app import workdays
from tests.factories import confirm_fact

AMS = datetime.timezone(datetime.timedelta(hours=1))


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (datetime.date(2026, 11, 30), datetime.date(2026, 12, 3)),  # Monday -> Thursday
        (datetime.date(2026, 12, 3), datetime.date(2026, 12, 8)),  # Thursday -> Tuesday
        (datetime.date(2026, 12, 4), datetime.date(2026, 12, 9)),  # Friday -> Wednesday
        (datetime.date(2026, 12, 5), datetime.date(2026, 12, 9)),  # Saturday -> Wednesday
        (datetime.date(2026, 12, 6), datetime.date(2026, 12, 9)),  # Sunday -> Wednesday
    ],
)
def test_three_working_days_skip_the_weekend(received, due):
    assert workdays.add_working_days(received, 3) == due


def test_christmas_and_new_year_are_not_working_days():
    # Wednesday 23 Dec 2026: Thu 24 (1), Fri 25 and Sat 26 and Sun 27 skipped, Mon 28 (2),
    # Tue 29 (3).
    assert workdays.add_working_days(datetime.date(2026, 12, 23), 3) == datetime.date(2026, 12, 29)
    # Wednesday 30 Dec 2026: Thu 31 (1), Fri 1 Jan skipped, Mon 4 (2), Tue 5 (3).
    assert workdays.add_working_days(datetime.date(2026, 12, 30), 3) == datetime.date(2027, 1, 5)


def test_kings_day_and_ascension_are_skipped():
    assert not workdays.is_working_day(datetime.date(2026, 4, 27))  # Koningsdag, Monday
    assert not workdays.is_working_day(datetime.date(2026, 5, 14))  # Hemelvaartsdag
    assert not workdays.is_working_day(datetime.date(2026, 5, 25))  # Tweede Pinksterdag


def test_good_friday_and_easter_monday_are_skipped():
    assert not workdays.is_working_day(datetime.date(2026, 4, 3))  # Goede Vrijdag
    assert not workdays.is_working_day(datetime.date(2026, 4, 6))  # Tweede Paasdag
    # Thursday 2 April 2026: Fri 3 and Mon 6 skipped, so Tue 7 (1), Wed 8 (2), Thu 9 (3).
    assert workdays.add_working_days(datetime.date(2026, 4, 2), 3) == datetime.date(2026, 4, 9)


def test_kings_day_on_a_sunday_is_kept_on_the_saturday_before():
    # 27 April 2025 was a Sunday: King's Day was Saturday the 26th, a weekend day anyway.
    assert workdays.is_working_day(datetime.date(2025, 4, 28))


def test_liberation_day_is_skipped_only_in_lustrum_years():
    assert not workdays.is_working_day(datetime.date(2025, 5, 5))  # Monday, 80 years
    assert workdays.is_working_day(datetime.date(2026, 5, 5))  # Tuesday: a working day
    assert workdays.is_working_day(datetime.date(2027, 5, 5))  # Wednesday: a working day


def test_bridge_days_and_christmas_eve_are_working_days():
    assert workdays.is_working_day(datetime.date(2026, 5, 15))  # Friday after Ascension
    assert workdays.is_working_day(datetime.date(2026, 12, 24))  # Christmas Eve
    assert workdays.is_working_day(datetime.date(2026, 12, 31))  # New Year's Eve


@override_settings(TRIAGE_SKIP_PUBLIC_HOLIDAYS=False)
def test_public_holidays_can_be_counted_as_working_days():
    assert workdays.is_working_day(datetime.date(2026, 12, 25))
    assert workdays.add_working_days(datetime.date(2026, 12, 23), 3) == datetime.date(2026, 12, 28)


def test_the_due_date_uses_the_local_date_of_receipt():
    # 23:30 UTC on Sunday is already Monday in Amsterdam.
    received = datetime.datetime(2026, 11, 29, 23, 30, tzinfo=datetime.UTC)
    assert workdays.due_date(received, days=3) == datetime.date(2026, 12, 3)


@override_settings(TRIAGE_DEFAULT_RESPONSE_DAYS=2)
def test_the_due_date_uses_an_internal_default_until_the_promise_is_confirmed(db):
    received = datetime.datetime(2026, 11, 30, 9, 0, tzinfo=AMS)  # Monday
    assert workdays.due_date(received) == datetime.date(2026, 12, 2)

    confirm_fact("response_days", 5)
    assert workdays.due_date(received) == datetime.date(2026, 12, 7)


@pytest.mark.parametrize("days", [0, 1, 3, 5, 10])
@pytest.mark.parametrize(
    "today",
    [datetime.date(2026, 12, 9), datetime.date(2026, 12, 28), datetime.date(2027, 1, 4)],
)
def test_the_overdue_cutoff_agrees_with_the_due_date_of_every_day(today, days):
    cutoff = workdays.overdue_cutoff(today, days)
    for back in range(40):
        received = today - datetime.timedelta(days=back)
        moment = datetime.datetime.combine(received, datetime.time(12), tzinfo=AMS)
        overdue = workdays.add_working_days(received, days) < today
        assert (moment < cutoff) == overdue, (received, days)
