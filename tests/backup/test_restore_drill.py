"""The restore drill (PostgreSQL, run in CI): requests are made, backed up; then a family is
erased and an old request purged, and one more request arrives. The backup is restored into
a fresh database by `manage.py restore`, as an operator would, and:

- every table is back byte for byte (count and checksum per table), except
- the erased family and the purged request, which stay erased (their purge-log lines are
  written again), and the request that came after the backup, which a backup cannot hold;
- the reference counters continue above the highest number ever issued, so a new
  submission to the restored site gets a reference nobody had before.
"""

import datetime
import uuid

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from requests_app import services
from requests_app.backup import references
from requests_app.models import PurgeLogEntry, Request, Status
from tests.factories import make_superuser
from tests.helpers.forms import send_assessment, send_callback
from tests.helpers.stack import Gunicorn, Parent, base_env, drop_database, scratch_database

from .conftest import make_age_key, run_manage
from .tables import all_rows, fingerprint, source_database

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ERASE = reverse("admin:requests_app_request_family_erase")
FAMILY_EMAIL = "familie.wis@example.org"


@pytest.fixture
def restored_database():
    name = f"bjw_restore_{uuid.uuid4().hex[:8]}"
    url = scratch_database(name)
    yield url
    drop_database(name)


def belongs_to(table: str, row: dict, request_ids: set[int]) -> bool:
    """Whether a row is part of one of these requests (their details, notes and history)."""
    if table == "requests_app_request":
        return row["id"] in request_ids
    return row.get("request_ptr_id", row.get("request_id")) in request_ids


def test_a_restore_brings_everything_back_except_what_was_erased_since(
    on_postgres, client, site_content, backup_settings, age_key, tmp_path, restored_database
):
    # Requests from four families, sent through the real forms; staff work on them.
    for name, email, phone in [
        ("Fam. Wis", FAMILY_EMAIL, "06 11111111"),
        ("Fam. Blijft", "blijft@example.org", "06 22222222"),
        ("Fam. Oud", "oud@example.org", "06 33333333"),
    ]:
        assert send_callback(client, contact_name=name, email=email, phone=phone).status_code == 302
    assert send_assessment(client, email=FAMILY_EMAIL, phone="06 44444444").status_code == 302
    assert send_assessment(client, email="ander@example.org").status_code == 302
    staff = make_superuser()
    kept = Request.objects.get(email="blijft@example.org")
    services.change_status(kept, Status.IN_PROGRESS, actor=staff)
    services.add_note(kept, "Moeder gebeld; intake volgende week.", author=staff)
    old = Request.objects.get(email="oud@example.org")
    services.change_status(old, Status.CANCELLED, actor=staff)
    Request.objects.filter(pk=old.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=200)
    )
    family = list(Request.objects.filter(email=FAMILY_EMAIL).order_by("reference"))
    assert len(family) == 2

    call_command("backup", verbosity=0)
    (backup,) = backup_settings.BACKUP_DIR.glob("*.backup.age")
    at_backup = all_rows(source_database())

    # After the backup: the family asks to be erased (the admin's AVG page), retention
    # purges the old request (the nightly command), and one more parent sends a request.
    client.force_login(staff)
    references_ = ",".join(r.reference for r in family)
    response = client.post(
        ERASE,
        {"email": FAMILY_EMAIL, "references": references_, "stap": "bevestigen", "confirm": "1"},
    )
    assert response.status_code == 302
    call_command("purge_requests", verbosity=0)
    assert not Request.objects.filter(pk__in=[old.pk, *(r.pk for r in family)]).exists()
    client.logout()
    assert send_callback(client, contact_name="Fam. Later", phone="06 55555555").status_code == 302
    after_backup = Request.objects.get(contact_name="Fam. Later").reference

    # The operator restores last night's backup into a new, empty database.
    env = base_env(
        DJANGO_ENV="local",
        DATABASE_URL=restored_database,
        VAR_DIR=str(tmp_path / "var"),
        BACKUP_JOURNAL_DIR=str(backup_settings.BACKUP_JOURNAL_DIR),
        EMAIL_URL="dummy:",
        REQUEST_MIN_FILL_SECONDS="0",
    )
    result = run_manage("restore", str(backup), "--identity", str(age_key.path), env=env)
    assert result.returncode == 0, result.stderr
    erased = sorted([old.reference, *(r.reference for r in family)])
    assert f"Opnieuw gewist: 3 aanvragen ({', '.join(erased)})" in result.stdout
    assert f"de aanvraag opnieuw te sturen): {after_backup}." in result.stdout

    restored = all_rows(restored_database)
    assert sorted(restored) == sorted(at_backup)
    erased_ids = {old.pk, *(r.pk for r in family)}
    for table, rows in at_backup.items():
        if table in {"requests_app_purgelogentry", "requests_app_referencecounter"}:
            continue
        expected = [row for row in rows if not belongs_to(table, row, erased_ids)]
        assert fingerprint(restored[table]) == fingerprint(expected), table
    assert fingerprint(restored["requests_app_request"])[0] == 2  # Blijft and ander

    # The erasures survived the restore, with their lines in the purge log ...
    purge_log = restored["requests_app_purgelogentry"]
    assert [r for r in purge_log if r not in at_backup["requests_app_purgelogentry"]] == purge_log
    assert sorted((r["reference"], r["reason"]) for r in purge_log) == sorted(
        [
            (old.reference, PurgeLogEntry.Reason.RETENTION),
            *((r.reference, PurgeLogEntry.Reason.ERASURE) for r in family),
        ]
    )
    everything = repr(restored)
    for gone in (FAMILY_EMAIL, "oud@example.org", "Fam. Wis", "Fam. Oud", "31611111111"):
        assert gone not in everything

    # ... and the counters continue above every number handed out, even the lost one.
    counters = {
        (r["prefix"], r["year"]): r["last_number"]
        for r in restored["requests_app_referencecounter"]
    }
    prefix, year, number = references.parse(after_backup)
    assert counters[prefix, year] == number

    # A parent sends a request to the restored site: a fresh reference.
    # (DEBUG serves static files unhashed: this test need not run collectstatic.)
    site = Gunicorn({**env, "DEBUG": "1"}, log_path=tmp_path / "gunicorn.log").start()
    try:
        status, reference = Parent(site.url).send_callback(name="Fam. Na herstel")
    finally:
        site.stop()
    assert status == 200
    assert references.parse(reference) == (prefix, year, number + 1)

    # A second restore into the same (no longer empty) database is refused, non-zero.
    again = run_manage("restore", str(backup), "--identity", str(age_key.path), env=env)
    assert again.returncode == 1
    assert "is niet leeg" in again.stderr


def test_a_refused_restore_leaves_the_new_database_empty(
    on_postgres, backup_settings, age_key, tmp_path, restored_database
):
    call_command("backup", verbosity=0)
    (backup,) = backup_settings.BACKUP_DIR.glob("*.backup.age")
    wrong = make_age_key(tmp_path, name="verkeerd")
    env = base_env(
        DJANGO_ENV="local",
        DATABASE_URL=restored_database,
        VAR_DIR=str(tmp_path / "var"),
        BACKUP_JOURNAL_DIR=str(backup_settings.BACKUP_JOURNAL_DIR),
    )
    result = run_manage("restore", str(backup), "--identity", str(wrong.path), env=env)
    assert result.returncode == 1
    assert f"De sleutel in {wrong.path} past niet bij {backup.name}" in result.stderr
    assert all_rows(restored_database) == {}
