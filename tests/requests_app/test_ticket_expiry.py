"""A form ticket works for a day (REQUEST_TICKET_MAX_AGE): tickets collected in advance no
longer beat the minimum fill time. A request sent with an older ticket is still stored,
flagged "formulierkenmerk verlopen" for a person to judge, never lost."""

import datetime
import uuid

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from requests_app.models import Request, SpamReason
from tests.factories import make_intake_member
from tests.helpers.forms import send_assessment, send_callback, ticket
from tests.helpers.triage import change_url

pytestmark = pytest.mark.django_db


def ticket_issued(ago: datetime.timedelta, token=None) -> str:
    """A ticket exactly as a GET of the form handed it out, `ago` before now."""
    with time_machine.travel(timezone.now() - ago, tick=False):
        return ticket(seconds_ago=0, token=token)


def test_a_ticket_collected_400_days_ago_flags_the_request_and_keeps_it(client):
    response = send_callback(client, ticket=ticket_issued(datetime.timedelta(days=400)))
    assert response.status_code == 302  # the confirmation: a robot learns nothing
    req = Request.objects.get()
    assert req.is_suspected_spam is True
    assert req.spam_reasons == [SpamReason.EXPIRED_TICKET]
    assert req.contact_name == "Marieke Jansen"
    assert not Request.objects.in_queue().exists()
    assert mail.outbox == []  # suspected spam: no e-mail until a person has looked


@pytest.mark.parametrize(
    ("hours", "flagged"), [(1, False), (23, False), (25, True), (24 * 30, True)]
)
def test_a_ticket_works_for_a_day(client, hours, flagged):
    send_assessment(client, ticket=ticket_issued(datetime.timedelta(hours=hours)))
    req = Request.objects.get()
    assert req.is_suspected_spam is flagged
    assert (SpamReason.EXPIRED_TICKET in req.spam_reasons) is flagged


def test_the_lifetime_comes_from_the_settings(client, settings):
    settings.REQUEST_TICKET_MAX_AGE = 3600
    send_callback(client, ticket=ticket_issued(datetime.timedelta(hours=2)))
    assert Request.objects.get().spam_reasons == [SpamReason.EXPIRED_TICKET]


def test_an_expired_ticket_still_keeps_a_repeated_send_from_storing_twice(client):
    old = ticket_issued(datetime.timedelta(days=3), token=uuid.uuid4())
    first = send_callback(client, ticket=old)
    again = send_callback(client, ticket=old)
    assert first.status_code == again.status_code == 302
    assert Request.objects.count() == 1


def test_a_forged_ticket_is_still_no_ticket_not_an_expired_one(client):
    forged = ticket_issued(datetime.timedelta(days=3))[:-3] + "abc"
    send_callback(client, ticket=forged)
    assert Request.objects.get().spam_reasons == [SpamReason.NO_TICKET]


def test_staff_read_why_the_request_was_flagged(client):
    send_callback(client, ticket=ticket_issued(datetime.timedelta(days=2)))
    client.force_login(make_intake_member())
    page = client.get(change_url(Request.objects.get()))
    assert "formulierkenmerk verlopen" in page.text
