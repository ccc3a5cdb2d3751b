"""What a checkout makes for itself: its release digest and, on a laptop, its secret."""

import hashlib
import os
import secrets
from pathlib import Path

FOLDERS = ("content", "requests_app", "site_config", "templates", "static")
SUFFIXES = {".py", ".html", ".txt", ".css", ".js", ".svg"}


def source_digest(base_dir: Path) -> str:
    """A short digest of the code, templates and static files, the same on every host of
    one deploy (contents, not file times)."""
    digest = hashlib.sha256()
    for folder in FOLDERS:
        for path in sorted((base_dir / folder).rglob("*")):
            if path.is_file() and path.suffix in SUFFIXES:
                digest.update(str(path.relative_to(base_dir)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def local_secret_key(var_dir: Path) -> str:
    """A secret kept in var/ so that a laptop needs no configuration (never production)."""
    path = var_dir / "secret_key"
    if not path.exists():
        var_dir.mkdir(parents=True, exist_ok=True)
        # Written once; created with owner-only permissions.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(50))
    return path.read_text().strip()
