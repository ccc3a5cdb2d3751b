"""Keys, settings and backup files for the backup and restore tests."""

import io
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from pyrage import x25519

from requests_app.backup import dump, manifest
from tests.helpers.stack import ROOT


@dataclass
class AgeKey:
    identity: x25519.Identity
    public: str
    path: Path  # the key file as age-keygen writes it


def make_age_key(directory: Path, name="operator") -> AgeKey:
    identity = x25519.Identity.generate()
    public = str(identity.to_public())
    path = directory / f"{name}.key"
    path.write_text(f"# created: in a test\n# public key: {public}\n{identity}\n")
    return AgeKey(identity, public, path)


@pytest.fixture
def age_key(tmp_path) -> AgeKey:
    """The operator's key pair, made by the test; only the public half is configured."""
    return make_age_key(tmp_path)


@pytest.fixture
def backup_settings(settings, tmp_path, age_key):
    settings.BACKUP_DIR = tmp_path / "backups"
    settings.BACKUP_RECIPIENT = [age_key.public]
    settings.BACKUP_JOURNAL_DIR = tmp_path / "journal"
    return settings


def journal_lines(settings) -> list[dict]:
    return [
        json.loads(line)
        for path in sorted(Path(settings.BACKUP_JOURNAL_DIR).glob("journal-*.jsonl"))
        for line in path.read_text().splitlines()
    ]


def fake_backup(directory: Path, key: AgeKey, *, contents=None, dump_bytes=None) -> Path:
    """A file as `backup` writes it, around a stand-in dump (no pg_dump needed).

    For the checks a restore makes before it writes anything; the restore drill uses
    real dumps.
    """
    directory.mkdir(parents=True, exist_ok=True)
    contents = contents or manifest.build()
    source = io.BytesIO(dump_bytes or b"PGDMP" + b"\x01\x0e\x00" * 50_000)
    return dump.write_backup_file(directory, contents, source, [key.identity.to_public()]).path


def run_manage(*args, env) -> subprocess.CompletedProcess:
    """manage.py in a child process, as cron or an operator runs it; the caller checks the exit."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
