"""The spam flag follows the status: a suspected-spam request that staff start working is
no longer suspected (so it is in the queue, the counts and the e-mail retry), and a
request staff set to "spam" is flagged, whichever way the status changes."""

import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from requests_app.models import (
    AccessLogEntry,
    EventType,
    NotifyState,
    Request,
    RequestEvent,
    Status,
)
from requests_app.notifications import retry_candidates
from tests.factories import make_assessment_request, make_callback_request
from tests.helpers.triage import change_url, references


def flagged(**overrides):
    # A real request the spam check got wrong: its e-mails were held back.
    data = {
        "is_suspected_spam": True,
        "spam_reasons": ["too_fast"],
        "notify_state": NotifyState.PENDING,
        "created_at": timezone.now() - datetime.timedelta(hours=1),
    }
    data.update(overrides)
    return make_assessment_request(**data)


def form_data(request, **changes):
    data = {
        "status": request.status,
        "assigned_to": request.assigned_to_id or "",
        "priority": request.priority,
        "new_note": "",
    }
    data.update(changes)
    return data


def run_action(client, url, action, requests):
    return client.post(
        url,
        {"action": action, "_selected_action": [r.pk for r in requests], "index": 0},
        follow=True,
    )


def test_working_a_flagged_request_in_the_detail_form_clears_the_flag(
    intake_client, intake, queue_url
):
    request = flagged()
    assert request.reference not in references(intake_client.get(queue_url))
    response = intake_client.post(
        change_url(request),
        form_data(request, status=Status.IN_PROGRESS, assigned_to=intake.pk),
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == Status.IN_PROGRESS
    assert request.is_suspected_spam is False
    # The same history line and log line as the "Geen spam" action writes.
    event = RequestEvent.objects.get(request=request, type=EventType.SPAM)
    assert (event.actor, event.from_value, event.to_value) == (
        intake,
        "suspected",
        "not_spam",
    )
    assert AccessLogEntry.objects.filter(
        user=intake, request_id_value=request.pk, detail="geen spam"
    ).exists()
    # Back everywhere a worked request belongs.
    assert references(intake_client.get(queue_url)) == [request.reference]
    assert references(intake_client.get(queue_url, {"toegewezen": "mij"})) == [request.reference]
    assert list(Request.objects.in_queue().values_list("pk", flat=True)) == [request.pk]


def test_a_flagged_request_moved_in_bulk_gets_its_held_back_emails(
    intake_client, queue_url, site_content
):
    request = flagged()
    other = flagged()
    assert not retry_candidates().filter(pk=request.pk).exists()
    response = run_action(
        intake_client, queue_url + "?spam=ja", "set_status_in_progress", [request]
    )
    assert "1 aanvraag op ‘In behandeling’ gezet." in [str(m) for m in response.context["messages"]]
    request.refresh_from_db()
    assert request.is_suspected_spam is False
    assert RequestEvent.objects.filter(
        request=request, type=EventType.SPAM, to_value="not_spam"
    ).exists()
    assert list(retry_candidates().values_list("pk", flat=True)) == [request.pk]

    call_command("retry_notifications", stdout=io.StringIO())
    request.refresh_from_db()
    assert request.notify_state == NotifyState.SENT
    assert any(request.reference in m.subject or request.reference in m.body for m in mail.outbox)
    assert not any(other.reference in m.subject or other.reference in m.body for m in mail.outbox)


def test_the_overdue_list_includes_a_flagged_request_once_it_is_worked(intake_client, intake):
    request = flagged(created_at=timezone.now() - datetime.timedelta(days=30))

    def overdue_list():
        out = io.StringIO()
        call_command("overdue_requests", stdout=out)
        return out.getvalue()

    assert request.reference not in overdue_list()
    intake_client.post(change_url(request), form_data(request, status=Status.CONTACTED))
    assert request.reference in overdue_list()


def test_setting_status_spam_in_the_detail_form_flags_the_request(intake_client):
    request = make_callback_request()
    response = intake_client.post(change_url(request), form_data(request, status=Status.SPAM))
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == Status.SPAM
    assert request.is_suspected_spam is True
    assert request.closed_at is not None
    assert not retry_candidates().filter(pk=request.pk).exists()


def test_restoring_a_request_marked_as_spam_clears_the_flag_once(intake_client, queue_url):
    request = make_callback_request()
    run_action(intake_client, queue_url, "mark_as_spam", [request])
    request.refresh_from_db()
    assert request.status == Status.SPAM and request.is_suspected_spam
    run_action(intake_client, queue_url + "?status=spam", "mark_as_not_spam", [request])
    request.refresh_from_db()
    assert request.status == Status.NEW and not request.is_suspected_spam
    assert (
        RequestEvent.objects.filter(
            request=request, type=EventType.SPAM, to_value="not_spam"
        ).count()
        == 1
    )
    assert request.reference in references(intake_client.get(queue_url))


def test_a_status_change_without_a_flag_writes_no_spam_history(intake_client):
    request = make_assessment_request()
    intake_client.post(change_url(request), form_data(request, status=Status.IN_PROGRESS))
    assert not RequestEvent.objects.filter(request=request, type=EventType.SPAM).exists()
