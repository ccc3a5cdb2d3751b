""" "Vandaag bellen" and the queue's call columns: today's and overdue calls in the order of
their moments, across weekends and Dutch holidays; a passed moment without an attempt
stands out in words; assessment requests answered by phone come after."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from requests_app.models import Status
from tests.factories import (
    make_assessment_request,
    make_call_attempt,
    make_callback_request,
    make_editor,
)
from tests.helpers.calls import (
    april,
    call_url,
    calls_url,
    due_references,
    page_text,
    phone_references,
    queue_cell,
)
from tests.helpers.triage import linked_tiles

# Easter 2026: Good Friday 3 April and Easter Monday 6 April are holidays. Tuesday 7 April
# is the first working day after Thursday 2 April.
TUESDAY_AFTER_EASTER = april(7, 10)
THURSDAY_BEFORE_EASTER = datetime.date(2026, 4, 2)
TUESDAY = TUESDAY_AFTER_EASTER.date()


def callback(day, daypart, **extra):
    return make_callback_request(callback_date=day, callback_daypart=daypart, **extra)


@pytest.fixture
def easter():
    with time_machine.travel(TUESDAY_AFTER_EASTER, tick=False):
        yield


def test_the_days_calls_open_in_the_order_of_their_moments(intake_client, easter):
    # Made in a jumbled order: the list sorts on the moment, not on arrival.
    evening = callback(TUESDAY, "evening")
    afternoon = callback(TUESDAY, "afternoon")
    before_easter = callback(THURSDAY_BEFORE_EASTER, "afternoon")
    morning = callback(TUESDAY, "morning")
    tomorrow = callback(TUESDAY + datetime.timedelta(days=1), "morning")
    response = intake_client.get(calls_url())
    assert response.status_code == 200
    assert due_references(response) == [
        before_easter.reference,
        morning.reference,
        afternoon.reference,
        evening.reference,
    ]
    assert tomorrow.reference not in response.text


def test_a_moment_before_the_easter_weekend_is_late_not_today(intake_client, easter):
    before_easter = callback(THURSDAY_BEFORE_EASTER, "morning")
    today = callback(TUESDAY, "morning")
    response = intake_client.get(calls_url())
    rows = {row.request.reference: row for row in response.context["due"]}
    assert rows[before_easter.reference].late
    assert not rows[today.reference].late  # its morning is not over yet at 10:00
    assert page_text(response).count("Te laat: nog niet gebeld") == 1
    assert "Donderdag 2 april, 's ochtends Te laat: nog niet gebeld" in page_text(response)


def test_a_friday_moment_seen_on_monday_is_late(intake_client):
    friday = datetime.date(2026, 4, 10)
    with time_machine.travel(april(13), tick=False):
        late = callback(friday, "afternoon")
        today = callback(datetime.date(2026, 4, 13), "afternoon")
        response = intake_client.get(calls_url())
    assert due_references(response) == [late.reference, today.reference]
    assert [row.late for row in response.context["due"]] == [True, False]


def test_a_morning_call_is_late_once_the_morning_is_over(intake_client):
    with time_machine.travel(april(7, 13), tick=False):
        morning = callback(TUESDAY, "morning")
        afternoon = callback(TUESDAY, "afternoon")
        response = intake_client.get(calls_url())
    rows = {row.request.reference: row.late for row in response.context["due"]}
    assert rows == {morning.reference: True, afternoon.reference: False}


def test_an_attempt_on_the_day_keeps_the_call_listed_but_not_late(intake_client, easter):
    tried = callback(THURSDAY_BEFORE_EASTER, "morning", status=Status.IN_PROGRESS)
    make_call_attempt(tried, at=april(2, 9, 30))
    response = intake_client.get(calls_url())
    (row,) = response.context["due"]
    assert (row.request.reference, row.late, row.attempts) == (
        tried.reference,
        False,
        "1 poging, laatste: geen gehoor",
    )


def test_reached_parents_and_closed_or_unreached_requests_leave_the_list(intake_client, easter):
    reached = callback(TUESDAY, "morning", status=Status.CONTACTED)
    make_call_attempt(reached, outcome="reached")
    called_back = callback(TUESDAY, "morning")
    make_call_attempt(called_back, outcome="parent_called_back")
    callback(TUESDAY, "morning", status=Status.UNREACHED)
    callback(TUESDAY, "morning", status=Status.CANCELLED)
    callback(TUESDAY, "morning", is_suspected_spam=True)
    waiting = callback(TUESDAY, "morning")
    response = intake_client.get(calls_url())
    assert due_references(response) == [waiting.reference]


def test_assessment_requests_by_phone_follow_in_their_own_section(intake_client, easter):
    early = TUESDAY_AFTER_EASTER - datetime.timedelta(days=3)
    older = make_assessment_request(created_at=early, best_moments=["morning"])
    newer = make_assessment_request(best_moments=["evening"])
    make_assessment_request(preferred_channel="email")
    make_assessment_request(phone="", preferred_channel="phone")
    reached = make_assessment_request(status=Status.CONTACTED)
    make_call_attempt(reached, outcome="reached")
    due = callback(TUESDAY, "afternoon")
    response = intake_client.get(calls_url())
    assert due_references(response) == [due.reference]
    assert phone_references(response) == [older.reference, newer.reference]
    rows = {row.request.reference: row for row in response.context["phone"]}
    # At 10:00 it is morning: a good moment for the first parent, not for the second.
    assert rows[older.reference].good_now and not rows[newer.reference].good_now
    text = page_text(response)
    assert text.index("Belmomenten") < text.index("Onderzoeksaanvragen: bellen als het uitkomt")
    assert "Nu een goed moment" in text


def test_each_row_says_what_not_to_do_and_the_number_stays_on_the_call_page(intake_client, easter):
    request = callback(TUESDAY, "morning", voicemail_allowed=False, phone="+31612345678")
    response = intake_client.get(calls_url())
    text = page_text(response)
    assert "Geen voicemail inspreken" in text
    assert "Noem onze naam pas als u de ouder zelf spreekt" in text
    assert "06 12345678" not in text and "+31612345678" not in response.text
    assert f'href="{call_url(request)}"' in response.text


def test_the_queue_shows_the_moment_the_attempts_and_the_last_outcome(
    intake_client, queue_url, easter
):
    late = callback(THURSDAY_BEFORE_EASTER, "afternoon")
    tried = callback(TUESDAY, "evening", status=Status.IN_PROGRESS)
    make_call_attempt(tried, at=TUESDAY_AFTER_EASTER - datetime.timedelta(hours=1))
    make_call_attempt(tried, outcome="voicemail")
    assessment = make_assessment_request()
    reached = make_assessment_request(status=Status.CONTACTED)
    make_call_attempt(reached, outcome="reached")
    response = intake_client.get(queue_url)
    assert queue_cell(response, late, "calls") == "do 2 apr, middag Te laat: nog niet gebeld"
    assert queue_cell(response, tried, "calls") == (
        "di 7 apr, avond 2 pogingen, laatste: voicemail ingesproken"
    )
    assert queue_cell(response, assessment, "calls") == "–"
    assert queue_cell(response, reached, "calls") == "1 poging, laatste: bereikt"


def test_the_queue_filtered_on_todays_calls_opens_in_the_moments_order(
    intake_client, queue_url, easter
):
    evening = callback(TUESDAY, "evening")
    late = callback(THURSDAY_BEFORE_EASTER, "evening")
    morning = callback(TUESDAY, "morning")
    phone = make_assessment_request()
    response = intake_client.get(queue_url, {"bellen": "vandaag"})
    shown = [obj.reference for obj in response.context["cl"].result_list]
    assert shown == [late.reference, morning.reference, evening.reference, phone.reference]
    response = intake_client.get(queue_url, {"bellen": "te_laat"})
    assert [obj.reference for obj in response.context["cl"].result_list] == [late.reference]


def test_staff_without_the_request_permission_do_not_get_the_list(client, db, easter):
    client.force_login(make_editor())
    assert client.get(calls_url()).status_code == 403


def test_the_queue_and_the_dashboard_link_to_the_list(intake_client, queue_url):
    assert f'href="{calls_url()}"' in intake_client.get(queue_url).text
    assert f'href="{calls_url()}"' in intake_client.get(reverse("admin:index")).text


def test_the_call_tiles_count_what_their_links_list(intake_client, easter):
    callback(THURSDAY_BEFORE_EASTER, "morning")  # late
    callback(TUESDAY, "morning")  # today
    make_assessment_request()  # by phone, never reached
    callback(TUESDAY, "morning", status=Status.UNREACHED)
    callback(THURSDAY_BEFORE_EASTER, "morning", is_suspected_spam=True)  # not counted
    shown = {
        label: (count, url)
        for label, count, url in linked_tiles(intake_client.get(reverse("admin:index")))
    }
    counts = {
        label: shown[label][0] for label in ("Vandaag te bellen", "Te laat gebeld", "Niet bereikt")
    }
    assert counts == {"Vandaag te bellen": 3, "Te laat gebeld": 1, "Niet bereikt": 1}
    for label in counts:
        listed = intake_client.get(shown[label][1])
        assert listed.context["cl"].result_count == counts[label], label


def test_the_morning_command_lists_the_day_without_names_or_numbers(db, easter):
    late = callback(THURSDAY_BEFORE_EASTER, "morning", contact_name="Ilse Bakker")
    unreached = callback(TUESDAY, "morning", status=Status.UNREACHED)
    phone = make_assessment_request()
    out = io.StringIO()
    call_command("calls_today", stdout=out)
    text = out.getvalue()
    assert f"{late.reference}" in text and "do 2 apr, ochtend" in text and "TE LAAT" in text
    assert unreached.reference in text.split("Niet bereikt: 1")[1]
    assert phone.reference in text
    for personal in ("Ilse", "Bakker", late.phone, phone.phone):
        assert personal not in text


def test_the_morning_command_is_quiet_when_there_is_nothing_to_call(db, easter):
    out = io.StringIO()
    call_command("calls_today", "--quiet", stdout=out)
    assert out.getvalue() == ""
    call_command("calls_today", stdout=out)
    assert "Niets te bellen op 07-04-2026." in out.getvalue()
