"""Call attempts on a request: each outcome is recorded with who and when, moves the request
along the flow, shows in the history and the access log; "voicemail ingesproken" is refused
when the parent said no; after three attempts without contact the request is "niet bereikt"."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.core import mail

from requests_app import services
from requests_app.models import (
    AccessAction,
    AccessLogEntry,
    CallAttempt,
    CallOutcome,
    EventType,
    RequestEvent,
    Status,
)
from tests.factories import make_assessment_request, make_callback_request, make_staff
from tests.helpers.calls import april, call_url, calls_url, page_text, post_attempt
from tests.helpers.triage import change_url

START = april(7)


@pytest.fixture(autouse=True)
def clock():
    """Tuesday 7 April 2026, 9:00; before the login fixtures, so the session is of this day."""
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def status_of(request):
    return type(request).objects.get(pk=request.pk).status


def attempts_in_a_row(client, request, outcomes, clock):
    """Each attempt 20 minutes after the one before (within the staff session's 30)."""
    for outcome in outcomes:
        clock.shift(datetime.timedelta(minutes=20))
        response = post_attempt(client, request, outcome)
        assert response["Location"] == calls_url(), page_text(response)


@pytest.mark.parametrize(
    ("outcome", "status", "label"),
    [
        (CallOutcome.REACHED, Status.CONTACTED, "Bereikt"),
        (CallOutcome.NO_ANSWER, Status.IN_PROGRESS, "Geen gehoor"),
        (CallOutcome.VOICEMAIL, Status.IN_PROGRESS, "Voicemail ingesproken"),
        (CallOutcome.WRONG_NUMBER, Status.UNREACHED, "Verkeerd nummer"),
        (CallOutcome.PARENT_CALLED_BACK, Status.CONTACTED, "Ouder belde zelf terug"),
    ],
)
def test_each_outcome_is_recorded_with_who_and_when(intake_client, intake, outcome, status, label):
    request = make_callback_request(voicemail_allowed=True)
    response = post_attempt(intake_client, request, outcome, note="Zus nam op.")
    assert response.status_code == 302
    assert response["Location"] == calls_url()
    attempt = CallAttempt.objects.get(request=request)
    assert (attempt.outcome, attempt.caller, attempt.at, attempt.note) == (
        outcome,
        intake,
        START,
        "Zus nam op.",
    )
    assert status_of(request) == status
    history = page_text(intake_client.get(change_url(request)))
    assert f"Belpoging: {label} Zus nam op." in history
    changes = AccessLogEntry.objects.filter(action=AccessAction.CHANGE, request_id_value=request.pk)
    assert f"belpoging: {label.lower()}" in set(changes.values_list("detail", flat=True))


def test_the_message_after_saving_names_the_outcome_and_the_request(intake_client):
    request = make_callback_request()
    response = post_attempt(intake_client, request, CallOutcome.NO_ANSWER)
    messages = [str(m) for m in intake_client.get(response["Location"]).context["messages"]]
    assert messages == [f"Belpoging vastgelegd voor {request.reference}: Geen gehoor."]


def test_voicemail_is_refused_beside_the_field_when_the_parent_said_no(intake_client):
    request = make_assessment_request(voicemail_allowed=False)
    page = intake_client.get(call_url(request))
    assert "Voicemail ingesproken (mag niet bij deze ouder)" in page_text(page)
    response = post_attempt(
        intake_client, request, CallOutcome.VOICEMAIL, note="Bericht ingesproken"
    )
    assert response.status_code == 200
    assert response.context["attempt_form"].errors["outcome"] == [services.VOICEMAIL_REFUSED]
    assert '<ul class="errorlist" id="id_outcome_error">' in response.text
    assert "Bericht ingesproken</textarea>" in response.text  # the note is kept
    assert response.context["title"].startswith("Bellen") and "<title>Fout:" in response.text
    assert not CallAttempt.objects.exists()
    assert status_of(request) == Status.NEW


def test_the_service_refuses_voicemail_too(db, intake):
    request = make_callback_request(voicemail_allowed=False)
    with pytest.raises(services.CallRefused) as refused:
        services.record_call_attempt(request, CallOutcome.VOICEMAIL, actor=intake)
    assert refused.value.field == "outcome"
    assert not CallAttempt.objects.exists()


def test_an_attempt_without_an_outcome_or_with_a_long_note_is_refused_in_dutch(intake_client):
    request = make_callback_request()
    response = post_attempt(intake_client, request, "")
    assert "Kies wat de uitkomst van de belpoging was." in response.text
    response = post_attempt(intake_client, request, CallOutcome.NO_ANSWER, note="x" * 201)
    assert "Schrijf niet meer dan 200 tekens." in response.text
    assert not CallAttempt.objects.exists()


def test_three_attempts_without_contact_make_the_request_unreached(intake_client, intake, clock):
    request = make_assessment_request(email="")
    no_answer = CallOutcome.NO_ANSWER
    attempts_in_a_row(intake_client, request, [no_answer, no_answer], clock)
    assert status_of(request) == Status.IN_PROGRESS
    attempts_in_a_row(intake_client, request, [no_answer], clock)
    assert status_of(request) == Status.UNREACHED
    moves = RequestEvent.objects.filter(request=request, type=EventType.STATUS)
    assert list(moves.values_list("from_value", "to_value", "actor")) == [
        (Status.NEW, Status.IN_PROGRESS, intake.pk),
        (Status.IN_PROGRESS, Status.UNREACHED, intake.pk),
    ]
    assert "Status: In behandeling → Niet bereikt" in page_text(
        intake_client.get(change_url(request))
    )
    assert AccessLogEntry.objects.filter(
        request_id_value=request.pk, detail="status: in_progress → unreached"
    ).exists()
    assert mail.outbox == []  # no e-mail address: nothing to send


def test_the_number_of_attempts_is_a_setting(intake_client, settings, clock):
    settings.CALL_ATTEMPTS_BEFORE_UNREACHED = 2
    request = make_callback_request()
    attempts_in_a_row(intake_client, request, [CallOutcome.NO_ANSWER, CallOutcome.VOICEMAIL], clock)
    assert status_of(request) == Status.UNREACHED


def test_contact_in_between_starts_the_count_again(intake_client, clock):
    request = make_callback_request()
    no_answer = CallOutcome.NO_ANSWER
    attempts_in_a_row(
        intake_client,
        request,
        [no_answer, no_answer, CallOutcome.REACHED, no_answer, no_answer],
        clock,
    )
    assert status_of(request) == Status.CONTACTED
    attempts_in_a_row(intake_client, request, [no_answer], clock)
    assert status_of(request) == Status.UNREACHED


def test_a_reopened_request_gets_a_new_round_of_attempts(intake_client, intake, clock):
    request = make_callback_request()
    no_answer = CallOutcome.NO_ANSWER
    attempts_in_a_row(intake_client, request, [no_answer] * 3, clock)
    clock.shift(datetime.timedelta(days=1))
    intake_client.force_login(intake)  # the next working day
    services.change_status(request, Status.IN_PROGRESS, actor=intake)  # the coordinator
    attempts_in_a_row(intake_client, request, [no_answer, no_answer], clock)
    assert status_of(request) == Status.IN_PROGRESS
    attempts_in_a_row(intake_client, request, [no_answer], clock)
    assert status_of(request) == Status.UNREACHED
    attempts_in_a_row(intake_client, request, [CallOutcome.PARENT_CALLED_BACK], clock)
    assert status_of(request) == Status.CONTACTED


def test_contact_does_not_move_a_request_back_from_intake_planned(db, intake):
    request = make_assessment_request(status=Status.INTAKE_PLANNED)
    services.record_call_attempt(request, CallOutcome.REACHED, actor=intake)
    assert status_of(request) == Status.INTAKE_PLANNED


def test_the_call_page_puts_safe_contact_above_the_number_and_is_logged(intake_client, intake):
    request = make_callback_request(voicemail_allowed=False, phone="+31612345678")
    response = intake_client.get(call_url(request))
    text = page_text(response)
    assert text.index("Geen voicemail inspreken") < text.index("06 12345678")
    assert text.index("Noem onze naam pas als u de ouder zelf spreekt") < text.index("06 12345678")
    assert 'href="tel:+31612345678"' in response.text
    assert AccessLogEntry.objects.filter(
        user=intake, action=AccessAction.VIEW, request_id_value=request.pk, detail="belscherm"
    ).exists()


def test_from_the_request_page_the_call_page_returns_there(intake_client):
    request = make_callback_request()
    page = intake_client.get(change_url(request))
    link = f"{call_url(request)}?terug=aanvraag"
    assert f'href="{link}"' in page.text
    assert 'name="terug" value="aanvraag"' in intake_client.get(link).text
    response = post_attempt(intake_client, request, CallOutcome.REACHED, terug="aanvraag")
    assert response["Location"] == change_url(request)


def test_staff_who_may_only_read_cannot_record_an_attempt(client, db):
    reader = make_staff()
    reader.user_permissions.add(Permission.objects.get(codename="view_request"))
    client.force_login(reader)
    request = make_callback_request()
    page = client.get(call_url(request))
    assert page.status_code == 200 and "Belpoging vastleggen" not in page.text
    assert post_attempt(client, request, CallOutcome.REACHED).status_code == 403
    assert not CallAttempt.objects.exists()


def test_the_note_of_an_attempt_is_never_mailed(
    intake_client, django_capture_on_commit_callbacks, clock
):
    request = make_assessment_request(email="ouder@example.org", may_name_organisation=True)
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            clock.shift(datetime.timedelta(minutes=20))
            post_attempt(intake_client, request, CallOutcome.NO_ANSWER, note="Buurvrouw nam op")
    # The factory's request never had its first mails: they go now too, none with the note.
    assert [m.subject for m in mail.outbox if "niet bereiken" in m.subject] == [
        f"Wij konden u niet bereiken ({request.reference})"
    ]
    assert not any("Buurvrouw" in m.body + m.subject for m in mail.outbox)
