"""A slow mail relay never holds a parent's page: e-mail leaves from a background thread
after the request is stored, and still arrives (or is retried when it does not)."""

import asyncio
import time

import pytest

from requests_app.models import NotifyState, Request
from tests.helpers.forms import send_callback

from .smtp import Relay, mail_thread_to

SLOW = 3.0  # seconds the relay takes to accept a message


class SlowRelay(Relay):
    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(SLOW)
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
def slow_relay(settings):
    with mail_thread_to(SlowRelay(), settings) as relay:
        settings.EMAIL_TIMEOUT = 10
        yield relay


@pytest.mark.django_db(transaction=True)
def test_the_parent_gets_the_confirmation_before_the_relay_has_answered(client, slow_relay):
    started = time.monotonic()
    response = send_callback(client, email="ouder@example.org")
    took = time.monotonic() - started

    assert response.status_code == 302
    assert took < SLOW / 2, f"the response waited {took:.1f} s for the relay"
    request = Request.objects.get()
    assert request.reference

    deadline = time.monotonic() + 4 * SLOW + 5
    while Request.objects.get().notify_state != NotifyState.SENT and time.monotonic() < deadline:
        time.sleep(0.2)
    assert Request.objects.get().notify_state == NotifyState.SENT
    assert sorted(d.rcpt_tos[0] for d in slow_relay.delivered) == [
        "intake@bijzonderjeugdwerk.nl",
        "ouder@example.org",
    ]
