"""Restoring a backup: check everything, then load, migrate, erase again, renumber.

Nothing is written until the file has been read and decrypted to its very end and the
target database has been found empty: a wrong key, a damaged or cut-off file, a backup of
a newer schema or a missing journal stop the restore with the database untouched.
pg_restore then runs as one transaction, so a failure half-way leaves it empty too.
"""

import contextlib
import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.management import call_command
from django.db import transaction

from . import archive, encryption, journal, manifest, postgres, references, replay
from .errors import BackupError


@dataclass
class Checked:
    path: Path
    manifest: dict
    checksum_verified: bool
    dump_bytes: int


@dataclass
class Restored:
    checked: Checked
    journal_files: list[Path] = field(default_factory=list)
    erased_again: list[str] = field(default_factory=list)
    purge_lines_added: list[str] = field(default_factory=list)
    lost_references: list[str] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)


def check_backup(path: Path, key_path: Path) -> Checked:
    """Read and decrypt the whole file without writing anything; return its manifest."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} bestaat niet (of is geen bestand).")
    if not encryption.is_encrypted(path):
        raise BackupError(
            f"{path.name} is geen back-up van deze site: het is geen met age versleuteld "
            "bestand (een back-up van `manage.py backup` begint met age-encryption.org/v1)."
        )
    sidecar = manifest.read_sidecar(path)
    if sidecar:
        manifest.verify_checksum(path, sidecar)
    identities = encryption.load_identities(key_path)
    unpacker = archive.Unpacker(name=path.name)
    encryption.decrypt(path, unpacker, identities, key_path=Path(key_path))
    contents = unpacker.finish()
    manifest.check(contents, name=path.name)
    if sidecar and sidecar.get("created_at") != contents.get("created_at"):
        raise BackupError(
            f"{manifest.sidecar_path(path).name} hoort bij een andere back-up dan {path.name}."
        )
    return Checked(path, contents, bool(sidecar), unpacker.dump_bytes)


def restore(
    path: Path,
    key_path: Path,
    *,
    journal_paths: Iterable[Path] = (),
    use_journal: bool = True,
    progress: Callable[[str], None] = lambda message: None,
) -> Restored:
    checked = check_backup(path, key_path)
    progress(
        f"Back-up gecontroleerd: {checked.path.name}, gemaakt op {checked.manifest['created_at']}."
    )
    if not checked.checksum_verified:
        progress(
            "Let op: geen manifest naast de back-up, dus het controlegetal is niet vergeleken "
            "(age heeft de inhoud wel helemaal gecontroleerd)."
        )
    entries = None
    if use_journal:
        entries = journal.read(journal_paths)
        if not entries.files:
            raise BackupError(
                f"Geen wisjournaal gevonden in {journal.directory()}. Zonder journaal komen "
                "gezinnen die na de back-up zijn gewist terug. Geef het journaal op met "
                "--journal, of herstel bewust zonder met --without-journal."
            )
    postgres.require_postgresql("Herstellen")
    postgres.tool("pg_restore")
    found = postgres.objects_in_database()
    if found:
        raise BackupError(
            f"De database {postgres.connection.settings_dict['NAME']} is niet leeg ({found} "
            "tabellen of reeksen). Herstel alleen in een nieuwe, lege database "
            "(createdb) en laat DATABASE_URL daarnaar wijzen."
        )

    _load(checked, key_path)
    progress("Database geladen; aantallen rijen kloppen met het manifest.")
    call_command("migrate", interactive=False, verbosity=0)
    result = Restored(checked)
    with transaction.atomic():
        seen = references.merge(references.references_in_database(), references.stored_counters())
        if entries is not None:
            result.journal_files = entries.files
            result.erased_again, result.purge_lines_added = replay.erase_again(entries.erasures)
            since = datetime.datetime.fromisoformat(checked.manifest["created_at"])
            result.lost_references = replay.lost_references(entries.issued, entries.erasures, since)
            seen = references.merge(seen, entries.counters())
        result.counters = references.continue_counters(seen)
    return result


def _load(checked: Checked, key_path: Path) -> None:
    """Decrypt again, straight into pg_restore, and compare the row counts."""
    process = postgres.start_restore()
    unpacker = archive.Unpacker(process.stdin, name=checked.path.name)
    identities = encryption.load_identities(key_path)
    try:
        encryption.decrypt(checked.path, unpacker, identities, key_path=Path(key_path))
        process.stdin.close()
    except BrokenPipeError:
        pass  # pg_restore stopped: its own message follows
    except BaseException:
        postgres.stop(process)  # its single transaction rolls back
        raise
    finally:
        with contextlib.suppress(BrokenPipeError):
            process.stdin.close()
    if process.wait() != 0:
        raise BackupError(
            "pg_restore is mislukt; de database is leeg gebleven (alles of niets). "
            f"{postgres.errors_of(process)}"
        )
    loaded = {table: postgres.table_rows(table) for table in checked.manifest["tables"]}
    differ = [
        f"{table}: {loaded[table]} in plaats van {count}"
        for table, count in checked.manifest["tables"].items()
        if loaded[table] != count
    ]
    if differ:
        raise BackupError(
            "Na het laden kloppen de aantallen rijen niet met het manifest: "
            + "; ".join(differ[:5])
            + ". Gooi deze database weg en probeer een andere back-up."
        )
