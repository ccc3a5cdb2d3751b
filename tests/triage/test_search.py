"""Search in the queue: reference, name, e-mail, and a phone number written any Dutch way."""

import pytest

from requests_app import phones
from tests.factories import make_assessment_request, make_callback_request
from tests.helpers.triage import references


@pytest.mark.parametrize(
    "typed",
    [
        "06-12345678",
        "0612345678",
        "06 12 34 56 78",
        "+31 6 1234 5678",
        "+31612345678",
        "0031612345678",
        "0031 6 12345678",
        "(06) 1234-5678",
    ],
)
def test_a_phone_number_typed_any_dutch_way_finds_the_stored_one(intake_client, queue_url, typed):
    wanted = make_callback_request(phone="+31612345678")
    make_callback_request(phone="+31687654321")
    response = intake_client.get(queue_url, {"q": typed})
    assert references(response) == [wanted.reference]


def test_a_landline_number_is_found_too(intake_client, queue_url):
    wanted = make_assessment_request(phone="+31493327506")
    assert references(intake_client.get(queue_url, {"q": "0493 - 327506"})) == [wanted.reference]


def test_search_by_reference(intake_client, queue_url):
    wanted = make_assessment_request()
    make_assessment_request()
    assert references(intake_client.get(queue_url, {"q": wanted.reference})) == [wanted.reference]
    assert references(intake_client.get(queue_url, {"q": wanted.reference.lower()})) == [
        wanted.reference
    ]


def test_a_reference_is_not_mistaken_for_a_phone_number(db):
    # phonenumbers reads letters as keypad digits; a reference must stay a reference.
    assert phones.phone_in_search("OZ-2026-00042") == ""
    assert phones.phone_in_search("2026") == ""


def test_search_by_name_part(intake_client, queue_url):
    wanted = make_assessment_request(contact_name="Fatima el Amrani")
    make_assessment_request(contact_name="Jan Jansen")
    assert references(intake_client.get(queue_url, {"q": "amrani"})) == [wanted.reference]


def test_search_by_email(intake_client, queue_url):
    wanted = make_callback_request(email="Moeder.Smit@Example.nl")
    make_callback_request(email="iemand@example.nl")
    assert references(intake_client.get(queue_url, {"q": "moeder.smit@example.nl"})) == [
        wanted.reference
    ]


def test_search_looks_beyond_the_open_queue_when_asked(intake_client, queue_url):
    from django.utils import timezone

    from requests_app.models import Status

    closed = make_callback_request(
        phone="+31612345678", status=Status.DONE, closed_at=timezone.now()
    )
    assert references(intake_client.get(queue_url, {"q": "06-12345678"})) == []
    found = intake_client.get(queue_url, {"q": "06-12345678", "status": "alle"})
    assert references(found) == [closed.reference]
