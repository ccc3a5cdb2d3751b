"""Making a backup: pg_dump → age → one file in BACKUP_DIR, and removing old ones.

The dump is encrypted as it streams out of pg_dump: the clear dump exists only in a pipe.
The file is written under a temporary name and renamed when complete, so BACKUP_DIR only
ever holds whole backups (and whatever copies them off the machine never takes half a one).
"""

import datetime
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pyrage
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from . import archive, encryption, journal, manifest, postgres
from .errors import BackupError

NAME_RE = re.compile(r"^bjw-(?P<stamp>\d{8}T\d{6}Z)\.backup\.age$")
TMP_PREFIX = ".bjw-"


@dataclass
class Backup:
    path: Path
    manifest_path: Path
    size: int
    sha256: str
    manifest: dict
    removed: list[Path]


class _HashingFile:
    """The open backup file, hashing and counting what is written to it."""

    def __init__(self, fh):
        self._fh = fh
        self.sha256 = hashlib.sha256()
        self.size = 0

    def write(self, data) -> int:
        self._fh.write(data)
        self.sha256.update(data)
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        self._fh.flush()


def backup_directory() -> Path:
    directory = Path(settings.BACKUP_DIR)
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise BackupError(
            f"BACKUP_DIR {directory} kan niet worden aangemaakt ({error.strerror})."
        ) from None
    return directory


def write_backup_file(directory: Path, contents: dict, source, recipients, check=None) -> Backup:
    """Encrypt manifest and dump (read from ``source``) into one new file in ``directory``.

    ``check`` runs once the dump has been read to its end and before the file gets its
    final name: it raises when the dump is not to be trusted (pg_dump failed).
    """
    created = datetime.datetime.fromisoformat(contents["created_at"])
    stamp = created.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    final = directory / f"bjw-{stamp}.backup.age"
    tmp = directory / f"{TMP_PREFIX}{stamp}.backup.age.tmp"
    if final.exists():
        raise BackupError(f"{final} bestaat al; wacht een seconde en probeer het opnieuw.")
    packer = archive.Packer(contents, source)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            out = _HashingFile(fh)
            try:
                encryption.encrypt(packer, out, recipients)
            except pyrage.EncryptError as error:
                raise BackupError(f"Versleutelen is mislukt: {error}") from None
            fh.flush()
            os.fsync(fh.fileno())
        if check:
            check()
        if not packer.has_dump:
            raise BackupError("pg_dump gaf geen dump; er is geen back-up bewaard.")
        os.replace(tmp, final)
        _fsync_directory(directory)
    except OSError as error:
        raise BackupError(
            f"De back-up kon niet worden geschreven in {directory} ({error.strerror})."
        ) from None
    finally:
        tmp.unlink(missing_ok=True)
    sha256 = out.sha256.hexdigest()
    sidecar = manifest.write_sidecar(final, contents, sha256=sha256, size=out.size)
    return Backup(final, sidecar, out.size, sha256, contents, removed=[])


def make_backup() -> Backup:
    """One backup of the database Django uses; old backups pruned afterwards."""
    recipients = encryption.recipients(settings.BACKUP_RECIPIENT)
    postgres.require_postgresql("Een back-up maken")
    postgres.tool("pg_dump")
    if connection.in_atomic_block:
        raise BackupError("Een back-up kan niet binnen een lopende transactie worden gemaakt.")
    directory = backup_directory()
    journal.check_writable()
    journal.sync_from_database()
    with transaction.atomic():
        snapshot = postgres.export_snapshot()
        contents = manifest.build(created_at=postgres.snapshot_time())
        process = postgres.start_dump(snapshot)

        def dump_succeeded():
            if process.wait() != 0:
                raise BackupError(
                    f"pg_dump is mislukt (code {process.returncode}); er is geen back-up "
                    f"bewaard. {postgres.errors_of(process)}"
                )

        try:
            backup = write_backup_file(
                directory, contents, process.stdout, recipients, check=dump_succeeded
            )
        finally:
            process.stdout.close()
            postgres.stop(process)
    backup.removed = prune(directory, keep_days=settings.BACKUP_KEEP_DAYS, keep=backup.path)
    return backup


def prune(directory: Path, *, keep_days: int, keep: Path, now=None) -> list[Path]:
    """Remove backups (and their manifests) older than ``keep_days``; never ``keep``.

    Age comes from the time in the name, not the file's mtime, which a copy may change.
    Leftovers of an interrupted run (temporary files) go after a day.
    """
    now = now or timezone.now()
    removed = []
    for path in sorted(directory.iterdir()):
        match = NAME_RE.match(path.name)
        if match and keep_days > 0 and path != keep:
            made = datetime.datetime.strptime(match["stamp"], "%Y%m%dT%H%M%SZ").replace(
                tzinfo=datetime.UTC
            )
            if now - made > datetime.timedelta(days=keep_days):
                path.unlink()
                manifest.sidecar_path(path).unlink(missing_ok=True)
                removed.append(path)
        elif path.name.startswith(TMP_PREFIX) and path.name.endswith(".tmp"):
            age = now.timestamp() - path.stat().st_mtime
            if age > 24 * 3600:
                path.unlink()
    return removed


def _fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
