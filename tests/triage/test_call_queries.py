"""The callback desk stays fast as the day fills up: "Vandaag bellen", the queue with its
call columns and a call page take the same number of queries for 4 rows as for 40."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.models import Status
from tests.factories import (
    make_assessment_request,
    make_call_attempt,
    make_callback_request,
    make_staff,
)
from tests.helpers.calls import april, call_url, calls_url

NOW = april(7, 14)
DAYS = [datetime.date(2026, 4, 2), datetime.date(2026, 4, 7)]
PARTS = ["morning", "afternoon", "evening"]


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(NOW, tick=False):
        yield


def make_day(count, staff):
    """``count`` requests of every sort the list shows: late, tried, today's, by phone."""
    for n in range(count):
        if n % 4 == 3:
            request = make_assessment_request(assigned_to=staff, best_moments=PARTS[: n % 3])
        else:
            request = make_callback_request(
                callback_date=DAYS[n % 2],
                callback_daypart=PARTS[n % 3],
                status=Status.IN_PROGRESS,
                assigned_to=staff if n % 2 else None,
                voicemail_allowed=bool(n % 2),
            )
        for _ in range(n % 3):
            make_call_attempt(request, caller=staff)


def queries(client, url, data=None):
    client.get(url, data)  # warm the site facts cache, as in production
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, data)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    ("page", "data"),
    [("calls", None), ("queue", {"status": "alle"}), ("queue", {"bellen": "vandaag"})],
    ids=["vandaag bellen", "queue", "queue filtered on calls"],
)
def test_the_list_takes_the_same_queries_for_4_rows_as_for_40(intake_client, queue_url, page, data):
    url = calls_url() if page == "calls" else queue_url
    staff = make_staff(first_name="Bo")
    make_day(4, staff)
    few = queries(intake_client, url, data)
    make_day(36, staff)
    many = queries(intake_client, url, data)
    print(page, data, few, many, "queries")
    assert few == many, (few, many)
    assert many <= 12


def test_the_call_page_takes_the_same_queries_for_2_attempts_as_for_20(intake_client):
    request = make_callback_request(callback_date=DAYS[1], callback_daypart="morning")
    counts = []
    for attempts in (2, 18):
        for _ in range(attempts):
            make_call_attempt(request, caller=make_staff())
        counts.append(queries(intake_client, call_url(request)))
    assert counts[0] == counts[1]
