"""Retention: closed requests are erased after a period per kind, counted from closing;
`--dry-run` only lists; a purge log without personal data remains."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings

from requests_app import services
from requests_app.models import (
    AccessLogEntry,
    AssessmentRequest,
    CallbackRequest,
    InternalNote,
    PurgeLogEntry,
    Request,
    RequestEvent,
    Status,
)
from tests.factories import make_assessment_request, make_callback_request, make_staff

AMS = datetime.timezone(datetime.timedelta(hours=1))
TODAY = datetime.datetime(2027, 3, 1, 3, 0, tzinfo=AMS)


def closed(days_before_today, factory, status=Status.DONE, **extra):
    """A request closed `days_before_today` days before TODAY, with a note and history."""
    closed_at = TODAY - datetime.timedelta(days=days_before_today)
    with time_machine.travel(closed_at - datetime.timedelta(days=5), tick=False):
        request = factory(**extra)
    staff = make_staff()
    with time_machine.travel(closed_at - datetime.timedelta(days=1), tick=False):
        services.add_note(request, "Gebeld met moeder.", author=staff)
        services.change_status(request, Status.IN_PROGRESS, actor=staff)
    with time_machine.travel(closed_at, tick=False):
        if status == Status.SPAM:
            Request.objects.filter(pk=request.pk).update(status=status, closed_at=closed_at)
        else:
            services.change_status(request, status, actor=staff)
    return Request.objects.get(pk=request.pk)


@pytest.fixture
def dated(db):
    return {
        "callback_old": closed(93, make_callback_request),
        "callback_recent": closed(91, make_callback_request),
        "assessment_old": closed(366, make_assessment_request, status=Status.REFERRED),
        "assessment_recent": closed(200, make_assessment_request),
        "spam_old": closed(31, make_callback_request, status=Status.SPAM),
        "open_ancient": make_assessment_request(created_at=TODAY - datetime.timedelta(days=900)),
    }


def run(*args):
    import io

    out = io.StringIO()
    with time_machine.travel(TODAY, tick=False):
        call_command("purge_requests", *args, stdout=out)
    return out.getvalue()


EXPIRED = {"callback_old", "assessment_old", "spam_old"}


def test_a_dry_run_lists_what_would_go_and_erases_nothing(dated):
    output = run("--dry-run")
    for name, request in dated.items():
        assert (request.reference in output) == (name in EXPIRED), name
    assert "Er is niets gewist" in output
    assert Request.objects.count() == len(dated)
    assert not PurgeLogEntry.objects.exists()


def test_a_real_run_erases_expired_requests_with_their_details_notes_and_history(dated):
    output = run()
    assert "3 aanvragen gewist" in output
    gone = {dated[name].pk for name in EXPIRED}
    kept = {r.pk for name, r in dated.items() if name not in EXPIRED}
    assert set(Request.objects.values_list("pk", flat=True)) == kept
    assert not AssessmentRequest.objects.filter(pk__in=gone).exists()
    assert not CallbackRequest.objects.filter(pk__in=gone).exists()
    assert not InternalNote.objects.filter(request_id__in=gone).exists()
    assert not RequestEvent.objects.filter(request_id__in=gone).exists()


def test_the_purge_log_names_references_and_dates_only(dated):
    run()
    lines = PurgeLogEntry.objects.order_by("reference")
    assert sorted(line.reference for line in lines) == sorted(
        dated[name].reference for name in EXPIRED
    )
    for line in lines:
        assert line.reason == PurgeLogEntry.Reason.RETENTION
        assert line.performed_by == "systeem"
        assert line.closed_at is not None and line.received_at is not None
    stored = " ".join(str(v) for row in PurgeLogEntry.objects.values_list() for v in row)
    for request in dated.values():
        for personal in (request.contact_name, request.email, request.phone):
            assert not personal or personal not in stored


def test_the_access_log_outlives_the_purge(dated):
    AccessLogEntry.objects.create(
        user=make_staff(),
        action="view",
        request_id_value=dated["callback_old"].pk,
        reference=dated["callback_old"].reference,
    )
    run()
    assert AccessLogEntry.objects.filter(reference=dated["callback_old"].reference).exists()


def test_a_second_run_finds_nothing_more(dated):
    run()
    assert "0 aanvragen gewist" in run()


@override_settings(RETENTION_DAYS_CALLBACK=30, RETENTION_DAYS_ASSESSMENT=100)
def test_the_periods_come_from_settings(dated):
    output = run("--dry-run")
    for name in ("callback_recent", "assessment_recent"):
        assert dated[name].reference in output


def test_a_reopened_request_is_not_purged(db):
    request = closed(400, make_assessment_request)
    with time_machine.travel(TODAY - datetime.timedelta(days=2), tick=False):
        services.change_status(request, Status.IN_PROGRESS, actor=make_staff())
    run()
    assert Request.objects.filter(pk=request.pk).exists()
