"""A request has one history for staff (RequestEvent) and one access log (NEN 7513);
Django's own admin log is not written for requests, and its history page is not there."""

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from requests_app.choices import EventType, Status
from tests.factories import make_assessment_request, make_staff
from tests.helpers.triage import change_url

pytestmark = pytest.mark.django_db


def test_changing_a_request_writes_its_history_and_no_admin_log_entry(intake_client):
    request = make_assessment_request()
    other = make_staff(is_superuser=True)
    response = intake_client.post(
        change_url(request),
        {
            "status": Status.IN_PROGRESS,
            "priority": 30,
            "assigned_to": other.pk,
            "new_note": "Moeder gebeld.",
        },
    )
    assert response.status_code == 302
    assert set(request.events.values_list("type", flat=True)) >= {
        EventType.STATUS,
        EventType.PRIORITY,
        EventType.ASSIGNED,
        EventType.NOTE,
    }
    assert not LogEntry.objects.exists()


def test_bulk_actions_write_no_admin_log_entry(intake_client, queue_url):
    request = make_assessment_request()
    intake_client.post(
        queue_url,
        {"action": "set_status_in_progress", "_selected_action": [request.pk], "index": 0},
    )
    assert request.events.filter(type=EventType.STATUS).exists()
    assert not LogEntry.objects.exists()


@pytest.mark.parametrize("who", ["intake_client", "admin_client"])
def test_the_admin_history_page_of_a_request_is_not_there(who, request):
    client = request.getfixturevalue(who)
    obj = make_assessment_request()
    url = reverse("admin:requests_app_request_history", args=[obj.pk])
    assert client.get(url).status_code == 404
    assert client.get(change_url(obj)).status_code == 200
