"""A new moment agreed with the parent replaces the chosen one in the queue and on "Vandaag
bellen", is in the history and the access log, and leaves the parent's own choice visible;
a day in the past, a weekend or a Dutch holiday is refused beside the field."""

import datetime
import re

import pytest
import time_machine

from requests_app import services
from requests_app.models import AccessLogEntry, CallOutcome, EventType, RequestEvent, Status
from tests.factories import make_assessment_request, make_callback_request
from tests.helpers.calls import (
    april,
    calls_url,
    due_references,
    page_text,
    phone_references,
    post_attempt,
    post_moment,
    queue_cell,
)
from tests.helpers.triage import change_url

TUESDAY = datetime.date(2026, 4, 7)
WEDNESDAY = datetime.date(2026, 4, 8)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(april(7), tick=False) as t:
        yield t


def test_a_new_moment_replaces_the_chosen_one_and_is_in_the_history(
    intake_client, intake, queue_url
):
    request = make_callback_request(callback_date=TUESDAY, callback_daypart="morning")
    response = post_moment(intake_client, request, WEDNESDAY, "afternoon")
    assert response["Location"] == calls_url()
    assert queue_cell(intake_client.get(queue_url), request, "calls") == "wo 8 apr, middag"
    assert due_references(intake_client.get(calls_url())) == []  # not today any more

    event = RequestEvent.objects.get(request=request, type=EventType.MOMENT)
    assert (event.actor, event.from_value, event.to_value) == (
        intake,
        "2026-04-07 morning",
        "2026-04-08 afternoon",
    )
    page = page_text(intake_client.get(change_url(request)))
    assert (
        "Nieuw belmoment afgesproken: woensdag 8 april, 's middags "
        "(was: dinsdag 7 april, 's ochtends)"
    ) in page
    assert "Afgesproken belmoment Woensdag 8 april, 's middags" in page
    assert "Gekozen door de ouder Dinsdag 7 april, 's ochtends (vervangen" in page
    assert AccessLogEntry.objects.filter(
        request_id_value=request.pk, detail="belmoment afgesproken"
    ).exists()


def test_the_agreed_moment_comes_round_on_its_day_even_after_contact(intake_client, intake, clock):
    request = make_callback_request(callback_date=TUESDAY, callback_daypart="morning")
    post_attempt(intake_client, request, CallOutcome.REACHED, note="Liever morgenmiddag")
    post_moment(intake_client, request, WEDNESDAY, "afternoon")
    assert due_references(intake_client.get(calls_url())) == []
    clock.shift(datetime.timedelta(days=1))
    intake_client.force_login(intake)
    assert due_references(intake_client.get(calls_url())) == [request.reference]
    post_attempt(intake_client, request, CallOutcome.REACHED)
    assert due_references(intake_client.get(calls_url())) == []


def test_a_moment_agreed_for_an_assessment_moves_it_among_the_moments(intake_client):
    request = make_assessment_request()
    assert phone_references(intake_client.get(calls_url())) == [request.reference]
    post_moment(intake_client, request, TUESDAY, "evening")
    response = intake_client.get(calls_url())
    assert (due_references(response), phone_references(response)) == ([request.reference], [])


def test_agreeing_a_moment_with_an_unreached_parent_takes_the_request_up_again(db, intake):
    request = make_callback_request(status=Status.UNREACHED)
    services.agree_new_moment(request, WEDNESDAY, "morning", actor=intake)
    request.refresh_from_db()
    assert request.status == Status.IN_PROGRESS


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (datetime.date(2026, 4, 6), "Deze dag is al voorbij. Kies vandaag of een latere dag."),
        (
            datetime.date(2026, 4, 11),
            "Op zaterdag 11 april bellen wij niet: het is weekend of een feestdag. Kies een werkdag.",
        ),
        (
            datetime.date(2026, 4, 27),  # Koningsdag
            "Op maandag 27 april bellen wij niet: het is weekend of een feestdag. Kies een werkdag.",
        ),
        ("2026-13-40", "Vul een datum in, bijvoorbeeld 14-04-2026."),
        ("", "Vul de dag in die u met de ouder afsprak."),
    ],
)
def test_a_day_we_do_not_call_is_refused_beside_the_field(intake_client, day, message):
    request = make_callback_request(callback_date=TUESDAY, callback_daypart="morning")
    response = post_moment(intake_client, request, day, "afternoon")
    assert response.status_code == 200
    assert response.context["moment_form"].errors["day"] == [message]
    assert '<ul class="errorlist" id="id_day_error">' in response.text
    assert re.search(r'value="afternoon"[^>]* checked', response.text)  # kept
    assert not RequestEvent.objects.filter(type=EventType.MOMENT).exists()


def test_the_same_moment_again_changes_nothing(db, intake):
    request = make_callback_request(callback_date=TUESDAY, callback_daypart="morning")
    assert services.agree_new_moment(request, TUESDAY, "morning", actor=intake) is False
    assert not RequestEvent.objects.filter(type=EventType.MOMENT).exists()


def test_the_call_in_which_a_moment_was_agreed_does_not_take_it_off_the_list(
    intake_client, intake, clock
):
    request = make_callback_request(callback_date=TUESDAY, callback_daypart="morning")
    # On the phone: first the new moment, then the outcome of this call.
    post_moment(intake_client, request, WEDNESDAY, "morning")
    clock.shift(datetime.timedelta(minutes=1))
    post_attempt(intake_client, request, CallOutcome.REACHED)
    clock.shift(datetime.timedelta(days=1))
    intake_client.force_login(intake)
    assert due_references(intake_client.get(calls_url())) == [request.reference]
