"""The manifest: what a backup holds, without personal data.

Time, schema (the migrations applied, and the latest per app), rows per table and the
highest reference per counter. It travels inside the encrypted file, and in clear beside it
(``<name>.manifest.json``) with the file's size and sha256, so an operator can check a copy
on another machine without the key (``sha256sum``) and see what a backup holds.
"""

import hashlib
import json
import os
from pathlib import Path

from django.apps import apps
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from . import references
from .errors import BackupError

FORMAT = 1
SITE = "bijzonder-jeugdwerk"


def tables() -> dict[str, type]:
    """Every table the site's models own, by name (models read through the app registry)."""
    found = {}
    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        if opts.managed and not opts.proxy and not opts.swapped:
            found.setdefault(opts.db_table, model)
    return dict(sorted(found.items()))


def row_counts() -> dict[str, int]:
    return {table: model._base_manager.count() for table, model in tables().items()}


def applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def build(*, created_at=None) -> dict:
    """The manifest of the database as this connection sees it (inside the dump's snapshot)."""
    migrations = applied_migrations()
    counters = references.stored_counters()
    highest = {}
    for (prefix, year), last in sorted(counters.items()):  # a later year wins
        if last:
            highest[prefix] = references.format_reference(prefix, year, last)
    return {
        "format": FORMAT,
        "site": SITE,
        "created_at": (created_at or timezone.now()).isoformat(),
        "schema": {app: names[-1] for app, names in migrations.items()},
        "migrations": migrations,
        "tables": row_counts(),
        "highest_reference": highest,
        "counters": [
            {"prefix": prefix, "year": year, "last_number": last}
            for (prefix, year), last in sorted(counters.items())
        ],
    }


def unknown_migrations(manifest: dict) -> list[str]:
    """Migrations the backup's database had that this code does not know (a newer schema)."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return sorted(
        f"{app}.{name}"
        for app, names in manifest.get("migrations", {}).items()
        for name in names
        if (app, name) not in known
    )


def check(manifest: dict, *, name: str) -> None:
    """Refuse a manifest of another site, a newer format or a newer schema."""
    if manifest.get("site") != SITE or not isinstance(manifest.get("tables"), dict):
        raise BackupError(f"{name} is geen back-up van deze site.")
    if manifest.get("format", 0) > FORMAT:
        raise BackupError(
            f"{name} is gemaakt door een nieuwere versie van de site (formaat "
            f"{manifest.get('format')}). Herstel met de code van die versie."
        )
    unknown = unknown_migrations(manifest)
    if unknown:
        listed = ", ".join(unknown[:5]) + (" …" if len(unknown) > 5 else "")
        raise BackupError(
            f"{name} komt van een nieuwere versie van de site dan deze code (onbekende "
            f"migraties: {listed}). Zet eerst de code van die versie neer en herstel dan."
        )


def sidecar_path(backup: Path) -> Path:
    name = backup.name.removesuffix(".age").removesuffix(".backup")
    return backup.with_name(f"{name}.manifest.json")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def write_sidecar(backup: Path, manifest: dict, *, sha256: str, size: int) -> Path:
    path = sidecar_path(backup)
    data = {**manifest, "file": backup.name, "size": size, "sha256": sha256}
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, sort_keys=True)
        fh.write("\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return path


def read_sidecar(backup: Path) -> dict | None:
    path = sidecar_path(backup)
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise BackupError(f"{path.name} (het manifest naast de back-up) is onleesbaar.") from None
    if not isinstance(data, dict) or "sha256" not in data:
        raise BackupError(f"{path.name} is geen manifest van een back-up.")
    return data


def verify_checksum(backup: Path, sidecar: dict) -> None:
    """The file is exactly the one the backup wrote: same size, same sha256."""
    size = backup.stat().st_size
    if size != sidecar.get("size") or sha256_of(backup) != sidecar["sha256"]:
        raise BackupError(
            f"{backup.name} is beschadigd of onvolledig: het controlegetal (sha256) klopt "
            f"niet met {sidecar_path(backup).name}. Gebruik een andere kopie of een andere "
            "back-up."
        )
