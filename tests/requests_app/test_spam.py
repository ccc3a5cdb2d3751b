"""Spam without third parties: honeypot, fill time, rate limit. Suspects are kept, flagged."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client

from requests_app.models import EventType, Request
from tests.helpers.forms import ASSESSMENT_URL, CALLBACK_URL, send_assessment, send_callback, ticket

pytestmark = pytest.mark.django_db


def test_a_filled_honeypot_is_stored_flagged_and_kept_out_of_the_queue(client):
    response = send_assessment(client, homepage="https://cheap-pills.example")
    assert response.status_code == 302  # a robot learns nothing
    req = Request.objects.get()
    assert req.is_suspected_spam is True
    assert req.spam_reasons == ["honeypot"]
    assert not Request.objects.not_spam().exists()
    assert list(req.events.values_list("type", flat=True)) == [EventType.CREATED, EventType.SPAM]


@pytest.fixture
def frozen_clock(time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 16, 10, 0, 0, tzinfo=datetime.UTC), tick=False)


def test_a_form_sent_faster_than_a_person_can_is_flagged(client, frozen_clock):
    send_callback(client, ticket=ticket(seconds_ago=1))
    req = Request.objects.get()
    assert req.is_suspected_spam is True
    assert (req.spam_reasons, req.fill_seconds) == (["too_fast"], 1)


def test_a_form_filled_at_a_human_pace_is_not_flagged(client):
    send_callback(client, ticket=ticket(seconds_ago=30))
    assert Request.objects.get().is_suspected_spam is False


def test_the_minimum_fill_time_comes_from_the_settings(client, settings):
    settings.REQUEST_MIN_FILL_SECONDS = 0
    send_callback(client, ticket=ticket(seconds_ago=0))
    assert Request.objects.get().is_suspected_spam is False


@pytest.mark.parametrize("bad_ticket", [None, "", "not-signed", ticket()[:-3] + "abc", "x" * 5000])
def test_a_missing_or_forged_form_ticket_is_flagged(client, bad_ticket):
    response = send_assessment(client, ticket=bad_ticket)
    assert response.status_code == 302
    req = Request.objects.get()
    assert req.is_suspected_spam is True
    assert "no_ticket" in req.spam_reasons


def test_several_reasons_are_all_recorded(client, frozen_clock):
    send_assessment(client, homepage="x", ticket=ticket(seconds_ago=0))
    req = Request.objects.get()
    assert (req.spam_reasons, req.fill_seconds) == (["honeypot", "too_fast"], 0)


def test_the_honeypot_is_hidden_from_sight_from_screen_readers_and_from_the_tab_order(client):
    for url in (ASSESSMENT_URL, CALLBACK_URL):
        html = client.get(url).content.decode()
        wrapper = re.search(r'<div class="form-hp" aria-hidden="true">.*?</div>', html, re.S)
        assert wrapper, url
        assert '<label for="id_homepage">Laat dit veld leeg</label>' in wrapper.group(0)
        field = re.search(r"<input[^>]*name=\"homepage\"[^>]*>", wrapper.group(0)).group(0)
        assert 'tabindex="-1"' in field
        assert 'autocomplete="off"' in field


def test_a_request_over_the_limit_is_kept_flagged_for_a_person_and_the_parent_told_so(
    client, settings, django_capture_on_commit_callbacks
):
    settings.REQUEST_RATE_LIMIT = "2/h"
    assert send_assessment(client).status_code == 302
    assert send_callback(client).status_code == 302  # both forms share one limit
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = send_assessment(client, email="ouder@example.org")

    assert response.status_code == 429
    req = Request.objects.latest("pk")
    assert Request.objects.count() == 3
    assert req.kind == "assessment" and req.reference.startswith("OZ-")
    assert req.is_suspected_spam is True
    assert req.spam_reasons == ["rate_limited"]
    assert req not in Request.objects.in_queue() and req not in Request.objects.not_spam()
    assert list(req.events.values_list("type", flat=True)) == [EventType.CREATED, EventType.SPAM]
    assert mail.outbox == []  # a person looks first; no notice, no confirmation

    html = response.content.decode()
    assert "<h1>Aanvraag ontvangen</h1>" in html
    assert f'<strong class="confirmation-panel__reference">{req.reference}</strong>' in html
    assert "kijkt een medewerker eerst zelf naar uw aanvraag" in html
    assert "U hoeft het formulier niet opnieuw te versturen." in html
    assert "Is het dringend?" in html
    assert 'href="tel:+31493327506"' in html
    assert 'href="tel:112"' in html
    assert "niet verstuurd" not in html
    assert "no-store" in response["Cache-Control"]


def test_a_callback_over_the_limit_is_kept_too(client, settings):
    settings.REQUEST_RATE_LIMIT = "1/h"
    send_callback(client)
    response = send_callback(client, contact_name="Tweede Ouder")
    assert response.status_code == 429
    assert "<h1>Terugbelverzoek ontvangen</h1>" in response.content.decode()
    req = Request.objects.get(contact_name="Tweede Ouder")
    assert (req.is_suspected_spam, req.spam_reasons) == (True, ["rate_limited"])


def test_sending_again_after_the_limit_stores_nothing_new_and_shows_the_same_page(client, settings):
    settings.REQUEST_RATE_LIMIT = "1/h"
    send_assessment(client)
    same = ticket()
    first = send_assessment(client, ticket=same)
    again = send_assessment(client, ticket=same)  # a reload re-posts the form
    assert first.status_code == again.status_code == 429
    assert Request.objects.count() == 2
    reference = Request.objects.latest("pk").reference
    assert reference in first.content.decode() and reference in again.content.decode()


def test_an_automated_look_and_the_limit_are_both_recorded(client, settings):
    settings.REQUEST_RATE_LIMIT = "1/h"
    send_assessment(client)
    send_assessment(client, homepage="https://spam.example")
    reasons = Request.objects.latest("pk").spam_reasons
    assert reasons == ["honeypot", "rate_limited"]


def test_ten_requests_an_hour_from_one_shared_address_go_through_normally(client):
    # Parents behind one mobile carrier or school network share an address.
    for _ in range(10):
        assert send_callback(client).status_code == 302
    assert send_callback(client).status_code == 429
    assert Request.objects.in_queue().count() == 10
    assert Request.objects.filter(is_suspected_spam=True).count() == 1


def test_the_rate_limit_is_per_client_address(client, settings):
    settings.REQUEST_RATE_LIMIT = "1/h"
    send_assessment(client)
    assert send_assessment(client).status_code == 429
    other = Client(REMOTE_ADDR="192.0.2.44")
    assert send_assessment(other).status_code == 302


def test_behind_the_proxy_the_limit_follows_the_forwarded_client_address(client, settings):
    settings.REQUEST_RATE_LIMIT = "1/h"
    settings.TRUSTED_PROXY_COUNT = 1
    # Both parents reach gunicorn through the same proxy (one REMOTE_ADDR).
    first = Client(HTTP_X_FORWARDED_FOR="203.0.113.10")
    second = Client(HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert send_assessment(first).status_code == 302
    assert send_assessment(first).status_code == 429
    assert send_assessment(second).status_code == 302
    # A client cannot dodge the limit by sending its own X-Forwarded-For: the proxy
    # appends the address it saw, and only that right-most entry is trusted.
    spoofing = Client(HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.10")
    assert send_assessment(spoofing).status_code == 429


def test_a_form_sent_back_with_mistakes_does_not_use_up_the_limit(client, settings):
    settings.REQUEST_RATE_LIMIT = "1/h"
    for _ in range(3):
        assert send_assessment(client, consent=None).status_code == 200
    assert send_assessment(client).status_code == 302


def test_with_the_shared_cache_down_a_request_is_still_accepted(client, settings, caplog):
    settings.CACHES = {
        **settings.CACHES,
        "unreachable": {"BACKEND": "tests.helpers.broken_cache.UnreachableCache"},
    }
    settings.RATELIMIT_USE_CACHE = "unreachable"
    assert send_assessment(client).status_code == 302
    assert Request.objects.count() == 1
    assert "Rate limit not checked: cache unavailable (ConnectionError)" in caplog.text


def test_a_honeypot_filled_on_an_early_step_travels_to_the_end(client):
    data = {"ticket": ticket(), "is_urgent": "nee", "homepage": "https://spam.example"}
    html = client.post(
        ASSESSMENT_URL, {**data, "stap": "gevaar", "actie": "verder"}
    ).content.decode()
    field = re.search(r'<input[^>]*name="homepage"[^>]*>', html).group(0)
    assert 'value="https://spam.example"' in field


def test_past_the_hard_ceiling_nothing_more_is_stored_and_the_phone_number_is_given(
    client, settings
):
    settings.REQUEST_RATE_LIMIT = "1/h"
    settings.REQUEST_FLOOD_LIMIT = "3/h"
    statuses = [send_callback(client).status_code for _ in range(5)]
    assert statuses == [302, 429, 429, 429, 429]
    assert Request.objects.count() == 3  # the flagged ones up to the ceiling are kept
    response = send_callback(client)
    assert response.status_code == 429
    body = response.content.decode()
    assert "Uw formulier is niet verstuurd" in body
    assert "0493 - 327506" in body
    assert "no-store" in response["Cache-Control"]
    assert Request.objects.count() == 3
    # Another family is not affected.
    assert send_callback(Client(REMOTE_ADDR="192.0.2.77")).status_code == 302
