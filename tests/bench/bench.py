"""make bench: load the site as production runs it and write docs/performance.md.

One run, one machine, figures compared as ratios:
  1. a scratch PostgreSQL database, migrated and seeded; Redis for cache and rate limits;
  2. gunicorn with production settings (DJANGO_ENV=production) on 127.0.0.1, requests
     carrying X-Forwarded-Proto: https as the reverse proxy would send;
  3. wrk (Debian) against the home page, a hub page, the search page and a form page,
     and against a static file of the home page's size served by the same gunicorn
     through whitenoise (the ceiling for this stack);
  4. a burst of concurrent callback submissions, then a check in the database that every
     one was stored once with a distinct reference;
  5. the weight of a first visit to a content page (HTML, CSS, images) as transferred.

Usage: python tests/bench/bench.py [--seconds 10] [--connections 32] [--burst 200]
Needs: PostgreSQL on 127.0.0.1:5432, Redis on 127.0.0.1:6379, wrk (apt-get install wrk).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import secrets
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.helpers.stack import (
    ROOT,
    Gunicorn,
    Parent,
    base_env,
    drop_database,
    manage,
    query,
    redis_available,
    request,
    scratch_database,
)

DB_NAME = "bjw_bench"
PROXY = {"X-Forwarded-Proto": "https"}
PAGES = [
    ("Home page", "/"),
    ("Hub page", "/wat-is-hechting/"),
    ("Search page", "/zoeken/?q=hechten"),
    ("Form page", "/onderzoek-aanvragen/"),
]
STATIC_NAME = "bench-static-copy.html"


def wrk(url: str, seconds: int, connections: int) -> dict:
    """Run wrk and parse requests/s, p50/p99 latency and errors (non-2xx/3xx, sockets)."""
    cmd = [
        "wrk",
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        "-H",
        "X-Forwarded-Proto: https",
        url,
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout

    def latency(label):
        m = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    total = re.search(r"(\d+) requests in", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
        "requests": int(total.group(1)),
        "errors": (int(non2xx.group(1)) if non2xx else 0)
        + (sum(int(x) for x in sock.groups()) if sock else 0),
    }


def first_visit_weight(base_url: str, path: str) -> dict:
    """Bytes transferred for a first visit: the page and every stylesheet, script, icon and
    image it links to, with the compression a browser asks for (br, gzip)."""
    headers = {**PROXY, "Accept-Encoding": "br, gzip"}
    status, _, body = request("GET", base_url + path, headers=headers)
    assert status == 200, (path, status)
    html = body.decode()
    weights = {"HTML": len(body)}
    assets = set(re.findall(r'(?:href|src)="(/static/[^"]+)"', html))
    for asset in sorted(assets):
        _, _, data = request("GET", base_url + asset, headers=headers)
        kind = (
            "CSS" if asset.endswith(".css") else "JS" if asset.endswith(".js") else "images/icons"
        )
        weights[kind] = weights.get(kind, 0) + len(data)
    weights["total"] = sum(weights.values())
    return weights


def submission_burst(base_url: str, count: int, concurrency: int) -> dict:
    """Send `count` callback requests from `concurrency` parents at once, each from its own
    address (as the proxy reports it), and time how many are stored per second."""

    def one(i):
        parent = Parent(
            base_url,
            headers={
                **PROXY,
                "X-Forwarded-For": f"10.{i // 65536 % 256}.{i // 256 % 256}.{i % 256}",
            },
        )
        return parent.send_callback(name=f"Bench {i}")

    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        results = list(pool.map(one, range(count)))
    elapsed = time.monotonic() - start
    references = [ref for status, ref in results if status == 200 and ref]
    return {
        "sent": count,
        "confirmed": len(references),
        "distinct": len(set(references)),
        "seconds": elapsed,
        "per_second": count / elapsed,
        "references": references,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--burst", type=int, default=200)
    parser.add_argument("--out", default=str(ROOT / "docs" / "performance.md"))
    args = parser.parse_args(argv)

    if not shutil.which("wrk"):
        sys.exit("bench: wrk is missing: apt-get install -y wrk")
    if not redis_available():
        sys.exit("bench: Redis is not answering on 127.0.0.1:6379")

    print("bench: preparing a scratch database and static files ...", flush=True)
    database_url = scratch_database(DB_NAME)
    var_dir = ROOT / "var" / "bench"
    var_dir.mkdir(parents=True, exist_ok=True)
    env = base_env(
        DJANGO_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        REDIS_URL="redis://127.0.0.1:6379/14",
        CACHE_KEY_PREFIX=f"bench{secrets.token_hex(4)}",
        EMAIL_URL="dummy:",
        SITE_URL="https://127.0.0.1",
        TRUSTED_PROXY_COUNT="1",
        REQUEST_MIN_FILL_SECONDS="0",
        REQUEST_RATE_LIMIT="1000/h",
        VAR_DIR=str(var_dir),
        GUNICORN_LOG_LEVEL="warning",
    )
    manage("migrate", "--noinput", env=env)
    manage("load_content", env=env)
    manage("collectstatic", "--noinput", "--verbosity", "0", env=env)

    # The ceiling: a static file of the home page's size, served by the same gunicorn.
    server = Gunicorn(env, log_path=var_dir / "gunicorn.log").start()
    try:
        _, _, home = request("GET", server.url + "/", headers=PROXY)
    finally:
        server.stop()
    (ROOT / "staticfiles" / STATIC_NAME).write_bytes(home)

    server = Gunicorn(env, log_path=var_dir / "gunicorn.log").start()
    try:
        for _, path in PAGES:  # warm the caches once, as any running site has them
            request("GET", server.url + path, headers=PROXY)
        rows = []
        static = wrk(server.url + "/static/" + STATIC_NAME, args.seconds, args.connections)
        rows.append(("Static file, same size (whitenoise)", f"/static/{STATIC_NAME}", static))
        for label, path in PAGES:
            print(f"bench: {label} {path}", flush=True)
            rows.append((label, path, wrk(server.url + path, args.seconds, args.connections)))
        weight = first_visit_weight(server.url, "/wat-is-hechting/")
        print(f"bench: burst of {args.burst} callback submissions", flush=True)
        burst = submission_burst(server.url, args.burst, args.connections)
        workers = subprocess.run(
            ["pgrep", "-c", "-P", str(server.process.pid)], capture_output=True, text=True
        ).stdout.strip()
    finally:
        server.stop()
        (ROOT / "staticfiles" / STATIC_NAME).unlink(missing_ok=True)

    stored = query(
        database_url,
        "SELECT reference, count(*) FROM requests_app_request "
        "WHERE contact_name LIKE 'Bench %%' GROUP BY reference",
    )
    stored_refs = {ref for ref, _ in stored}
    duplicates = [ref for ref, n in stored if n > 1]
    drop_database(DB_NAME)

    write_report(args, rows, weight, burst, stored_refs, duplicates, workers)
    print(f"bench: wrote {args.out}")


def write_report(args, rows, weight, burst, stored_refs, duplicates, workers):
    static_rps = rows[0][2]["rps"]
    now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    lines = [
        "# Performance",
        "",
        f"Measured {now} by `make bench` (`python tests/bench/bench.py --seconds {args.seconds} "
        f"--connections {args.connections} --burst {args.burst}`), on {os.cpu_count()} CPUs "
        f"({platform.machine()}, Python {platform.python_version()}). The load tool (wrk) runs on "
        "the same machine as the server, so read the figures as ratios within this one run.",
        "",
        "Set-up: gunicorn with `DJANGO_ENV=production` on 127.0.0.1 "
        f"({workers} worker processes x 8 threads, gthread), PostgreSQL 15 through the psycopg "
        "pool, Redis for the cache and the rate limits, requests carrying "
        "`X-Forwarded-Proto: https` as the reverse proxy sends it. Each page was requested once "
        "before measuring (a running site has its caches warm).",
        "",
        f"## Pages under load ({args.connections} connections, {args.seconds} s each)",
        "",
        "| what | URL | requests/s | vs. static file | p50 ms | p99 ms | requests | errors |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, path, r in rows:
        ratio = r["rps"] / static_rps if static_rps else 0
        lines.append(
            f"| {label} | `{path}` | {r['rps']:.0f} | {ratio:.0%} | {r['p50']:.1f} | "
            f"{r['p99']:.1f} | {r['requests']} | {r['errors']} |"
        )
    errors = sum(r["errors"] for _, _, r in rows)
    content = [r for label, _, r in rows if label in {"Home page", "Hub page"}]
    worst = min(r["rps"] for r in content) / static_rps
    lines += [
        "",
        "Targets:",
        f"- no errors at {args.connections} connections: **{'met' if errors == 0 else 'NOT met'}** "
        f"({errors} errors in all runs);",
        f"- cached content pages at least 50% of the static-file figure: "
        f"**{'met' if worst >= 0.5 else 'NOT met'}** (lowest content page: {worst:.0%});",
        "- fixed query counts per page: asserted by the test suite "
        "(`django_assert_max_num_queries` in tests/content/test_caching.py, "
        "tests/requests_app/test_query_counts.py, tests/triage/test_query_counts.py).",
        "",
        "## First visit to a content page (`/wat-is-hechting/`)",
        "",
        "Bytes transferred with `Accept-Encoding: br, gzip` (static files are brotli-compressed "
        "by whitenoise; the HTML is counted uncompressed, as gunicorn sends it, so a proxy that "
        "compresses makes it smaller still). No fonts are downloaded: the site uses system fonts.",
        "",
        "| part | bytes |",
        "| --- | ---: |",
    ]
    for key, value in weight.items():
        if key != "total":
            lines.append(f"| {key} | {value:,} |")
    lines += [
        f"| **total** | **{weight['total']:,}** ({weight['total'] / 1024:.1f} KB; "
        f"target under 60 KB: {'met' if weight['total'] < 60 * 1024 else 'NOT met'}) |",
        "",
        f"## Burst of form submissions ({burst['sent']} callback requests, "
        f"{args.connections} at a time)",
        "",
        "Each simulated parent opens the form, fills it in and sends it (CSRF token, form ticket, "
        "all fields), from its own address as the proxy reports it.",
        "",
        f"- {burst['per_second']:.1f} submissions per second "
        f"({burst['sent']} in {burst['seconds']:.1f} s, each a GET of the form, a POST and the "
        "confirmation page);",
        f"- confirmed with a reference: {burst['confirmed']} of {burst['sent']}; distinct "
        f"references: {burst['distinct']};",
        f"- in the database afterwards: {len(stored_refs)} requests, duplicates: "
        f"{len(duplicates)}; every confirmed reference stored: "
        f"{'yes' if set(burst['references']) <= stored_refs else 'NO'}.",
        "",
    ]
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(lines))


if __name__ == "__main__":
    main()
