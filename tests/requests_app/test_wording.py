"""The forms speak plain Dutch (B1): no stumbling phrases, no jargon, one way of saying it."""

import re

import pytest
from django.core import mail
from django.utils.html import strip_tags

from requests_app.models import AssessmentRequest
from tests.helpers.forms import (
    ASSESSMENT_URL,
    CALLBACK_URL,
    assessment_data,
    birth_date_years_ago,
    date_parts,
    post_step,
    send_assessment,
    send_callback,
)

pytestmark = pytest.mark.django_db

# Words a B1 reader stumbles over, and "Hebt u" next to "Heeft u" elsewhere on the site.
STUMBLING = [
    "hoogstens",
    "Hebt u",
    "hebt u",
    "gecertificeerde instelling",
    "Wat maakt u zich zorgen",
    "wat u zich zorgen maakt",
    "Om misbruik te voorkomen",
]


def text(response):
    return strip_tags(response.content.decode())


def every_page_a_parent_can_see(client, settings):
    """Each step (with every message it can show), the review, both confirmations,
    the rate-limit page, the callback form with errors, and the e-mails."""
    data = assessment_data(
        **date_parts(birth_date_years_ago(13)), authority="guardian", child_informed="yes"
    )
    done = ""
    pages = [client.get(ASSESSMENT_URL), client.get(CALLBACK_URL)]
    for step in ("gevaar", "kind", "u", "vraag", "contact"):
        pages.append(post_step(client, step, data, done=done))
        done = f"{done},{step}".strip(",")
    empty = {key: "" for key in data if key != "ticket"}
    for step in ("gevaar", "kind", "u", "vraag", "contact"):
        pages.append(post_step(client, step, {**data, **empty}))
    pages.append(post_step(client, "vraag", {**data, "worries": "x" * 3001}))
    pages.append(send_callback(client, phone="", note="x" * 501))
    pages.append(client.get(send_assessment(client)["Location"]))
    pages.append(client.get(send_assessment(client, may_name_organisation="nee")["Location"]))
    pages.append(client.get(send_callback(client)["Location"]))
    settings.REQUEST_RATE_LIMIT = "1/h"
    send_callback(client)
    pages.append(send_assessment(client))
    pages.append(send_callback(client))
    return [text(page) for page in pages]


def test_no_page_or_mail_a_parent_sees_has_a_stumbling_phrase(
    client, settings, signs, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        texts = every_page_a_parent_can_see(client, settings)
    assert any("Controleer uw gegevens" in t for t in texts)
    assert any("Terugbelverzoek ontvangen" in t for t in texts)
    assert any("U hoeft het formulier niet opnieuw te versturen." in t for t in texts)
    assert mail.outbox
    texts += [f"{m.subject}\n{m.body}" for m in mail.outbox]
    for t in texts:
        for phrase in STUMBLING:
            assert phrase not in t


def test_the_worries_question_asks_what_about(client):
    html = post_step(client, "u", assessment_data(), done="gevaar,kind").content.decode()
    assert "Waarover maakt u zich zorgen?</label>" in html
    assert "U kunt niet meer dan 3000 tekens gebruiken." in html
    html = post_step(client, "vraag", assessment_data(worries="")).content.decode()
    assert "Schrijf op waarover u zich zorgen maakt." in html


def test_a_text_that_is_too_long_says_how_many_characters_may_be_used(client):
    html = send_callback(client, note="x" * 501).content.decode()
    assert "Uw tekst is te lang: gebruik niet meer dan 500 tekens (nu 501)." in html
    assert "Kort is goed. U kunt niet meer dan 500 tekens gebruiken." in html


def test_a_guardian_is_explained_with_a_name_parents_know(client):
    html = post_step(client, "kind", assessment_data(), done="gevaar").content.decode()
    assert re.search(r"<label [^>]*>Een voogd \(bijvoorbeeld Jeugdbescherming\)</label>", html)


def test_the_review_and_the_stored_request_keep_the_guardian_choice(client):
    review = post_step(
        client, "contact", assessment_data(authority="guardian"), done="gevaar,kind,u,vraag"
    )
    assert "Een voogd (bijvoorbeeld Jeugdbescherming)" in review.content.decode()
    send_assessment(client, authority="guardian")
    assert AssessmentRequest.objects.get().authority == "guardian"


def test_the_e_mail_hints_say_when_no_confirmation_is_sent(client):
    html = post_step(client, "vraag", assessment_data(), done="gevaar,kind,u").content.decode()
    assert (
        "Wij sturen u een bevestiging met het nummer van uw aanvraag. Kiest u hieronder dat "
        "wij niet mogen zeggen dat wij van Bijzonder Jeugdwerk zijn? Dan sturen wij geen "
        "bevestiging."
    ) in html
    assert (
        "Kies ‘Nee’ als het niet veilig is dat anderen weten dat u hulp zoekt. "
        "Dan sturen wij u ook geen bevestiging per e-mail."
    ) in html
