"""The erasure journal: what must never come back after a restore, kept outside the database.

A restore brings back the database as it was at the backup. Whatever was erased since (an
AVG erasure, a retention purge) would come back with it, and references issued since would
be issued again. Both are recorded here, as they happen, in append-only JSON lines:

    {"at": "...", "event": "issued", "reference": "OZ-2026-00042", "v": 1}
    {"at": "...", "event": "erased", "kind": "assessment", "reason": "erasure",
     "reference": "OZ-2026-00042", "v": 1}

References, kind, time and reason only: no name, address, phone number, child or text, so
the journal may live in clear beside the backups. One file per host (its name in the file
name), so hosts sharing the directory never append to one file; ``read`` takes them all.

A line is written with one ``write`` on a file opened for appending (whole lines, even with
several processes) and flushed to disk. A failure to write never fails the parent's
submission or the staff member's erasure: it is logged, ``backup`` refuses to run while the
directory is not writable, and each backup writes what the database knows that the journal
lacks (``sync_from_database``), so a missed line is repaired by the next night.
"""

import datetime
import json
import logging
import os
import re
import socket
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import references
from .errors import BackupError

logger = logging.getLogger(__name__)

VERSION = 1
FILE_PREFIX = "journal-"
FILE_SUFFIX = ".jsonl"
ISSUED = "issued"
ERASED = "erased"


def directory() -> Path:
    return Path(settings.BACKUP_JOURNAL_DIR)


def this_host_file() -> Path:
    host = re.sub(r"[^A-Za-z0-9._-]", "_", socket.gethostname()) or "host"
    return directory() / f"{FILE_PREFIX}{host}{FILE_SUFFIX}"


def _line(event: str, reference: str, at: datetime.datetime | None = None, **extra) -> dict:
    return {
        "v": VERSION,
        "at": (at or timezone.now()).isoformat(),
        "event": event,
        "reference": reference,
        **extra,
    }


def append(lines: list[dict], *, sync: bool = True) -> bool:
    """Append whole lines to this host's file (flushed to disk unless ``sync`` is False);
    False on failure."""
    if not lines:
        return True
    data = "".join(json.dumps(line, sort_keys=True) + "\n" for line in lines).encode()
    path = this_host_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            if sync:
                os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as error:
        # References only: safe for the log. The next backup repairs the journal.
        logger.error(
            "Erasure journal %s not written (%s): %s",
            path,
            error.strerror or type(error).__name__,
            ", ".join(line["reference"] for line in lines[:20]),
        )
        return False
    return True


def issued(reference: str) -> str:
    """Record a reference as it is handed out, and return it.

    Written at once, as the number is taken: should the submission fail, the journal merely
    knows a number that was never used, and a restore leaves a gap. Not flushed to disk
    line by line (an fsync per submission would slow every parent down): the write survives
    the process, only a crash of the whole machine can lose the last lines, and each night's
    backup writes what the database knows that the journal lacks.
    """
    append([_line(ISSUED, reference)], sync=False)
    return reference


def erased(requests: Iterable, *, reason: str) -> None:
    """Record erased requests once their erasure is committed (nothing if it rolls back)."""
    lines = [_line(ERASED, r.reference, kind=str(r.kind), reason=str(reason)) for r in requests]
    transaction.on_commit(partial(append, lines))


def check_writable() -> None:
    """Refuse (for the backup command) when this host cannot append to the journal."""
    path = this_host_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "ab"):
            pass
    except OSError as error:
        raise BackupError(
            f"Het wisjournaal {path} is niet schrijfbaar ({error.strerror}). Zonder journaal "
            "komen gewiste aanvragen na een herstel terug: los dit eerst op "
            "(BACKUP_JOURNAL_DIR)."
        ) from None


@dataclass
class Erasure:
    reference: str
    kind: str
    reason: str
    at: datetime.datetime


@dataclass
class Journal:
    files: list[Path] = field(default_factory=list)
    erasures: dict[str, Erasure] = field(default_factory=dict)
    issued: dict[str, datetime.datetime] = field(default_factory=dict)
    lines: int = 0
    torn_lines: int = 0

    def counters(self) -> references.Counters:
        return references.highest([*self.issued, *self.erasures])


def journal_files(paths: Iterable[Path] = ()) -> list[Path]:
    """The journal files in these files or folders (default: BACKUP_JOURNAL_DIR)."""
    paths = [Path(p) for p in paths]
    if not paths:
        default = directory()
        return sorted(default.glob(f"{FILE_PREFIX}*{FILE_SUFFIX}")) if default.is_dir() else []
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(path.glob(f"{FILE_PREFIX}*{FILE_SUFFIX}"))
        elif path.is_file():
            found.append(path)
        else:
            raise BackupError(f"Wisjournaal {path} bestaat niet.")
    return found


def read(paths: Iterable[Path] = ()) -> Journal:
    """Every line of every journal file; refuses a damaged file rather than guess.

    Only a last line without its newline (a write cut off by a crash) is skipped: it was
    never complete, so nothing relied on it.
    """
    journal = Journal(files=journal_files(paths))
    for path in journal.files:
        raw = path.read_bytes()
        lines = raw.split(b"\n")
        for number, text in enumerate(lines, start=1):
            if not text.strip():
                continue
            try:
                entry = json.loads(text)
                event, reference = entry["event"], entry["reference"]
                at = datetime.datetime.fromisoformat(entry["at"])
            except (ValueError, KeyError, TypeError):
                if number == len(lines):  # no newline after it: a torn last write
                    journal.torn_lines += 1
                    continue
                raise BackupError(
                    f"Wisjournaal {path} is beschadigd op regel {number}. Herstel het bestand "
                    "(of geef met --journal een goede kopie op) en probeer het opnieuw."
                ) from None
            journal.lines += 1
            if event == ISSUED:
                journal.issued.setdefault(reference, at)
            elif event == ERASED and reference not in journal.erasures:
                journal.erasures[reference] = Erasure(
                    reference, entry.get("kind", ""), entry.get("reason", ""), at
                )
    return journal


def sync_from_database() -> int:
    """Add to the journal what the database knows and the journal lacks; return how many.

    Purge-log lines whose reference the journal has not recorded as erased, and each
    counter's last number when the journal has seen a lower one. Run by every backup.
    """
    journal = read()
    purge_log = apps.get_model("requests_app", "PurgeLogEntry")
    lines = [
        _line(ERASED, reference, at=at, kind=kind, reason=reason)
        for reference, kind, reason, at in purge_log.objects.order_by("at", "pk").values_list(
            "reference", "kind", "reason", "at"
        )
        if reference not in journal.erasures
    ]
    known = journal.counters()
    for (prefix, year), last in references.stored_counters().items():
        if last and known.get((prefix, year), 0) < last:
            lines.append(_line(ISSUED, references.format_reference(prefix, year, last)))
    if lines and not append(lines):
        raise BackupError(f"Het wisjournaal {this_host_file()} kon niet worden bijgewerkt.")
    return len(lines)
