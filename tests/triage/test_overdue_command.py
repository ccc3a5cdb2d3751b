"""`overdue_requests`: the morning list of what is past its due date, without personal data."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from requests_app.models import Status
from tests.factories import make_assessment_request, make_callback_request, make_staff

AMS = datetime.timezone(datetime.timedelta(hours=1))
NOW = datetime.datetime(2026, 12, 9, 7, 0, tzinfo=AMS)  # Wednesday morning


@pytest.fixture(autouse=True)
def _frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def run(*args):
    out = io.StringIO()
    call_command("overdue_requests", *args, stdout=out)
    return out.getvalue()


def test_it_lists_overdue_open_requests_with_due_date_and_assignee(db):
    sanne = make_staff(username="sanne")
    late = make_assessment_request(
        created_at=NOW - datetime.timedelta(days=8),
        assigned_to=sanne,
        contact_name="Ilse Bakker",
        email="ilse@example.org",
    )
    unassigned = make_callback_request(created_at=NOW - datetime.timedelta(days=7), is_urgent=True)
    make_callback_request(created_at=NOW - datetime.timedelta(days=1))  # on time
    make_assessment_request(
        created_at=NOW - datetime.timedelta(days=30),
        status=Status.DONE,
        closed_at=timezone.now(),
    )
    make_callback_request(created_at=NOW - datetime.timedelta(days=30), is_suspected_spam=True)
    output = run()
    lines = output.splitlines()
    assert lines[0] == "2 aanvragen over de termijn op 09-12-2026:"
    assert late.reference in lines[1] and "uiterlijk 04-12-2026" in lines[1]
    assert "toegewezen aan: sanne" in lines[1]
    assert unassigned.reference in lines[2] and "toegewezen aan: niemand" in lines[2]
    assert "SPOED" in lines[2]
    assert len(lines) == 3
    assert "Ilse" not in output and "ilse@" not in output


def test_it_says_so_when_nothing_is_overdue(db):
    make_callback_request()
    assert run() == "Geen aanvragen over de termijn op 09-12-2026.\n"


def test_quiet_prints_nothing_when_nothing_is_overdue_so_cron_sends_no_mail(db):
    make_callback_request()
    assert run("--quiet") == ""
