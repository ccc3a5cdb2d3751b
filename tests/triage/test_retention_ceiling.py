"""Nothing stays forever because nobody closed it: suspected spam nobody reviewed is erased
RETENTION_DAYS_SPAM days after it arrived (purge log, erasure journal), and open requests
nobody touched for RETENTION_DAYS_STALE days are mailed to the coordinator every week
(references and dates only; no mail when there is nothing to list)."""

import datetime
import io
import json

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command

from requests_app import services
from requests_app.backup import journal
from requests_app.models import PurgeLogEntry, PurgeReason, Request, SpamReason, Status
from tests.factories import make_assessment_request, make_callback_request, make_staff
from tests.helpers.stack import free_port

AMS = datetime.timezone(datetime.timedelta(hours=1))
NOW = datetime.datetime(2027, 3, 1, 7, 0, tzinfo=AMS)  # a Monday morning


def days_ago(days):
    return NOW - datetime.timedelta(days=days)


def made(days, factory, **fields):
    """A request that arrived `days` before NOW (and was last saved then)."""
    with time_machine.travel(days_ago(days), tick=False):
        return factory(created_at=days_ago(days), **fields)


def spam(days, **fields):
    return made(
        days,
        make_callback_request,
        is_suspected_spam=True,
        spam_reasons=[SpamReason.RATE_LIMITED],
        **fields,
    )


def run(command, *args):
    out = io.StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command(command, *args, stdout=out)
    return out.getvalue()


# -- suspected spam nobody reviewed ---------------------------------------------------


def test_suspected_spam_nobody_reviewed_is_erased_after_the_spam_period(db):
    old = spam(31, contact_name="Flood Robot")
    young = spam(29)
    run("purge_requests")
    assert not Request.objects.filter(pk=old.pk).exists()
    assert Request.objects.filter(pk=young.pk).exists()
    (line,) = PurgeLogEntry.objects.all()
    assert (line.reference, line.reason, line.performed_by) == (
        old.reference,
        PurgeReason.SPAM_UNSEEN,
        "systeem",
    )
    assert line.received_at == old.created_at and line.closed_at is None


def test_the_erasure_is_in_the_journal_that_backups_replay(db, django_capture_on_commit_callbacks):
    old = spam(45)
    with django_capture_on_commit_callbacks(execute=True):
        run("purge_requests")
    lines = [json.loads(x) for x in journal.this_host_file().read_text().splitlines()]
    assert {
        "event": "erased",
        "reference": old.reference,
        "kind": "callback",
        "reason": "spam_unseen",
    }.items() <= next(x for x in lines if x["reference"] == old.reference).items()


def test_suspected_spam_a_person_acted_on_is_not_erased_unseen(db):
    noted = spam(60)
    with time_machine.travel(days_ago(50), tick=False):
        services.add_note(noted, "Lijkt een echte ouder, nog bellen.", author=make_staff())
    run("purge_requests")
    assert Request.objects.filter(pk=noted.pk).exists()


def test_a_dry_run_names_unreviewed_spam_and_erases_nothing(db):
    old = spam(31)
    output = run("purge_requests", "--dry-run")
    assert old.reference in output
    assert Request.objects.filter(pk=old.pk).exists()


def test_the_spam_period_comes_from_the_settings(db, settings):
    settings.RETENTION_DAYS_SPAM = 90
    kept = spam(60)
    run("purge_requests")
    assert Request.objects.filter(pk=kept.pk).exists()


# -- open requests nobody touched -----------------------------------------------------


@pytest.fixture
def stale(db):
    forgotten = made(
        800,
        make_assessment_request,
        contact_name="Ilse Bakker",
        email="ilse@example.org",
        child_first_name="Noor",
        status=Status.IN_PROGRESS,
    )
    noted = made(800, make_callback_request, contact_name="Piet Smit")
    with time_machine.travel(days_ago(10), tick=False):
        services.add_note(noted, "Nog steeds mee bezig.", author=make_staff())
    closed = made(800, make_callback_request, status=Status.DONE, closed_at=days_ago(799))
    recent = made(700, make_assessment_request)
    return {"forgotten": forgotten, "noted": noted, "closed": closed, "recent": recent}


def test_open_requests_untouched_for_two_years_are_mailed_to_the_coordinator(stale, settings):
    settings.TRIAGE_COORDINATOR_EMAIL = "coordinator@bijzonderjeugdwerk.nl"
    output = run("stale_requests")
    (message,) = mail.outbox
    assert message.to == ["coordinator@bijzonderjeugdwerk.nl"]
    body = message.subject + message.body
    assert stale["forgotten"].reference in body
    for other in ("noted", "closed", "recent"):
        assert stale[other].reference not in body, other
    received = days_ago(800).strftime("%d-%m-%Y")
    assert f"ontvangen {received}" in body and f"laatst gewijzigd {received}" in body
    assert "In behandeling" in body
    for personal in ("Ilse", "Bakker", "ilse@example.org", "Noor", "Piet", "+316"):
        assert personal not in body
    assert "1 aanvraag" in output


def test_unreviewed_spam_about_to_be_erased_is_in_the_same_mail(db):
    soon = spam(27)
    later = spam(10)
    run("stale_requests")
    (message,) = mail.outbox
    assert soon.reference in message.body and later.reference not in message.body
    assert f"gewist na {days_ago(27 - 30).strftime('%d-%m-%Y')}" in message.body


def test_no_mail_and_no_output_when_nothing_is_listed(db):
    made(100, make_assessment_request)
    assert run("stale_requests", "--verbosity", "0") == ""
    assert mail.outbox == []


def test_the_stale_period_comes_from_the_settings(stale, settings):
    settings.RETENTION_DAYS_STALE = 600
    run("stale_requests")
    assert stale["recent"].reference in mail.outbox[0].body


def test_a_mail_that_cannot_be_sent_is_a_failure_cron_reports(stale, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    with pytest.raises(CommandError, match="niet verstuurd"):
        run("stale_requests")
