"""E-mail after commit: intake hears of each request, the parent gets the reference.

No personal data in either; a mail server that is down never loses a request.
"""

import datetime
import io
import socket

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from requests_app.models import EventType, NotifyState, Request
from tests.helpers.forms import send_assessment, send_callback
from tests.helpers.mail_backends import REFUSED

pytestmark = pytest.mark.django_db

PERSONAL = {
    "child_first_name": "Fleurtje",
    "child_residence": "Milheeze",
    "contact_name": "Wilhelmina Bakkerszoon",
    "worries": "Slaapt slecht sinds de verhuizing en bijt andere kinderen.",
    "phone": "06 87654321",
    "email": "wilhelmina@example.org",
    "relation": "foster_parent",
    "help_so_far": ["youth_doctor"],
}
NEVER_IN_ANY_MAIL = [
    "Fleurtje",
    "Milheeze",
    "Wilhelmina",
    "Bakkerszoon",
    "Slaapt slecht",
    "verhuizing",
    "87654321",
    "+31687654321",
    "foster_parent",
    "youth_doctor",
    "Pleegouder",
]


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_down(settings):
    """The real SMTP backend, pointed at a port where nothing listens."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    settings.EMAIL_TIMEOUT = 2
    return settings


def retry():
    out = io.StringIO()
    call_command("retry_notifications", stdout=out)
    return out.getvalue()


def mail_to(address):
    return [m for m in mail.outbox if address in m.to]


def text_of(message):
    return f"{message.subject}\n{message.body}"


def test_nothing_is_sent_before_the_transaction_commits(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_assessment(client)
    assert mail.outbox == []
    assert len(callbacks) == 1
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 2


def test_intake_hears_of_a_new_request_with_reference_kind_and_admin_link(
    client, settings, django_capture_on_commit_callbacks
):
    settings.INTAKE_EMAIL = "aanmelding@example.org"
    settings.SITE_URL = "https://www.bijzonderjeugdwerk.nl"
    with django_capture_on_commit_callbacks(execute=True):
        send_assessment(client)
    req = Request.objects.get()
    [notice] = mail_to("aanmelding@example.org")
    assert notice.subject == f"Nieuwe aanvraag {req.reference} (Onderzoek aanvragen)"
    admin_link = "https://www.bijzonderjeugdwerk.nl" + reverse(
        "admin:requests_app_request_change", args=[req.pk]
    )
    assert admin_link in notice.body
    assert "SPOED" not in text_of(notice)


def test_an_urgent_request_is_marked_spoed_for_intake(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_assessment(client, is_urgent="ja")
    [notice] = mail_to("intake@bijzonderjeugdwerk.nl")
    assert notice.subject.startswith("SPOED – Nieuwe aanvraag OZ-")
    assert "SPOED" in notice.body


def test_the_parent_gets_the_reference_next_steps_and_how_to_reach_us(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_assessment(client, email="ouder@example.org")
    req = Request.objects.get()
    [confirmation] = mail_to("ouder@example.org")
    assert confirmation.subject == f"Wij hebben uw aanvraag ontvangen ({req.reference})"
    assert req.reference in confirmation.body
    assert "Wij nemen contact met u op, op de manier die u koos." in confirmation.body
    assert "0493 - 327506" in confirmation.body
    # Nothing the organisation has not confirmed, and replies never go where editors say.
    for concept in ("werkdag", "info@bijzonderjeugdwerk.nl", "9.00", "17.00"):
        assert concept not in confirmation.body
    assert confirmation.reply_to == []


def test_without_an_e_mail_address_only_intake_is_told(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_assessment(client, email="", preferred_channel="phone")
    assert [m.to for m in mail.outbox] == [["intake@bijzonderjeugdwerk.nl"]]
    assert Request.objects.get().notify_state == NotifyState.SENT


def test_a_parent_who_may_not_be_named_gets_no_mail_while_intake_is_told(
    client, django_capture_on_commit_callbacks
):
    # "Nee" to "Mogen wij zeggen dat wij van Bijzonder Jeugdwerk zijn?": any mail from us
    # (sender, reply address, phone number, the subject) would tell whoever reads along.
    with django_capture_on_commit_callbacks(execute=True):
        send_assessment(client, email="ouder@example.org", may_name_organisation="nee")
    assert [m.to for m in mail.outbox] == [["intake@bijzonderjeugdwerk.nl"]]
    req = Request.objects.get()
    assert req.notify_state == NotifyState.SENT
    assert list(req.events.filter(type=EventType.NOTIFY).values_list("from_value", "to_value")) == [
        ("parent", "withheld"),
        ("intake", "sent"),
    ]


def test_a_retry_never_mails_a_parent_who_may_not_be_named(
    client, smtp_down, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_assessment(client, email="ouder@example.org", may_name_organisation="nee")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert retry().strip() == "E-mailmeldingen: 1 verstuurd, 0 mislukt."
    retry()
    assert [m.to for m in mail.outbox] == [["intake@bijzonderjeugdwerk.nl"]]
    withheld = Request.objects.get().events.filter(from_value="parent")
    assert list(withheld.values_list("to_value", flat=True)) == ["withheld"]


def test_no_mail_carries_personal_data(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_assessment(client, is_urgent="ja", **PERSONAL)
    assert len(mail.outbox) == 2
    [notice] = mail_to("intake@bijzonderjeugdwerk.nl")
    [confirmation] = mail_to("wilhelmina@example.org")
    for message in (notice, confirmation):
        for personal in NEVER_IN_ANY_MAIL:
            assert personal not in text_of(message)
    assert "wilhelmina@example.org" not in text_of(notice)
    # Nothing about health or danger in what lands in a family's shared inbox.
    for word in ["gevaar", "SPOED", "spoed", "onderzoek", "hechting", "zorgen", "Veilig Thuis"]:
        assert word not in text_of(confirmation)


def test_the_callback_mails_carry_no_personal_data_either(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_callback(
            client,
            contact_name="Wilhelmina Bakkerszoon",
            phone="06 87654321",
            note="Over Fleurtje, die slecht slaapt.",
            email="wilhelmina@example.org",
        )
    req = Request.objects.get()
    [notice] = mail_to("intake@bijzonderjeugdwerk.nl")
    [confirmation] = mail_to("wilhelmina@example.org")
    assert notice.subject == f"Nieuwe aanvraag {req.reference} (Bel mij terug)"
    assert confirmation.subject == f"Wij hebben uw terugbelverzoek ontvangen ({req.reference})"
    for message in (notice, confirmation):
        for personal in ["Wilhelmina", "Bakkerszoon", "87654321", "Fleurtje", "slaapt"]:
            assert personal not in text_of(message)


def test_html_typed_in_any_field_never_reaches_a_mail(client, django_capture_on_commit_callbacks):
    script = "<script>alert(1)</script>"
    with django_capture_on_commit_callbacks(execute=True):
        send_assessment(
            client,
            child_first_name=script,
            contact_name=f"<b>{script}</b>",
            worries=f"<img src=x onerror=alert(1)> {script}",
            child_residence="<i>Helmond</i>",
        )
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        for fragment in ["<script", "alert(", "onerror", "<b>", "<i>", "&lt;"]:
            assert fragment not in text_of(message)


def test_suspected_spam_is_not_mailed_to_anyone(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_assessment(client, homepage="https://spam.example")
    assert mail.outbox == []
    assert Request.objects.get().notify_state == NotifyState.PENDING


def test_with_the_mail_server_down_the_request_is_kept_and_the_parent_sees_no_error(
    client, smtp_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send_assessment(client)
    assert response.status_code == 302
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert "Aanvraag ontvangen" in confirmation.content.decode()
    assert "mislukt" not in confirmation.content.decode().lower()

    req = Request.objects.get()
    assert req.notify_state == NotifyState.FAILED
    assert req.notify_error == "ConnectionRefusedError"
    assert req.notify_attempts == 1
    assert req.notified_at is None
    event = req.events.get(type=EventType.NOTIFY)
    assert (event.to_value, event.detail) == ("failed", "ConnectionRefusedError")


def test_the_retry_command_sends_what_failed_and_only_once(
    client, smtp_down, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_assessment(client)
    with pytest.raises(CommandError, match="nog zonder e-mailmelding"):
        retry()
    assert Request.objects.get().notify_attempts == 2

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert retry().strip() == "E-mailmeldingen: 1 verstuurd, 0 mislukt."
    req = Request.objects.get()
    assert req.notify_state == NotifyState.SENT
    assert req.notify_error == ""
    assert req.notified_at is not None
    assert sorted(m.to[0] for m in mail.outbox) == [
        "intake@bijzonderjeugdwerk.nl",
        "marieke@example.org",
    ]

    retry()
    assert len(mail.outbox) == 2


def test_a_retry_does_not_send_again_what_already_went_out(
    client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.helpers.mail_backends.RefusesOneAddressBackend"
    with django_capture_on_commit_callbacks(execute=True):
        send_assessment(client, email=REFUSED)
    assert [m.to for m in mail.outbox] == [["intake@bijzonderjeugdwerk.nl"]]
    req = Request.objects.get()
    assert req.notify_state == NotifyState.FAILED
    assert req.notify_error == "SMTPRecipientsRefused"

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    retry()
    assert [m.to for m in mail.outbox] == [["intake@bijzonderjeugdwerk.nl"], [REFUSED]]


def test_the_retry_command_leaves_a_request_that_is_still_being_sent(
    client, django_capture_on_commit_callbacks, time_machine
):
    with django_capture_on_commit_callbacks(execute=False):
        send_assessment(client)  # the web process has not sent it yet
    retry()
    assert mail.outbox == []

    # Ten minutes later it is clearly stuck: the command takes over.
    time_machine.move_to(timezone.now() + datetime.timedelta(minutes=10))
    retry()
    assert len(mail.outbox) == 2


def test_a_refused_intake_address_does_not_keep_the_parents_confirmation_back(
    client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.helpers.mail_backends.RefusesOneAddressBackend"
    settings.INTAKE_EMAIL = REFUSED
    with django_capture_on_commit_callbacks(execute=True):
        send_assessment(client, email="ouder@example.org")
    assert [m.to for m in mail.outbox] == [["ouder@example.org"]]
    req = Request.objects.get()
    assert req.notify_state == NotifyState.FAILED
    events = req.events.filter(type=EventType.NOTIFY)
    assert list(events.values_list("from_value", "to_value", "detail")) == [
        ("intake", "failed", "SMTPRecipientsRefused"),
        ("parent", "sent", ""),
    ]


def test_the_retry_command_gives_up_on_a_request_after_the_maximum_attempts(
    client, smtp_down, settings, django_capture_on_commit_callbacks
):
    settings.REQUEST_NOTIFY_MAX_ATTEMPTS = 3
    with django_capture_on_commit_callbacks(execute=True):
        send_assessment(client)
    for _ in range(2):
        with pytest.raises(CommandError):
            retry()
    assert Request.objects.get().notify_attempts == 3
    assert retry().strip() == "E-mailmeldingen: 0 verstuurd, 0 mislukt."
    assert Request.objects.get().notify_state == NotifyState.FAILED
