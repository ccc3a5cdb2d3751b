"""Consent is required, and stored with its moment and the privacy statement's version."""

import datetime
import zoneinfo

import pytest

from requests_app.models import Request
from tests.helpers.forms import assessment_data, post_step, send_assessment, send_callback

pytestmark = pytest.mark.django_db


def test_no_request_is_stored_without_consent(client):
    assert send_assessment(client, consent=None).status_code == 200
    assert send_callback(client, consent=None).status_code == 200
    assert not Request.objects.exists()


def test_the_moment_and_the_version_of_the_privacy_statement_are_stored(
    client, settings, time_machine
):
    moment = datetime.datetime(2026, 6, 2, 14, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))
    time_machine.move_to(moment, tick=False)
    settings.PRIVACY_STATEMENT_VERSION = "2026-05"
    send_assessment(client)
    send_callback(client)
    for req in Request.objects.all():
        assert req.consent_at == moment
        assert req.consent_version == "2026-05"


def test_consent_is_asked_on_the_review_page_with_a_link_to_the_privacy_statement(client):
    response = post_step(
        client, "contact", assessment_data(consent=None), done="gevaar,kind,u,vraag"
    )
    html = response.content.decode()
    assert 'type="checkbox" name="consent"' in html
    assert (
        '<a href="/privacyverklaring/" target="_blank" rel="noopener">privacyverklaring '
        "(opent in een nieuw tabblad)</a>"
    ) in html
    assert "Er is iets niet goed ingevuld" not in html  # not an error before trying to send


def test_a_consent_ticked_before_changing_an_answer_is_still_ticked_afterwards(client):
    data = assessment_data()
    data.update(
        {"stap": "controleren", "actie": "wijzig:kind", "klaar": "gevaar,kind,u,vraag,contact"}
    )
    step = client.post("/onderzoek-aanvragen/", data)
    assert '<input type="hidden" name="consent" value="on">' in step.content.decode()
