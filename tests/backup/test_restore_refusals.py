"""A restore stops, with a clear message and before it writes anything, on: a file that is
not a backup, a wrong key, a cut-off or damaged file, a backup of a newer schema, a missing
journal and a database that is not empty."""

import pyrage
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from requests_app.backup import manifest
from requests_app.models import Request
from tests.factories import make_callback_request

from .conftest import fake_backup, make_age_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def journal_dir(backup_settings):
    directory = backup_settings.BACKUP_JOURNAL_DIR
    directory.mkdir(parents=True)
    (directory / "journal-web1.jsonl").write_text("")
    return directory


@pytest.fixture
def untouched():
    """Asserts afterwards that the database is exactly as it was."""
    make_callback_request()
    before = (connection.introspection.table_names(), list(Request.objects.values_list("pk")))
    yield
    after = (connection.introspection.table_names(), list(Request.objects.values_list("pk")))
    assert after == before


def refused(path, key_path, *extra) -> str:
    with pytest.raises(CommandError) as caught:
        call_command("restore", str(path), "--identity", str(key_path), *extra)
    return str(caught.value)


def test_a_text_file_is_not_a_backup(tmp_path, age_key, journal_dir, untouched):
    path = tmp_path / "notities.txt"
    path.write_text("boodschappen: melk, brood\n")
    assert "notities.txt is geen back-up van deze site" in refused(path, age_key.path)


def test_an_unencrypted_dump_is_not_a_backup(tmp_path, age_key, journal_dir, untouched):
    path = tmp_path / "db.dump"
    path.write_bytes(b"PGDMP\x01\x0e\x00" + b"\x00" * 1000)
    assert "geen met age versleuteld bestand" in refused(path, age_key.path)


def test_another_encrypted_file_is_not_a_backup(tmp_path, age_key, journal_dir, untouched):
    path = tmp_path / "foto.age"
    path.write_bytes(pyrage.encrypt(b"\x89PNG" + b"\x00" * 5000, [age_key.identity.to_public()]))
    message = refused(path, age_key.path)
    assert "foto.age is geen back-up van deze site" in message


def test_a_wrong_key_is_refused(backup_settings, tmp_path, age_key, journal_dir, untouched):
    path = fake_backup(backup_settings.BACKUP_DIR, age_key)
    other = make_age_key(tmp_path, name="collega")
    message = refused(path, other.path)
    assert f"De sleutel in {other.path} past niet bij {path.name}" in message


def test_a_key_file_without_a_key_is_refused(backup_settings, tmp_path, age_key, untouched):
    path = fake_backup(backup_settings.BACKUP_DIR, age_key)
    not_a_key = tmp_path / "sleutel.txt"
    not_a_key.write_text(f"# public key: {age_key.public}\n{age_key.public}\n")
    assert "is geen age-sleutelbestand" in refused(path, not_a_key)


def cut_off(path, keep):
    path.write_bytes(path.read_bytes()[:keep])


def test_a_cut_off_backup_is_refused_by_its_checksum(
    backup_settings, age_key, journal_dir, untouched
):
    path = fake_backup(backup_settings.BACKUP_DIR, age_key)
    cut_off(path, -1000)
    message = refused(path, age_key.path)
    assert f"{path.name} is beschadigd of onvolledig: het controlegetal (sha256)" in message


def test_a_cut_off_backup_without_its_manifest_is_refused_by_the_decryption(
    backup_settings, age_key, journal_dir, untouched
):
    path = fake_backup(backup_settings.BACKUP_DIR, age_key)
    manifest.sidecar_path(path).unlink()
    cut_off(path, -1000)
    message = refused(path, age_key.path)
    assert f"{path.name} is beschadigd of onvolledig: ontsleutelen stopt halverwege" in message


@pytest.mark.parametrize("with_manifest", [True, False], ids=["checksum", "decryption"])
def test_a_changed_byte_is_refused(backup_settings, age_key, journal_dir, untouched, with_manifest):
    path = fake_backup(backup_settings.BACKUP_DIR, age_key)
    if not with_manifest:
        manifest.sidecar_path(path).unlink()
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    assert f"{path.name} is beschadigd" in refused(path, age_key.path)


def test_a_backup_of_a_newer_schema_is_refused(backup_settings, age_key, journal_dir, untouched):
    contents = manifest.build()
    contents["migrations"]["requests_app"].append("0099_from_a_later_release")
    path = fake_backup(backup_settings.BACKUP_DIR, age_key, contents=contents)
    message = refused(path, age_key.path)
    assert "komt van een nieuwere versie van de site dan deze code" in message
    assert "requests_app.0099_from_a_later_release" in message


def test_a_restore_without_the_erasure_journal_is_refused(backup_settings, age_key, untouched):
    path = fake_backup(backup_settings.BACKUP_DIR, age_key)
    message = refused(path, age_key.path)
    assert "Geen wisjournaal gevonden" in message
    assert "gezinnen die na de back-up zijn gewist" in message


def test_a_database_that_is_not_empty_is_refused(
    on_postgres, backup_settings, age_key, journal_dir, untouched
):
    path = fake_backup(backup_settings.BACKUP_DIR, age_key)
    message = refused(path, age_key.path)
    assert f"De database {connection.settings_dict['NAME']} is niet leeg" in message


def test_a_restore_into_sqlite_is_refused(backup_settings, age_key, journal_dir, untouched):
    if connection.vendor == "postgresql":
        pytest.skip("on SQLite only: the PostgreSQL run checks the empty database instead")
    path = fake_backup(backup_settings.BACKUP_DIR, age_key)
    assert "Herstellen kan alleen met PostgreSQL" in refused(path, age_key.path)


def test_the_stand_in_backup_passes_every_file_check(backup_settings, age_key):
    """The refusals above are about their one defect: the same file, intact, is accepted."""
    from requests_app.backup.restore import check_backup

    path = fake_backup(backup_settings.BACKUP_DIR, age_key)
    checked = check_backup(path, age_key.path)
    assert checked.checksum_verified
    assert checked.manifest["tables"]["requests_app_request"] == Request.objects.count()
