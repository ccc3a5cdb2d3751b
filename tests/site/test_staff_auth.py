"""The admin door: password plus a one-time code where required, lock-out, session limits."""

import time
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import make_staff

pytestmark = pytest.mark.django_db

PASSWORD = "een-lang-wachtwoord-2026"


@pytest.fixture
def require_2fa(settings):
    settings.ADMIN_REQUIRE_2FA = True


def login(client, username, password=PASSWORD, token=None, **extra):
    data = {"username": username, "password": password, "next": reverse("admin:index")}
    if token is not None:
        data["otp_token"] = token
    return client.post(reverse("admin:login"), data, **extra)


def code_for(device, at=None):
    """The code an authenticator app shows at time ``at`` (now by default)."""
    generator = TOTP(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    if at is not None:
        generator.time = at
    return f"{generator.token():06d}"


def test_without_2fa_required_a_password_is_enough(client):
    staff = make_staff(is_superuser=True)
    response = login(client, staff.username)
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_staff_without_a_device_cannot_log_in_where_2fa_is_required(client, require_2fa):
    staff = make_staff(is_superuser=True)
    response = login(client, staff.username, token="123456")
    assert response.status_code == 200
    assert client.get(reverse("admin:index")).status_code == 302  # back to the login form
    assert "Inloggen is niet gelukt." in response.content.decode()


def test_a_password_alone_is_refused_where_2fa_is_required(client, require_2fa):
    staff = make_staff(is_superuser=True)
    TOTPDevice.objects.create(user=staff, name="telefoon", confirmed=True)
    login(client, staff.username)
    assert client.get(reverse("admin:index")).status_code == 302


def test_a_valid_code_logs_in_once_and_cannot_be_used_again(client, require_2fa):
    staff = make_staff(is_superuser=True)
    device = TOTPDevice.objects.create(user=staff, name="telefoon", confirmed=True)
    code = code_for(device)
    assert login(client, staff.username, token=code).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200

    client.logout()
    login(client, staff.username, token=code)  # the same code again
    assert client.get(reverse("admin:index")).status_code == 302


def test_a_code_from_the_previous_30_second_step_is_refused(client, require_2fa):
    staff = make_staff(is_superuser=True)
    device = TOTPDevice.objects.create(user=staff, name="telefoon", confirmed=True, tolerance=3)
    device.refresh_from_db()
    assert device.tolerance == 0  # forced, whatever was asked
    old_code = code_for(device, at=time.time() - 30)
    if old_code == code_for(device):
        pytest.skip("codes of two steps happen to be equal")
    login(client, staff.username, token=old_code)
    assert client.get(reverse("admin:index")).status_code == 302


def test_five_failures_lock_the_account_out_with_a_dutch_message_then_cool_off(client):
    staff = make_staff(is_superuser=True)
    for _ in range(5):
        response = login(client, staff.username, password="fout-wachtwoord-123")
    response = login(client, staff.username)  # the right password, but locked
    assert response.status_code == 429
    assert "Inloggen is tijdelijk geblokkeerd" in response.content.decode()
    assert "15 minuten" in response.content.decode()

    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert login(client, staff.username).status_code == 302


def test_guessing_codes_locks_the_account_out_like_guessing_passwords(client, require_2fa):
    staff = make_staff(is_superuser=True)
    device = TOTPDevice.objects.create(user=staff, name="telefoon", confirmed=True)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    for _ in range(5):
        login(client, staff.username, token=wrong)
    response = login(client, staff.username, token=code_for(device))
    assert response.status_code == 429
    assert "Inloggen is tijdelijk geblokkeerd" in response.content.decode()


def test_lockout_counts_the_client_address_behind_the_proxy(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    staff = make_staff(is_superuser=True)
    for _ in range(5):
        login(
            client,
            staff.username,
            password="fout-wachtwoord-123",
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
    # The same user from another client address (same proxy) is not locked out.
    assert login(client, staff.username, HTTP_X_FORWARDED_FOR="198.51.100.4").status_code == 302
    client.logout()
    assert login(client, staff.username, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429


def test_staff_session_ends_after_30_idle_minutes(client):
    staff = make_staff(is_superuser=True)
    client.force_login(staff)
    with time_machine.travel(timezone.now() + timedelta(minutes=20)):
        assert client.get(reverse("admin:index")).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(minutes=20 + 31)):
        assert client.get(reverse("admin:index")).status_code == 302


def test_staff_session_ends_after_12_hours_however_active(client):
    staff = make_staff(is_superuser=True)
    client.force_login(staff)
    start = timezone.now()
    for minutes in range(0, 12 * 60, 25):
        with time_machine.travel(start + timedelta(minutes=minutes)):
            assert client.get(reverse("admin:index")).status_code == 200, minutes
    with time_machine.travel(start + timedelta(hours=12, minutes=5)):
        assert client.get(reverse("admin:index")).status_code == 302


def test_passwords_shorter_than_12_characters_are_refused():
    with pytest.raises(ValidationError):
        validate_password("Kort-1x!")
    validate_password("een-lang-wachtwoord-2026")
