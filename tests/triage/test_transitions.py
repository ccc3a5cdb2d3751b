"""Statuses follow the flow: an illegal change is refused, a legal one is recorded."""

import pytest
from django.utils import timezone

from requests_app import services
from requests_app.models import EventType, Priority, Request, RequestEvent, Status
from tests.factories import make_assessment_request, make_callback_request
from tests.helpers.triage import change_url


def form_data(request, **changes):
    data = {
        "status": request.status,
        "assigned_to": request.assigned_to_id or "",
        "priority": request.priority,
        "new_note": "",
    }
    data.update(changes)
    return data


def test_an_illegal_status_change_is_refused_with_a_dutch_message(intake_client):
    request = make_assessment_request()
    response = intake_client.post(
        change_url(request), form_data(request, status=Status.INTAKE_PLANNED)
    )
    assert response.status_code == 200
    assert "Een aanvraag met status ‘Nieuw’ kan niet naar ‘Intake gepland’" in response.text
    assert "Wel mogelijk:" in response.text
    request.refresh_from_db()
    assert request.status == Status.NEW
    assert not RequestEvent.objects.filter(request=request, type=EventType.STATUS).exists()


def test_the_status_list_offers_only_the_steps_the_flow_allows(intake_client):
    request = make_callback_request(status=Status.DONE, closed_at=timezone.now())
    response = intake_client.get(change_url(request))
    options = [
        value for value, _ in response.context["adminform"].form.fields["status"].widget.choices
    ]
    assert options == [Status.IN_PROGRESS, Status.DONE]


def test_a_legal_status_change_is_saved_and_recorded_with_who_and_when(intake_client, intake):
    request = make_assessment_request()
    before = timezone.now()
    response = intake_client.post(change_url(request), form_data(request, status=Status.CONTACTED))
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == Status.CONTACTED
    event = RequestEvent.objects.get(request=request, type=EventType.STATUS)
    assert (event.actor, event.from_value, event.to_value) == (
        intake,
        Status.NEW,
        Status.CONTACTED,
    )
    assert event.at >= before


def test_closing_sets_closed_at_and_reopening_clears_it(db, intake):
    request = make_assessment_request(status=Status.CONTACTED)
    services.change_status(request, Status.DONE, actor=intake)
    request.refresh_from_db()
    assert request.closed_at is not None
    services.change_status(request, Status.IN_PROGRESS, actor=intake)
    request.refresh_from_db()
    assert request.closed_at is None
    assert request.status == Status.IN_PROGRESS


def test_the_flow_refuses_a_jump_from_spam_to_done(db, intake):
    request = make_callback_request(status=Status.SPAM, closed_at=timezone.now())
    with pytest.raises(services.TransitionError) as refused:
        services.change_status(request, Status.DONE, actor=intake)
    assert "Wel mogelijk: ‘Nieuw’" in str(refused.value)
    assert Request.objects.get(pk=request.pk).status == Status.SPAM


def test_a_status_changed_elsewhere_meanwhile_is_checked_against_the_real_status(
    intake_client, intake
):
    request = make_assessment_request()
    page_state = form_data(request)  # the form as it was loaded: "nieuw"
    services.change_status(request, Status.CANCELLED, actor=intake)
    # The stale form still says "nieuw": saving it would reopen a closed request silently.
    response = intake_client.post(change_url(request), page_state)
    assert response.status_code == 200
    assert "kan niet naar ‘Nieuw’" in response.text
    assert Request.objects.get(pk=request.pk).status == Status.CANCELLED


def test_assignment_and_priority_changes_are_recorded(intake_client, intake):
    request = make_assessment_request()
    intake_client.post(
        change_url(request), form_data(request, assigned_to=intake.pk, priority=Priority.HIGH)
    )
    request.refresh_from_db()
    assert request.assigned_to == intake
    assert request.priority == Priority.HIGH
    kinds = set(
        RequestEvent.objects.filter(request=request, actor=intake).values_list("type", flat=True)
    )
    assert kinds == {EventType.ASSIGNED, EventType.PRIORITY}


def test_only_staff_who_can_work_requests_can_be_assigned(intake_client, editor):
    request = make_assessment_request()
    response = intake_client.post(change_url(request), form_data(request, assigned_to=editor.pk))
    assert response.status_code == 200
    assert request.__class__.objects.get(pk=request.pk).assigned_to is None
    assert "Selecteer een geldige keuze" in response.text
