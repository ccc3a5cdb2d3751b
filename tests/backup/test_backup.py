"""`manage.py backup`: one encrypted file that only the operator's private key opens, a
manifest beside it without personal data, old backups removed, and a loud failure."""

import io
import json
import subprocess

import pyrage
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from content.models import Page
from requests_app import retention
from requests_app.backup import archive
from requests_app.models import PurgeLogEntry
from tests.factories import make_callback_request
from tests.helpers.stack import base_env

from .conftest import journal_lines, make_age_key, run_manage

transactional = pytest.mark.django_db(transaction=True)


def backups_in(directory):
    return sorted(p.name for p in directory.iterdir())


@pytest.mark.postgres
@transactional
def test_the_backup_of_the_seed_site_decrypts_only_with_the_configured_private_key(
    on_postgres, site_content, backup_settings, age_key, tmp_path
):
    call_command("backup", verbosity=0)

    directory = backup_settings.BACKUP_DIR
    names = backups_in(directory)
    assert len(names) == 2 and names[0].endswith(".backup.age")
    assert names[1].endswith(".manifest.json")  # nothing else: no clear dump, no leftovers
    data = (directory / names[0]).read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n")
    assert b"PGDMP" not in data and b"hechting" not in data.lower()

    with pytest.raises(pyrage.DecryptError, match="No matching keys"):
        pyrage.decrypt(data, [make_age_key(tmp_path, name="someone-else").identity])

    dump = io.BytesIO()
    unpacker = archive.Unpacker(dump)
    pyrage.decrypt_io(io.BytesIO(data), unpacker, [age_key.identity])
    contents = unpacker.finish()
    assert contents["tables"]["content_page"] == Page.objects.count() > 0
    on_disk = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    assert contents["schema"]["requests_app"] == max(n for a, n in on_disk if a == "requests_app")
    listing = subprocess.run(
        ["pg_restore", "--list"], input=dump.getvalue(), capture_output=True, check=True
    ).stdout.decode()
    assert "TABLE DATA public content_page" in listing

    beside = json.loads((directory / names[1]).read_text())
    assert beside["file"] == names[0] and beside["size"] == len(data)
    assert {k: v for k, v in beside.items() if k not in {"file", "size", "sha256"}} == contents


def test_a_backup_without_a_public_key_configured_stops(settings):
    settings.BACKUP_RECIPIENT = []
    with pytest.raises(CommandError, match="BACKUP_RECIPIENT is niet ingesteld"):
        call_command("backup")


def test_a_secret_key_configured_on_the_server_is_refused(settings, age_key):
    settings.BACKUP_RECIPIENT = [str(age_key.identity)]
    with pytest.raises(CommandError, match="BACKUP_RECIPIENT bevat een geheime sleutel"):
        call_command("backup")


@pytest.mark.django_db
def test_a_backup_on_sqlite_says_it_needs_postgresql(backup_settings):
    if connection.vendor == "postgresql":
        pytest.skip("on SQLite only")
    with pytest.raises(CommandError, match="Een back-up maken kan alleen met PostgreSQL"):
        call_command("backup")


def test_the_command_exits_non_zero_with_the_reason_for_cron(tmp_path):
    env = base_env(DJANGO_ENV="local", VAR_DIR=str(tmp_path), BACKUP_RECIPIENT="")
    result = run_manage("backup", env=env)
    assert result.returncode == 1
    assert "Back-up mislukt: BACKUP_RECIPIENT is niet ingesteld" in result.stderr


@pytest.mark.postgres
@transactional
def test_backups_older_than_the_keeping_period_are_removed(on_postgres, backup_settings):
    directory = backup_settings.BACKUP_DIR
    directory.mkdir(parents=True)
    backup_settings.BACKUP_KEEP_DAYS = 35
    for stamp in ("20200101T011500Z", "20991231T011500Z"):
        (directory / f"bjw-{stamp}.backup.age").write_bytes(b"age-encryption.org/v1\n")
        (directory / f"bjw-{stamp}.manifest.json").write_text("{}")
    (directory / "notities.txt").write_text("van de beheerder")

    call_command("backup", verbosity=0)

    names = backups_in(directory)
    assert "bjw-20200101T011500Z.backup.age" not in names
    assert "bjw-20200101T011500Z.manifest.json" not in names
    assert "bjw-20991231T011500Z.backup.age" in names  # not older than 35 days
    assert "notities.txt" in names  # only backups are touched
    assert len([n for n in names if n.endswith(".backup.age")]) == 2


@pytest.mark.postgres
@transactional
def test_a_pg_dump_that_fails_half_way_leaves_no_backup(
    on_postgres, backup_settings, tmp_path, monkeypatch
):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "pg_dump"
    fake.write_text(
        "#!/bin/sh\nprintf 'PGDMP half a dump'\necho 'pg_dump: error: connection lost' >&2\n"
        "exit 1\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")

    with pytest.raises(CommandError) as caught:
        call_command("backup")

    assert "pg_dump is mislukt (code 1); er is geen back-up bewaard" in str(caught.value)
    assert "connection lost" in str(caught.value)
    assert backups_in(backup_settings.BACKUP_DIR) == []


@pytest.mark.postgres
@transactional
def test_a_backup_repairs_a_journal_that_missed_an_erasure(on_postgres, backup_settings, tmp_path):
    request = make_callback_request()
    journal_dir = backup_settings.BACKUP_JOURNAL_DIR
    backup_settings.BACKUP_JOURNAL_DIR = tmp_path / "blocked"
    backup_settings.BACKUP_JOURNAL_DIR.write_text("")  # a file: the journal cannot be written
    retention.erase_requests([request], actor=None, reason=PurgeLogEntry.Reason.ERASURE)
    backup_settings.BACKUP_JOURNAL_DIR = journal_dir
    assert journal_lines(backup_settings) == []

    call_command("backup", verbosity=0)

    assert [(line["event"], line["reference"]) for line in journal_lines(backup_settings)] == [
        ("erased", request.reference)
    ]
