"""A failed login answers the same whatever was wrong, and every failure counts alike.

Otherwise the answer tells a right password from a wrong one (the code is only checked
after the password), and passwords could be guessed online without ever knowing a code.
"""

import itertools
import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import make_staff, make_user

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-wachtwoord-2026"
WRONG = "fout-wachtwoord-123"


@pytest.fixture
def require_2fa(settings):
    settings.ADMIN_REQUIRE_2FA = True


def code_for(device):
    return f"{TOTP(device.bin_key, step=device.step, t0=device.t0).token():06d}"


def wrong_code_for(device):
    return f"{(int(code_for(device)) + 1) % 1_000_000:06d}"


_addresses = itertools.count(1)


def attempt(username, password, token=None):
    """One login from a fresh browser at its own address (so no lock-out comes between)."""
    data = {"username": username, "password": password, "next": reverse("admin:index")}
    if token is not None:
        data["otp_token"] = token
    client = Client(REMOTE_ADDR=f"192.0.2.{next(_addresses) % 250 + 1}")
    return client.post(reverse("admin:login"), data)


def error_text(response) -> str:
    notes = re.findall(r'<p class="errornote">\s*(.*?)\s*</p>', response.content.decode(), re.S)
    assert len(notes) == 1, notes
    return notes[0]


def page_without_token(response) -> str:
    html = response.content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_every_failed_login_with_two_factor_gives_the_same_page(require_2fa):
    enrolled = make_staff(is_superuser=True, username="ingeschreven")
    device = TOTPDevice.objects.create(user=enrolled, name="telefoon", confirmed=True)
    make_staff(is_superuser=True, username="zonderapp")
    second = make_staff(is_superuser=True, username="tweeapps")
    for name in ("telefoon", "tablet"):
        TOTPDevice.objects.create(user=second, name=name, confirmed=True)
    make_user(username="geenmedewerker", password=PASSWORD)

    cases = {
        "wrong password, no code": ("ingeschreven", WRONG, None),
        "wrong password, wrong code": ("ingeschreven", WRONG, wrong_code_for(device)),
        "wrong password, right code": ("ingeschreven", WRONG, code_for(device)),
        "right password, no code": ("ingeschreven", PASSWORD, None),
        "right password, empty code": ("ingeschreven", PASSWORD, ""),
        "right password, wrong code": ("ingeschreven", PASSWORD, wrong_code_for(device)),
        "right password, letters for a code": ("ingeschreven", PASSWORD, "abcdef"),
    }
    pages = {label: attempt(*args) for label, args in cases.items()}
    for label, response in pages.items():
        assert response.status_code == 200, label
    reference = page_without_token(pages["wrong password, no code"])
    for label, response in pages.items():
        assert page_without_token(response) == reference, label

    # Other accounts: the same error text, byte for byte (the page shows their name).
    text = error_text(pages["wrong password, no code"])
    others = {
        "no app enrolled, right password": ("zonderapp", PASSWORD, "123456"),
        "no app enrolled, wrong password": ("zonderapp", WRONG, "123456"),
        "two apps, right password, no code": ("tweeapps", PASSWORD, None),
        "two apps, right password, wrong code": ("tweeapps", PASSWORD, "000000"),
        "not staff, right password": ("geenmedewerker", PASSWORD, None),
        "unknown account": ("niemand", PASSWORD, "123456"),
    }
    for label, args in others.items():
        response = attempt(*args)
        assert response.status_code == 200, label
        assert error_text(response) == text, label
        assert 'name="otp_device"' not in response.content.decode(), label
    assert "Inloggen is niet gelukt" in text


def test_every_failed_login_without_two_factor_gives_the_same_text():
    make_staff(username="medewerker")
    make_user(username="geenmedewerker", password=PASSWORD)
    texts = {
        error_text(attempt("medewerker", WRONG)),
        error_text(attempt("niemand", PASSWORD)),
        error_text(attempt("geenmedewerker", PASSWORD)),
    }
    assert len(texts) == 1
    assert "Inloggen is niet gelukt" in texts.pop()


def test_a_staff_member_with_two_apps_logs_in_with_a_code_from_either(require_2fa):
    staff = make_staff(is_superuser=True)
    TOTPDevice.objects.create(user=staff, name="telefoon", confirmed=True)
    tablet = TOTPDevice.objects.create(user=staff, name="tablet", confirmed=True)
    client = Client()
    response = client.post(
        reverse("admin:login"),
        {"username": staff.username, "password": PASSWORD, "otp_token": code_for(tablet)},
    )
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.parametrize(
    "token",
    [None, "", "000000", "right code"],
    ids=["no code", "empty code", "wrong code", "right code, wrong password"],
)
def test_the_lock_out_counts_every_kind_of_failure_alike(require_2fa, token):
    staff = make_staff(is_superuser=True)
    device = TOTPDevice.objects.create(user=staff, name="telefoon", confirmed=True)
    client = Client()
    for _ in range(5):
        if token == "right code":
            password, code = WRONG, code_for(device)
        else:
            password, code = PASSWORD, token
        data = {"username": staff.username, "password": password}
        if code is not None:
            data["otp_token"] = code
        client.post(reverse("admin:login"), data)
    response = client.post(
        reverse("admin:login"),
        {"username": staff.username, "password": PASSWORD, "otp_token": code_for(device)},
    )
    assert response.status_code == 429
    assert "Inloggen is tijdelijk geblokkeerd" in response.content.decode()


def test_an_unsafe_next_after_login_lands_on_the_admin_index():
    staff = make_staff(is_superuser=True)
    for unsafe in [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
    ]:
        client = Client()
        response = client.post(
            reverse("admin:login"),
            {"username": staff.username, "password": PASSWORD, "next": unsafe},
        )
        assert response.status_code == 302, unsafe
        assert response["Location"] == reverse("admin:index"), unsafe
        assert client.get(response["Location"]).status_code == 200


def test_a_safe_next_after_login_is_followed():
    staff = make_staff(is_superuser=True)
    target = reverse("admin:auth_user_changelist")
    response = Client().post(
        reverse("admin:login"),
        {"username": staff.username, "password": PASSWORD, "next": target},
    )
    assert response["Location"] == target
