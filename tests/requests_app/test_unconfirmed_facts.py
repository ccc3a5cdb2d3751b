"""A fact the organisation has not confirmed is left out, never guessed.

requests_app reads the organisation's facts in one place (org_facts); there an
unconfirmed fact is None. Here the site's facts are read as if the response time, the
opening hours and the e-mail address were not confirmed yet.
"""

import dataclasses
import datetime
from html import unescape

import pytest
from django.core import mail
from django.utils import timezone

from requests_app import org_facts as facts_module
from requests_app.workdays import add_working_days, due_date
from tests.helpers.forms import CALLBACK_URL, send_assessment, send_callback

pytestmark = pytest.mark.django_db


@pytest.fixture
def unconfirmed(monkeypatch, settings):
    read = facts_module.get_site_context

    def without_unconfirmed_facts():
        return dataclasses.replace(
            read(), response_days=None, opening_hours="", email="", opens_at=None, closes_at=None
        )

    monkeypatch.setattr(facts_module, "get_site_context", without_unconfirmed_facts)
    settings.TRIAGE_DEFAULT_RESPONSE_DAYS = 4


def test_no_response_time_is_promised_to_parents(
    client, unconfirmed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        confirmation = client.get(send_assessment(client)["Location"]).content.decode()
    assert "werkdag" not in confirmation
    assert "Daarna nemen wij contact met u op, op de manier die u koos." in confirmation
    parent_mail = next(m for m in mail.outbox if "marieke@example.org" in m.to)
    assert "werkdag" not in parent_mail.body
    assert parent_mail.reply_to == []
    assert "mail naar" not in parent_mail.body
    assert "0493" in parent_mail.body


def test_without_confirmed_hours_the_callback_form_promises_no_hours(client, unconfirmed):
    html = unescape(client.get(CALLBACK_URL).content.decode())
    assert "'s Ochtends</label>" in html and "'s Middags</label>" in html
    assert "tussen" not in html and "'s Avonds" not in html
    assert send_callback(client, callback_daypart="afternoon").status_code == 302


def test_the_due_date_falls_back_on_staff_s_own_target(unconfirmed):
    received = timezone.make_aware(datetime.datetime(2026, 3, 2, 10, 0))
    assert due_date(received) == add_working_days(datetime.date(2026, 3, 2), 4)
