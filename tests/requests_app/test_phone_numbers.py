"""Phone numbers typed the way people write them are accepted and stored in one form."""

import pytest
from django.core.exceptions import ValidationError

from requests_app.forms.fields import PhoneNumberField
from requests_app.models import Request
from requests_app.phones import format_phone
from tests.helpers.forms import send_callback


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("06 12345678", "+31612345678"),
        ("0612345678", "+31612345678"),
        ("06-12345678", "+31612345678"),
        ("06 - 1234 5678", "+31612345678"),
        ("06.12.34.56.78", "+31612345678"),
        ("(06) 123 456 78", "+31612345678"),
        ("+31 6 12345678", "+31612345678"),
        ("+31612345678", "+31612345678"),
        ("+31 (0)6 12345678", "+31612345678"),
        ("0031 6 1234 5678", "+31612345678"),
        ("0031612345678", "+31612345678"),
        ("0493 - 327506", "+31493327506"),
        ("020-1234567", "+31201234567"),
        ("+32 470 12 34 56", "+32470123456"),
        ("\u00a006 12345678\u00a0", "+31612345678"),
    ],
)
def test_usual_ways_of_writing_a_number_are_stored_as_e164(typed, stored):
    assert PhoneNumberField().clean(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "12345",
        "06 1234567",
        "06 123456789",
        "0800",
        "hallo",
        "06 12345678 of 0493 327506",
        "+999 123",
    ],
)
def test_something_that_is_not_a_phone_number_gets_a_clear_message(typed):
    with pytest.raises(ValidationError) as error:
        PhoneNumberField().clean(typed)
    assert error.value.messages == [
        "Vul een geldig telefoonnummer in, zoals 06 12345678 of 0493 327506."
    ]


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("+31612345678", "06 12345678"),
        ("+31493327506", "0493 327 506"),
        ("+32470123456", "+32 470 12 34 56"),
    ],
)
def test_stored_numbers_are_shown_the_way_people_write_them(stored, shown):
    assert format_phone(stored) == shown


@pytest.mark.django_db
def test_a_callback_request_stores_the_number_normalised(client):
    send_callback(client, phone="0031 6-1234 5678")
    assert Request.objects.get().phone == "+31612345678"
