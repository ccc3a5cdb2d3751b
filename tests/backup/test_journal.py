"""The erasure journal: what a restore must erase again and which references were issued,
kept outside the database, without personal data."""

import datetime
import json
import logging

import pytest
from django.db import transaction
from django.utils import timezone

from requests_app import retention, services
from requests_app.backup import journal
from requests_app.backup.errors import BackupError
from requests_app.models import Kind, PurgeLogEntry, Request, Status
from tests.factories import make_callback_request, make_superuser
from tests.helpers.forms import send_callback

from .conftest import journal_lines

pytestmark = pytest.mark.django_db


def test_a_submitted_request_records_its_reference_and_nothing_personal(client, backup_settings):
    response = send_callback(
        client, contact_name="Yara Veldhuis", phone="06 23456789", email="yara@example.org"
    )
    assert response.status_code == 302
    reference = Request.objects.get().reference
    lines = journal_lines(backup_settings)
    assert [(line["event"], line["reference"]) for line in lines] == [("issued", reference)]
    text = journal.this_host_file().read_text()
    for personal in ("Yara", "Veldhuis", "23456789", "yara@example.org"):
        assert personal not in text


def test_an_erasure_is_recorded_once_it_is_committed(
    backup_settings, django_capture_on_commit_callbacks
):
    staff = make_superuser()
    kept, erased = make_callback_request(), make_callback_request()
    with django_capture_on_commit_callbacks(execute=True):
        retention.erase_requests([erased], actor=staff, reason=PurgeLogEntry.Reason.ERASURE)
    lines = journal_lines(backup_settings)
    assert [(line["event"], line["reference"], line["kind"], line["reason"]) for line in lines] == [
        ("erased", erased.reference, Kind.CALLBACK, PurgeLogEntry.Reason.ERASURE)
    ]
    assert kept.reference not in journal.this_host_file().read_text()


def test_an_erasure_that_rolls_back_is_not_recorded(
    backup_settings, django_capture_on_commit_callbacks
):
    request = make_callback_request()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                retention.erase_requests([request], actor=None, reason=PurgeLogEntry.Reason.ERASURE)
                raise RuntimeError("the erasure fails after the delete")
        except RuntimeError:
            pass
    assert callbacks == []
    assert journal_lines(backup_settings) == []
    assert Request.objects.filter(pk=request.pk).exists()


def test_the_retention_purge_is_recorded_with_its_reason(
    backup_settings, django_capture_on_commit_callbacks
):
    old = make_callback_request()
    services.change_status(old, Status.CANCELLED, actor=make_superuser())
    Request.objects.filter(pk=old.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=400)
    )
    with django_capture_on_commit_callbacks(execute=True):
        retention.purge_expired()
    assert [(line["reference"], line["reason"]) for line in journal_lines(backup_settings)] == [
        (old.reference, PurgeLogEntry.Reason.RETENTION)
    ]


def test_a_journal_that_cannot_be_written_never_costs_a_parent_the_request(
    client, settings, tmp_path, caplog
):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    settings.BACKUP_JOURNAL_DIR = blocker  # a file where the folder should be
    with caplog.at_level(logging.ERROR, logger="requests_app.backup.journal"):
        response = send_callback(client, contact_name="Yara Veldhuis")
    assert response.status_code == 302
    reference = Request.objects.get().reference
    assert f"Erasure journal {blocker / journal.this_host_file().name} not written" in caplog.text
    assert reference in caplog.text and "Yara" not in caplog.text
    with pytest.raises(BackupError, match="niet schrijfbaar"):
        journal.check_writable()


def _write(path, *entries):
    path.write_text("".join(json.dumps(entry) + "\n" for entry in entries))


def test_the_restore_reads_the_files_of_every_host(tmp_path, settings):
    settings.BACKUP_JOURNAL_DIR = tmp_path
    at = timezone.now().isoformat()
    _write(
        tmp_path / "journal-web1.jsonl",
        {"v": 1, "at": at, "event": "issued", "reference": "OZ-2026-00007"},
        {"v": 1, "at": at, "event": "erased", "reference": "OZ-2026-00003"},
    )
    _write(
        tmp_path / "journal-web2.jsonl",
        {"v": 1, "at": at, "event": "issued", "reference": "OZ-2026-00009"},
    )
    read = journal.read()
    assert [p.name for p in read.files] == ["journal-web1.jsonl", "journal-web2.jsonl"]
    assert set(read.issued) == {"OZ-2026-00007", "OZ-2026-00009"}
    assert set(read.erasures) == {"OZ-2026-00003"}
    assert read.counters() == {("OZ", 2026): 9}


def test_a_line_cut_off_by_a_crash_is_skipped_but_a_damaged_line_is_refused(tmp_path):
    at = timezone.now().isoformat()
    good = json.dumps({"v": 1, "at": at, "event": "erased", "reference": "TB-2026-00001"})
    torn = tmp_path / "journal-torn.jsonl"
    torn.write_text(good + "\n" + good[:20])
    read = journal.read([torn])
    assert set(read.erasures) == {"TB-2026-00001"} and read.torn_lines == 1

    damaged = tmp_path / "journal-damaged.jsonl"
    damaged.write_text(good[:20] + "\n" + good + "\n")
    with pytest.raises(BackupError, match="beschadigd op regel 1"):
        journal.read([damaged])
