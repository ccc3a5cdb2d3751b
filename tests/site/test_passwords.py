"""Passwords that are easy to guess are refused, in Dutch, wherever a password is set."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tests.factories import make_superuser, make_user

PASSWORD = "een-lang-wachtwoord-2026"

WEAK = [
    "aaaaaaaaaaaa",
    "wachtwoord12",
    "Bijzonder2026",
    "intake1intake1",
    "Jeugdwerk2026!",
    "BijzonderJeugdwerk",
    "Welkom123456",
    "Wachtwoord2026!",
    "qwertyuiop12",
    "abcabcabcabc",
    "Hechting2026!",
    "Medewerker01",
    "Zomer2026zomer",
    "Amsterdam2026",
    "1q2w3e4r5t6y",
]
STRONG = [
    "een-lang-wachtwoord-2026",
    "fiets wolk tegel mandarijn",
    "Voorjaar-Kompas-7-Lepel",
    "grijze-pinguin-danst-traag",
]


def messages(password, user=None) -> list[str]:
    try:
        validate_password(password, user)
    except ValidationError as error:
        return list(error.messages)
    return []


@pytest.mark.parametrize("password", WEAK)
def test_a_guessable_password_is_refused_with_a_dutch_message(password):
    found = messages(password)
    assert found, password
    assert any("te makkelijk te raden" in m or "te algemeen" in m for m in found), found


@pytest.mark.parametrize("password", STRONG)
def test_a_passphrase_of_unrelated_words_is_accepted(password):
    assert messages(password) == []


@pytest.mark.django_db
def test_the_staff_member_s_own_name_does_not_make_a_password():
    user = make_user(username="mdevries", first_name="Marieke", last_name="Vries")
    assert messages("Marieke2026!!", user)
    assert messages("mdevries2026mdevries", user)


def test_the_message_names_what_is_wrong_and_what_to_do():
    [message] = [m for m in messages("aaaaaaaaaaaa") if "te makkelijk" in m]
    assert message == (
        "Dit wachtwoord is te makkelijk te raden. Het herhaalt tekens of een kort stukje "
        "(zoals ‘aaaa’ of ‘abcabc’). Kies bijvoorbeeld vier losse woorden die niet bij "
        "elkaar horen, zoals ‘fiets wolk tegel mandarijn’."
    )


@pytest.mark.django_db
def test_the_admin_password_change_form_refuses_a_guessable_password():
    staff = make_superuser(password=PASSWORD)
    client = Client()
    client.force_login(staff)
    url = reverse("admin:password_change")
    response = client.post(
        url,
        {
            "old_password": PASSWORD,
            "new_password1": "Bijzonder2026",
            "new_password2": "Bijzonder2026",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit wachtwoord is te makkelijk te raden." in html
    staff.refresh_from_db()
    assert staff.check_password(PASSWORD)

    strong = "grijze-pinguin-danst-traag"
    response = client.post(
        url, {"old_password": PASSWORD, "new_password1": strong, "new_password2": strong}
    )
    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.check_password(strong)


def test_a_very_long_password_is_judged_and_not_refused_for_its_length():
    assert messages("fiets wolk tegel mandarijn " * 5) == []
    assert messages("a" * 200)
