"""Every row of every table of a PostgreSQL database, as text, for byte-for-byte comparison."""

import hashlib
import json

import psycopg
from django.db import connection


def source_database() -> dict:
    """Connection arguments of the database pytest-django made (the drill's source)."""
    s = connection.settings_dict
    return {
        "host": s["HOST"] or "127.0.0.1",
        "port": s["PORT"] or 5432,
        "user": s["USER"],
        "password": s["PASSWORD"] or None,
        "dbname": s["NAME"],
    }


def all_rows(conninfo) -> dict[str, list[dict]]:
    """{table: rows as JSON objects} for every table in the public schema."""
    kwargs = conninfo if isinstance(conninfo, dict) else {"conninfo": conninfo}
    with psycopg.connect(**kwargs) as conn:
        conn.execute("SET TIME ZONE 'UTC'")
        names = [
            name
            for (name,) in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        return {
            name: [
                row
                for (row,) in conn.execute(
                    f'SELECT to_jsonb(t) FROM "{name}" t'  # noqa: S608 (catalogue names)
                )
            ]
            for name in names
        }


def fingerprint(rows: list[dict]) -> tuple[int, str]:
    """(count, sha256 of the rows in a stable order): equal only if byte for byte equal."""
    lines = sorted(json.dumps(row, sort_keys=True) for row in rows)
    return len(lines), hashlib.sha256("\n".join(lines).encode()).hexdigest()
