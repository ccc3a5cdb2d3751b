"""The "we could not reach you" e-mail when a request moves to "niet bereikt": sent after
commit, only to a parent who gave an e-mail address and allowed us to say who we are, short
and without health data or names; recorded in the history, retried when the relay fails."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command

from requests_app import services
from requests_app.models import CallOutcome, EventType, NotifyState, Request, Status
from requests_app.notifications import retry_candidates
from tests.factories import make_intake_member
from tests.helpers.calls import april
from tests.helpers.forms import send_assessment, send_callback
from tests.helpers.mail_backends import REFUSED

pytestmark = pytest.mark.django_db

SUBJECT = "Wij konden u niet bereiken"
PERSONAL = ["Marieke", "Jansen", "Noor", "Helmond", "paniek", "12345678", "Zus nam op"]


@pytest.fixture(autouse=True)
def _clock(time_machine):
    time_machine.move_to(april(7), tick=False)


@pytest.fixture
def staff(db):
    return make_intake_member()


def submitted(client, captured, send=send_assessment, **answers):
    """A request as a parent sends it, its first e-mails out; the outbox emptied."""
    with captured(execute=True):
        send(client, **answers)
    mail.outbox.clear()
    return Request.objects.get()


def three_unanswered_calls(request, staff, captured, time_machine):
    with captured(execute=True):
        for _ in range(3):
            time_machine.shift(datetime.timedelta(minutes=20))
            services.record_call_attempt(
                request, CallOutcome.NO_ANSWER, actor=staff, note="Zus nam op"
            )
    assert Request.objects.get(pk=request.pk).status == Status.UNREACHED


def unreached_mails():
    return [m for m in mail.outbox if m.subject.startswith(SUBJECT)]


def mail_events(request):
    return list(
        request.events.filter(type=EventType.NOTIFY, from_value="parent_unreached").values_list(
            "to_value", flat=True
        )
    )


def test_a_parent_who_allowed_us_to_name_ourselves_gets_a_short_neutral_mail(
    client, staff, site_content, django_capture_on_commit_callbacks, time_machine
):
    captured = django_capture_on_commit_callbacks
    request = submitted(client, captured, may_name_organisation="ja")
    three_unanswered_calls(request, staff, captured, time_machine)
    (message,) = mail.outbox
    assert message.to == ["marieke@example.org"]
    assert message.subject == f"{SUBJECT} ({request.reference})"
    assert "Wij hebben geprobeerd u te bellen" in message.body
    assert "0493 - 327506" in message.body
    assert request.reference in message.body
    for word in PERSONAL:
        assert word not in message.subject + message.body, word
    assert mail_events(request) == ["sent"]
    assert Request.objects.get(pk=request.pk).notify_state == NotifyState.SENT


def test_nothing_is_sent_when_the_parent_asked_us_not_to_say_who_we_are(
    client, staff, django_capture_on_commit_callbacks, time_machine
):
    captured = django_capture_on_commit_callbacks
    request = submitted(client, captured, may_name_organisation="nee")
    three_unanswered_calls(request, staff, captured, time_machine)
    assert mail.outbox == []
    assert mail_events(request) == ["withheld"]  # staff see why in the history


def test_nothing_is_sent_without_an_e_mail_address(
    client, staff, django_capture_on_commit_callbacks, time_machine
):
    captured = django_capture_on_commit_callbacks
    request = submitted(client, captured, email="", may_name_organisation="ja")
    three_unanswered_calls(request, staff, captured, time_machine)
    assert mail.outbox == []
    assert mail_events(request) == []


def test_a_callback_parent_gets_no_mail_the_form_never_asked_about(
    client, staff, django_capture_on_commit_callbacks, time_machine
):
    captured = django_capture_on_commit_callbacks
    request = submitted(client, captured, send=send_callback)
    three_unanswered_calls(request, staff, captured, time_machine)
    assert mail.outbox == []
    assert mail_events(request) == ["not_asked"]


def test_a_failed_mail_is_retried_once_the_relay_is_back_and_sent_only_once(
    client, staff, settings, django_capture_on_commit_callbacks, time_machine
):
    captured = django_capture_on_commit_callbacks
    request = submitted(client, captured, email=REFUSED.replace("weigert", "ouder"))
    settings.EMAIL_BACKEND = "tests.helpers.mail_backends.RefusesOneAddressBackend"
    Request.objects.filter(pk=request.pk).update(email=REFUSED)  # the address now refused
    three_unanswered_calls(request, staff, captured, time_machine)
    assert unreached_mails() == []
    assert Request.objects.get(pk=request.pk).notify_state == NotifyState.FAILED
    assert mail_events(request) == ["failed"]

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("retry_notifications", stdout=io.StringIO())
    call_command("retry_notifications", stdout=io.StringIO())
    assert [m.to for m in unreached_mails()] == [[REFUSED]]
    assert mail_events(request) == ["failed", "sent"]


def test_the_retry_command_leaves_the_mail_to_the_web_process_for_a_while(
    client, staff, django_capture_on_commit_callbacks, time_machine
):
    captured = django_capture_on_commit_callbacks
    request = submitted(client, captured)
    time_machine.shift(datetime.timedelta(days=1))
    with captured(execute=False):  # the web process has not sent it yet
        for _ in range(3):
            services.record_call_attempt(request, CallOutcome.NO_ANSWER, actor=staff)
    assert not retry_candidates().filter(pk=request.pk).exists()
    time_machine.shift(datetime.timedelta(minutes=10))
    assert retry_candidates().filter(pk=request.pk).exists()


def test_a_second_move_to_unreached_sends_nothing_again(
    client, staff, django_capture_on_commit_callbacks, time_machine
):
    captured = django_capture_on_commit_callbacks
    request = submitted(client, captured)
    three_unanswered_calls(request, staff, captured, time_machine)
    services.change_status(request, Status.IN_PROGRESS, actor=staff)
    three_unanswered_calls(request, staff, captured, time_machine)
    assert len(unreached_mails()) == 1
