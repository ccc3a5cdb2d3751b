"""Safe contact first: on a request's page the safe-contact answers stand above the phone
number, in plain words, the don'ts first; the same words as the call page (questions.py)."""

import pytest

from requests_app.questions import NAME_ONLY_TO_PARENT, NO_VOICEMAIL, VOICEMAIL_OK
from tests.factories import make_assessment_request, make_callback_request
from tests.helpers.calls import call_url, page_text
from tests.helpers.triage import change_url


@pytest.mark.parametrize("page", [change_url, call_url])
def test_the_donts_stand_above_the_phone_number(intake_client, page):
    request = make_assessment_request(
        phone="+31612345678", voicemail_allowed=False, may_name_organisation=False
    )
    text = page_text(intake_client.get(page(request)))
    number = text.index("06 12345678")
    assert text.index("Veilig contact: lees dit voordat u belt") < number
    assert text.index("Geen voicemail inspreken") < number
    assert text.index("Noem onze naam pas als u de ouder zelf spreekt") < number


def test_what_is_allowed_is_said_too_after_what_is_not(intake_client, site_content):
    request = make_assessment_request(voicemail_allowed=False, may_name_organisation=True)
    text = page_text(intake_client.get(change_url(request)))
    rules = text[text.index("Veilig contact: lees") : text.index("Telefoonnummer")]
    assert rules.index(NO_VOICEMAIL) < rules.index(
        "U mag zeggen dat u van Bijzonder Jeugdwerk belt"
    )


def test_a_callback_never_asked_so_the_name_waits_for_the_parent(intake_client):
    request = make_callback_request(voicemail_allowed=True)
    text = page_text(intake_client.get(change_url(request)))
    rules = text[text.index("Veilig contact: lees") : text.index("Telefoonnummer")]
    assert NAME_ONLY_TO_PARENT in rules and VOICEMAIL_OK in rules
    assert rules.index(NAME_ONLY_TO_PARENT) < rules.index(VOICEMAIL_OK)
