"""The mail of a rush of parents leaves in batches: one relay connection and a few
statements for many requests, each message still sent once and recorded in its history."""

import time

import pytest
from django.core import mail
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from requests_app import notifications
from requests_app.models import EventType, NotifyState, Request, RequestEvent
from tests.helpers.forms import send_callback

from .smtp import Relay, mail_thread_to


class CountingRelay(Relay):
    """A relay that also counts the connections that greet it."""

    connections = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.connections += 1
        session.host_name = hostname
        return responses


@pytest.fixture
def relay(settings):
    with mail_thread_to(CountingRelay(), settings) as relay:
        yield relay


def wait_until_sent(count, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if Request.objects.filter(notify_state=NotifyState.SENT).count() == count:
            return
        time.sleep(0.1)
    raise AssertionError("not every request's mail went out")


@pytest.mark.django_db(transaction=True)
def test_a_rush_of_parents_is_mailed_over_one_connection_each_message_once(relay, settings):
    settings.REQUEST_NOTIFY_GATHER_SECONDS = 2
    for i in range(6):
        assert send_callback(client=_client(), email=f"ouder{i}@example.org").status_code == 302

    wait_until_sent(6)
    recipients = sorted(d.rcpt_tos[0] for d in relay.delivered)
    assert recipients == sorted(
        ["intake@bijzonderjeugdwerk.nl"] * 6 + [f"ouder{i}@example.org" for i in range(6)]
    )
    # Six requests, one batch: not a connection to the relay for each (two at most, when
    # a slow machine let the gathering time pass between two of the six).
    assert relay.connections <= 2
    sent = RequestEvent.objects.filter(type=EventType.NOTIFY, to_value="sent")
    assert sent.count() == 12


@pytest.mark.django_db(transaction=True)
def test_a_worker_that_stops_sends_what_it_still_holds(settings, monkeypatch):
    settings.REQUEST_NOTIFY_IN_BACKGROUND = True
    settings.REQUEST_NOTIFY_GATHER_SECONDS = 3
    holder = notifications._MailThread()
    monkeypatch.setattr(notifications, "_mail_thread", holder)
    send_callback(client=_client(), email="ouder@example.org")
    assert mail.outbox == []  # still gathering

    holder.flush()  # what the process does at exit

    assert sorted(m.to[0] for m in mail.outbox) == [
        "intake@bijzonderjeugdwerk.nl",
        "ouder@example.org",
    ]
    assert Request.objects.get().notify_state == NotifyState.SENT
    time.sleep(settings.REQUEST_NOTIFY_GATHER_SECONDS + 0.5)
    assert len(mail.outbox) == 2  # the thread, awake again, found nothing left to send


@pytest.mark.django_db
def test_a_batch_costs_one_statement_more_per_request_however_many_it_holds(settings):
    settings.REQUEST_NOTIFY_IN_BACKGROUND = True  # stored now, sent below
    settings.REQUEST_RATE_LIMIT = settings.REQUEST_FLOOD_LIMIT = "1000/h"  # one test client

    def queries_to_send(count):
        before = set(Request.objects.values_list("pk", flat=True))
        for i in range(count):
            send_callback(client=_client(), email=f"ouder{i}@example.org")
        ids = sorted(set(Request.objects.values_list("pk", flat=True)) - before)
        with CaptureQueriesContext(connection) as queries:
            results = notifications.send_batch(ids)
        assert set(results.values()) == {True}
        return len(queries)

    two, twelve = queries_to_send(2), queries_to_send(12)
    # The history lines of each request are written as soon as its mail went out.
    assert twelve - two == 10


@pytest.mark.django_db
def test_a_request_another_process_claimed_after_it_was_read_is_left_to_it(settings):
    settings.REQUEST_NOTIFY_IN_BACKGROUND = True
    send_callback(client=_client(), email="ouder@example.org")
    read_before = list(Request.objects.all())
    Request.objects.update(notify_attempts=F("notify_attempts") + 1)  # the other process

    assert notifications._claim(read_before) == []
    assert mail.outbox == []


def _client():
    from django.test import Client

    return Client()
