"""Call attempts and agreed moments belong to the request: the AVG dossier shows them, and
retention and the AVG erasure remove them with it (the access log keeps references only)."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse

from requests_app import services
from requests_app.models import (
    AccessLogEntry,
    CallAttempt,
    CallOutcome,
    EventType,
    Request,
    RequestEvent,
    Status,
)
from tests.factories import make_callback_request
from tests.helpers.calls import april

CALLED = april(7, 10)


@pytest.fixture
def called(db, intake):
    """A family's callback, called twice (with staff's short notes) and a moment agreed."""
    with time_machine.travel(CALLED, tick=False):
        request = make_callback_request(phone="+31611111111", email="gezin@example.org")
        services.record_call_attempt(
            request, CallOutcome.NO_ANSWER, actor=intake, note="Oma nam op, belt terug"
        )
        services.agree_new_moment(request, datetime.date(2026, 4, 8), "evening", actor=intake)
        services.record_call_attempt(request, CallOutcome.REACHED, actor=intake)
        services.change_status(request, Status.DONE, actor=intake)
    return request


def leftovers(request):
    return (
        CallAttempt.objects.filter(request_id=request.pk).count(),
        RequestEvent.objects.filter(
            request_id=request.pk, type__in=[EventType.CALL, EventType.MOMENT]
        ).count(),
    )


def test_the_avg_dossier_shows_the_attempts_and_their_notes(client, intake, called):
    intake.user_permissions.add(Permission.objects.get(codename="family_data"))
    client.force_login(intake)
    response = client.post(
        reverse("admin:requests_app_request_family"),
        {
            "phone": "0611111111",
            "requests": [called.pk],
            "identity_check": "called_back",
            "actie": "tonen",
        },
    )
    assert "Belpogingen" in response.text
    assert "Oma nam op, belt terug" in response.text
    assert "Nieuw belmoment afgesproken: woensdag 8 april, &#x27;s avonds" in response.text


def test_retention_erases_the_attempts_with_the_request(called):
    assert leftovers(called) == (2, 3)
    with time_machine.travel(CALLED + datetime.timedelta(days=93), tick=False):
        call_command("purge_requests", verbosity=0)
    assert not Request.objects.filter(pk=called.pk).exists()
    assert leftovers(called) == (0, 0)
    # Who called stays in the access log, by reference only.
    details = AccessLogEntry.objects.filter(reference=called.reference).values_list(
        "detail", flat=True
    )
    assert "belpoging: geen gehoor" in set(details)
    assert not any("Oma" in d for d in details)


def test_the_avg_erasure_erases_the_attempts_with_the_request(client, intake, called):
    intake.user_permissions.add(Permission.objects.get(codename="family_data"))
    client.force_login(intake)
    erase = reverse("admin:requests_app_request_family_erase")
    response = client.post(
        erase,
        {
            "phone": "06 11111111",
            "stap": "bevestigen",
            "requests": [called.pk],
            "identity_check": "called_back",
            "confirm": "1",
        },
    )
    assert response.status_code == 302
    assert not Request.objects.filter(pk=called.pk).exists()
    assert leftovers(called) == (0, 0)
