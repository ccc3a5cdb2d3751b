"""The queue: one list of both kinds, opening on what still needs work, with every filter."""

import datetime
import re

import pytest
import time_machine
from django.utils import timezone

from requests_app import workdays
from requests_app.models import NotifyState, Priority, Status
from tests.factories import make_assessment_request, make_callback_request, make_staff
from tests.helpers.triage import references

AMS = datetime.timezone(datetime.timedelta(hours=1))
# A Wednesday in winter (CET); three working days after Monday 30 November is Thursday.
NOW = datetime.datetime(2026, 12, 9, 10, 0, tzinfo=AMS)


@pytest.fixture(autouse=True)
def _frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def at(days_ago, hour=9):
    return (NOW - datetime.timedelta(days=days_ago)).replace(hour=hour)


def test_the_queue_shows_both_kinds_in_one_list(intake_client, queue_url):
    a = make_assessment_request()
    c = make_callback_request()
    response = intake_client.get(queue_url)
    assert response.status_code == 200
    assert set(references(response)) == {a.reference, c.reference}
    assert '<td class="field-kind_short">Onderzoek</td>' in response.text
    assert '<td class="field-kind_short">Terugbellen</td>' in response.text


def test_the_queue_opens_on_open_requests_only(intake_client, queue_url):
    new = make_assessment_request()
    busy = make_callback_request(status=Status.CONTACTED)
    done = make_assessment_request(status=Status.DONE, closed_at=timezone.now())
    spam = make_callback_request(status=Status.SPAM, closed_at=timezone.now())
    response = intake_client.get(queue_url)
    assert set(references(response)) == {new.reference, busy.reference}
    assert done.reference not in response.text and spam.reference not in response.text


def test_suspected_spam_is_kept_out_of_the_normal_queue(intake_client, queue_url):
    real = make_assessment_request()
    flagged = make_assessment_request(is_suspected_spam=True, spam_reasons=["honeypot"])
    assert references(intake_client.get(queue_url)) == [real.reference]
    assert references(intake_client.get(queue_url, {"spam": "ja"})) == [flagged.reference]
    assert set(references(intake_client.get(queue_url, {"spam": "alle"}))) == {
        real.reference,
        flagged.reference,
    }


def test_urgent_requests_come_first_then_the_newest(intake_client, queue_url):
    old = make_assessment_request(created_at=at(3))
    newest = make_callback_request(created_at=at(0))
    urgent_old = make_assessment_request(created_at=at(5), is_urgent=True)
    raised = make_callback_request(created_at=at(4), priority=Priority.URGENT)
    assert references(intake_client.get(queue_url)) == [
        raised.reference,
        urgent_old.reference,
        newest.reference,
        old.reference,
    ]


def test_a_parent_reporting_danger_gets_top_priority(db):
    request = make_assessment_request(is_urgent=True)
    assert request.priority == Priority.URGENT


def test_the_queue_shows_the_columns_staff_need(intake_client, queue_url, intake):
    make_assessment_request(created_at=at(7), is_urgent=True, assigned_to=intake)
    response = intake_client.get(queue_url)
    headings = re.findall(r'<div class="text">(?:<a [^>]*>|<span>)([^<]+)<', response.text)
    assert headings == [
        "Referentie",
        "Soort",
        "Naam",
        "Ontvangen",
        "Spoed",
        "Status",
        "Toegewezen",
        "Uiterlijk",
        "Bellen",
    ]
    # Received Wednesday 2 Dec at 9:00; 3 working days later is Monday 7 Dec: now overdue.
    assert "07-12-2026" in response.text
    assert "Te laat" in response.text
    assert "Sanne de Vries" in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "new"}, {"new"}),
        ({"status": "contacted"}, {"contacted"}),
        ({"status": "done"}, {"done"}),
        ({"status": "afgesloten"}, {"done", "cancelled"}),
        ({"status": "alle"}, {"new", "contacted", "done", "cancelled"}),
    ],
)
def test_the_status_filter(intake_client, queue_url, query, expected):
    made = {
        "new": make_assessment_request(),
        "contacted": make_assessment_request(status=Status.CONTACTED),
        "done": make_callback_request(status=Status.DONE, closed_at=timezone.now()),
        "cancelled": make_callback_request(status=Status.CANCELLED, closed_at=timezone.now()),
    }
    shown = set(references(intake_client.get(queue_url, query)))
    assert shown == {made[name].reference for name in expected}


def test_the_status_filter_refuses_an_unknown_status_without_an_error_page(
    intake_client, queue_url
):
    response = intake_client.get(queue_url, {"status": "bestaat-niet"})
    # Django's admin answers unknown filter values with a redirect to ?e=1, never a 500.
    assert response.status_code == 302


def test_the_kind_filter(intake_client, queue_url):
    a = make_assessment_request()
    c = make_callback_request()
    assert references(intake_client.get(queue_url, {"kind__exact": "assessment"})) == [a.reference]
    assert references(intake_client.get(queue_url, {"kind__exact": "callback"})) == [c.reference]


def test_the_assigned_to_me_and_unassigned_filters(intake_client, queue_url, intake):
    mine = make_assessment_request(assigned_to=intake)
    theirs = make_assessment_request(assigned_to=make_staff())
    nobodys = make_callback_request()
    assert references(intake_client.get(queue_url, {"toegewezen": "mij"})) == [mine.reference]
    assert references(intake_client.get(queue_url, {"toegewezen": "niemand"})) == [
        nobodys.reference
    ]
    assert theirs.reference in references(intake_client.get(queue_url))


def test_the_urgent_filter(intake_client, queue_url):
    urgent = make_assessment_request(is_urgent=True)
    raised = make_callback_request(priority=Priority.URGENT)
    calm = make_callback_request()
    assert set(references(intake_client.get(queue_url, {"spoed": "ja"}))) == {
        urgent.reference,
        raised.reference,
    }
    assert references(intake_client.get(queue_url, {"spoed": "nee"})) == [calm.reference]


def test_the_overdue_filter(intake_client, queue_url):
    # Today is Wednesday 9 December; with 3 working days, Thursday 3 December is the
    # last received day that is due by today (Tuesday 8th), so due yesterday: overdue.
    late = make_assessment_request(created_at=at(6, hour=16))  # Thu 3 Dec
    due_today = make_assessment_request(created_at=at(5, hour=9))  # Fri 4 Dec: due Wed 9
    fresh = make_callback_request(created_at=at(0))
    closed_late = make_assessment_request(
        created_at=at(20), status=Status.DONE, closed_at=timezone.now()
    )
    assert references(intake_client.get(queue_url, {"te_laat": "ja"})) == [late.reference]
    assert set(references(intake_client.get(queue_url, {"te_laat": "nee"}))) == {
        due_today.reference,
        fresh.reference,
    }
    shown = references(intake_client.get(queue_url, {"te_laat": "ja", "status": "alle"}))
    assert closed_late.reference not in shown


def test_the_notification_failed_filter(intake_client, queue_url):
    failed = make_assessment_request(notify_state=NotifyState.FAILED)
    make_callback_request(notify_state=NotifyState.SENT)
    assert references(intake_client.get(queue_url, {"melding": "mislukt"})) == [failed.reference]


def test_the_received_date_filter(intake_client, queue_url):
    today = make_callback_request(created_at=at(0))
    make_assessment_request(created_at=at(40))
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    response = intake_client.get(queue_url, {"created_at__gte": str(midnight)})
    assert references(response) == [today.reference]


def test_filters_combine(intake_client, queue_url, intake):
    target = make_assessment_request(is_urgent=True, assigned_to=intake)
    make_assessment_request(is_urgent=True)
    make_callback_request(assigned_to=intake)
    response = intake_client.get(
        queue_url, {"spoed": "ja", "toegewezen": "mij", "kind__exact": "assessment"}
    )
    assert references(response) == [target.reference]


def test_what_a_parent_typed_is_escaped_in_the_queue(intake_client, queue_url):
    make_assessment_request(contact_name="<script>alert('naam')</script>")
    response = intake_client.get(queue_url)
    assert "<script>alert('naam')</script>" not in response.text
    assert "&lt;script&gt;alert(&#x27;naam&#x27;)&lt;/script&gt;" in response.text


def test_the_due_date_column_matches_the_working_day_rule(db):
    received = datetime.datetime(2026, 12, 4, 18, 0, tzinfo=AMS)  # Friday evening
    assert workdays.due_date(received, days=3) == datetime.date(2026, 12, 9)
