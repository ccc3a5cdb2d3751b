"""pg_dump and pg_restore as child processes, connected as Django is.

The connection comes from the database settings (DATABASE_URL) through libpq's environment
variables, so no password ever appears on a command line (``ps`` shows command lines to
every user of the machine) and no shell is involved.
"""

import os
import shutil
import subprocess
import tempfile

from django.db import connection

from .errors import BackupError


def require_postgresql(action: str) -> None:
    if connection.vendor != "postgresql":
        raise BackupError(
            f"{action} kan alleen met PostgreSQL; DATABASE_URL wijst naar {connection.vendor}."
        )


def tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        raise BackupError(
            f"{name} is niet gevonden: installeer de PostgreSQL-client "
            "(apt-get install postgresql-client), versie 15 of nieuwer."
        )
    return path


def child_env() -> dict[str, str]:
    """Our environment plus libpq's variables for the database Django uses."""
    settings_dict = connection.settings_dict
    _, secrets = connection.client.settings_to_cmd_args_env(settings_dict, [])
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env.update(secrets or {})
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGDATABASE", "NAME"),
    ):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    timeout = settings_dict.get("OPTIONS", {}).get("connect_timeout")
    if timeout:
        env["PGCONNECT_TIMEOUT"] = str(timeout)
    env["PGAPPNAME"] = "bjw-backup"
    return env


def export_snapshot() -> str:
    """Start a read-only snapshot on Django's connection; pg_dump will dump exactly it.

    Call as the first thing inside ``transaction.atomic()``: the manifest's counts are then
    taken in the same snapshot as the dump, and match it row for row.
    """
    with connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        return cursor.fetchone()[0]


def snapshot_time():
    with connection.cursor() as cursor:
        cursor.execute("SELECT now()")  # the transaction's start: the snapshot's moment
        return cursor.fetchone()[0]


def start_dump(snapshot: str) -> subprocess.Popen:
    """pg_dump in custom format on stdout (compressed), of exactly that snapshot."""
    return _start(
        [tool("pg_dump"), "--format=custom", f"--snapshot={snapshot}", "--no-password"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
    )


def start_restore() -> subprocess.Popen:
    """pg_restore reading a custom-format dump on stdin, all in one transaction.

    One transaction: if anything fails, the target database is left as empty as it was.
    Owners and grants are not restored: the restoring role owns what it creates.
    """
    return _start(
        [
            tool("pg_restore"),
            "--single-transaction",
            "--exit-on-error",
            "--no-owner",
            "--no-privileges",
            "--no-password",
            f"--dbname={connection.settings_dict['NAME']}",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
    )


def _start(args: list[str], **streams) -> subprocess.Popen:
    # stderr goes to a file, not a pipe: nobody reads it while the dump streams, and a full
    # pipe would stall the child.
    error_log = tempfile.TemporaryFile()  # noqa: SIM115 (closed by errors_of)
    process = subprocess.Popen(args, stderr=error_log, env=child_env(), **streams)  # noqa: S603 (no shell)
    process.error_log = error_log
    return process


def errors_of(process: subprocess.Popen) -> str:
    """The end of a finished child's stderr (PostgreSQL's messages; no row data)."""
    stream = process.error_log
    if stream.closed:
        return ""
    stream.seek(0)
    text = stream.read().decode("utf-8", "replace").strip()
    stream.close()
    return text[-1500:]


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.kill()
    process.wait()


def objects_in_database() -> int:
    """Tables, views and sequences outside PostgreSQL's own schemas."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') "
            "AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
            "AND n.nspname NOT LIKE 'pg\\_toast%%' AND n.nspname NOT LIKE 'pg\\_temp%%'"
        )
        return cursor.fetchone()[0]


def table_rows(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        return cursor.fetchone()[0]
