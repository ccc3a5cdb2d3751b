"""DATABASE_URL read into Django's DATABASES entry: SQLite on a laptop, PostgreSQL in
production with a connection pool that fails fast."""

import dj_database_url


def database_config(
    url, *, connect_timeout, pool, pool_min, pool_max, pool_timeout, conn_max_age
) -> dict:
    db = dj_database_url.parse(url)
    if db["ENGINE"] == "django.db.backends.postgresql":
        db.setdefault("OPTIONS", {})
        # Fail fast when PostgreSQL is unreachable: well under gunicorn's worker timeout.
        db["OPTIONS"].setdefault("connect_timeout", connect_timeout)
        if pool:
            # psycopg 3 pool per process; its default 30 s wait equals gunicorn's timeout,
            # so wait briefly and let the 503 page tell the parent to call instead.
            db["CONN_MAX_AGE"] = 0
            db["OPTIONS"]["pool"] = {
                "min_size": pool_min,
                "max_size": pool_max,
                "timeout": pool_timeout,
                "max_lifetime": 1800,
            }
        else:
            db["CONN_MAX_AGE"] = conn_max_age
            db["CONN_HEALTH_CHECKS"] = True
    else:
        db["OPTIONS"] = {
            # Wait for a writer instead of failing at once: gunicorn's threads share the file.
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    return db
