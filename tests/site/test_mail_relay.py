"""Mail goes out through a real SMTP relay; production never runs without one.

The tests start a real SMTP server (aiosmtpd, 127.0.0.1, a port the system picks) and
send through Django's own SMTP backend: what a parent submits through the form arrives,
a relay that refuses or is down loses nothing, and retry_notifications delivers once the
relay is back.
"""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from requests_app.models import NotifyState, Request
from tests.factories import make_superuser
from tests.helpers.forms import send_callback
from tests.helpers.stack import free_port

from .smtp import LocalSMTP, Relay, use_smtp
from .test_settings import manage_py, run_django

PRODUCTION = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "k" * 30 + "Q9z!" * 10,
    "ALLOWED_HOSTS": "www.bijzonderjeugdwerk.nl",
}
PERSONAL = ["Wilhelmina", "Bakkerszoon", "87654321", "Fleurtje", "slaapt"]


@pytest.fixture
def relay():
    handler = Relay()
    server = LocalSMTP(handler)
    server.start()
    yield handler, server
    server.stop()


def submit(client, capture):
    with capture(execute=True):
        response = send_callback(
            client,
            contact_name="Wilhelmina Bakkerszoon",
            phone="06 87654321",
            note="Over Fleurtje, die slecht slaapt.",
            email="wilhelmina@example.org",
        )
    assert response.status_code == 302
    return Request.objects.get()


def retry():
    out = io.StringIO()
    call_command("retry_notifications", stdout=out)
    return out.getvalue().strip()


def queue_shows_the_failure(req) -> bool:
    from django.test import Client

    staff = Client()
    staff.force_login(make_superuser())
    failed = staff.get(reverse("admin:requests_app_request_changelist") + "?melding=mislukt")
    detail = staff.get(reverse("admin:requests_app_request_change", args=[req.pk]))
    return (
        req.reference in failed.content.decode()
        and "De e-mailmelding is mislukt" in detail.content.decode()
    )


# --- Delivery through a real relay --------------------------------------------------------


@pytest.mark.django_db
def test_a_callback_sent_through_the_form_arrives_at_the_relay(
    client, settings, relay, django_capture_on_commit_callbacks
):
    handler, server = relay
    use_smtp(settings, server.port)
    settings.INTAKE_EMAIL = "intake@example.org"
    req = submit(client, django_capture_on_commit_callbacks)

    assert req.notify_state == NotifyState.SENT
    by_recipient = {tuple(d.rcpt_tos): d for d in handler.delivered}
    assert set(by_recipient) == {("intake@example.org",), ("wilhelmina@example.org",)}
    for delivered in handler.delivered:
        assert delivered.mail_from == "noreply@bijzonderjeugdwerk.nl"
        assert delivered.message["From"] == "Bijzonder Jeugdwerk <noreply@bijzonderjeugdwerk.nl>"
        assert delivered.message["Message-ID"] and delivered.message["Date"]
        assert delivered.message.get_content_type() == "text/plain"
        assert delivered.message.get_content_charset() == "utf-8"
        assert req.reference in delivered.text
        for personal in PERSONAL:
            assert personal not in delivered.text
    notice = by_recipient[("intake@example.org",)].message
    assert notice["Subject"] == f"Nieuwe aanvraag {req.reference} (Bel mij terug)"
    assert notice["To"] == "intake@example.org"
    confirmation = by_recipient[("wilhelmina@example.org",)].message
    assert confirmation["Subject"] == f"Wij hebben uw terugbelverzoek ontvangen ({req.reference})"


@pytest.mark.django_db
@pytest.mark.parametrize("refuse", ["rcpt", "data"])
def test_a_relay_that_refuses_loses_nothing_and_the_retry_delivers_once(
    client, settings, relay, refuse, django_capture_on_commit_callbacks
):
    handler, server = relay
    use_smtp(settings, server.port)
    handler.refuse = refuse
    req = submit(client, django_capture_on_commit_callbacks)

    req.refresh_from_db()
    assert req.notify_state == NotifyState.FAILED
    assert req.notify_error in {"SMTPRecipientsRefused", "SMTPDataError"}
    assert handler.delivered == []
    assert queue_shows_the_failure(req)

    handler.refuse = None
    assert retry() == "E-mailmeldingen: 1 verstuurd, 0 mislukt."
    assert sorted(d.rcpt_tos[0] for d in handler.delivered) == [
        "intake@bijzonderjeugdwerk.nl",
        "wilhelmina@example.org",
    ]
    req.refresh_from_db()
    assert req.notify_state == NotifyState.SENT
    retry()
    assert len(handler.delivered) == 2


@pytest.mark.django_db
def test_a_relay_that_is_down_loses_nothing_and_the_retry_delivers_once_it_is_back(
    client, settings, django_capture_on_commit_callbacks
):
    port = free_port()  # nothing listens there yet
    use_smtp(settings, port)
    req = submit(client, django_capture_on_commit_callbacks)
    req.refresh_from_db()
    assert req.notify_state == NotifyState.FAILED
    assert req.notify_error == "ConnectionRefusedError"
    assert queue_shows_the_failure(req)
    with pytest.raises(CommandError):
        retry()  # still down: the command exits non-zero, so cron mails the operator

    handler = Relay()
    server = LocalSMTP(handler, port=port)
    server.start()
    try:
        assert retry() == "E-mailmeldingen: 1 verstuurd, 0 mislukt."
        retry()
    finally:
        server.stop()
    assert sorted(d.rcpt_tos[0] for d in handler.delivered) == [
        "intake@bijzonderjeugdwerk.nl",
        "wilhelmina@example.org",
    ]


# --- Production needs a relay -------------------------------------------------------------


def test_production_without_email_url_stops_with_a_message_saying_what_to_set():
    result = run_django("", EMAIL_URL="", **PRODUCTION)
    assert result.returncode != 0
    assert "EMAIL_URL is not set" in result.stderr
    assert "smtp+tls://" in result.stderr


def test_production_sends_through_the_relay_that_email_url_names(relay):
    handler, server = relay
    result = run_django(
        "from django.core.mail import send_mail\n"
        "send_mail('Proef', 'Een proefbericht.', None, ['intake@example.org'])\n",
        EMAIL_URL=f"smtp://127.0.0.1:{server.port}",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    [delivered] = handler.delivered
    assert delivered.rcpt_tos == ["intake@example.org"]
    assert delivered.message["Subject"] == "Proef"


@pytest.mark.parametrize("email_url", ["console:", "dummy:", "memory:", "file:///tmp/mail"])
def test_check_deploy_fails_for_a_mail_backend_that_sends_nothing(email_url, tmp_path):
    result = manage_py(
        "check",
        "--deploy",
        **PRODUCTION,
        EMAIL_URL=email_url,
        VAR_DIR=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        ADMIN_PATH="medewerkers",
    )
    assert result.returncode != 0
    assert "site_config.E001" in result.stderr
    assert "EMAIL_URL" in result.stderr


@pytest.mark.parametrize(
    ("email_url", "expected"),
    [
        ("smtp+tls://site:geheim@relay.example.org", "relay.example.org 587 True False site"),
        ("smtp+tls://relay.example.org:2525", "relay.example.org 2525 True False "),
        ("smtp+ssl://site:geheim@relay.example.org", "relay.example.org 465 False True site"),
        ("smtp://relay.example.org:25", "relay.example.org 25 False False "),
    ],
)
def test_the_email_url_forms_in_the_readme_are_understood(email_url, expected):
    result = run_django(
        "from django.conf import settings as s\n"
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS, s.EMAIL_USE_SSL,"
        " s.EMAIL_HOST_USER)\n",
        EMAIL_URL=email_url,
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.strip() == f"django.core.mail.backends.smtp.EmailBackend {expected}".strip()
    )


def test_an_unknown_email_url_scheme_stops_with_a_message():
    result = run_django("", EMAIL_URL="smpt://relay.example.org", **PRODUCTION)
    assert result.returncode != 0
    assert "EMAIL_URL: unknown scheme in 'smpt'" in result.stderr
