"""docs/performance.md, written by make bench from one run's figures."""

import datetime
import os
import platform
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Target:
    what: str
    met: bool
    figure: str


def write_report(args, rows, burst, memory, targets, stored_refs, duplicates, lost):
    now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    lines = [
        "# Performance",
        "",
        f"Measured {now} by `make bench` (`python tests/bench/bench.py --seconds {args.seconds} "
        f"--connections {args.connections} --burst {args.burst} --runs {args.runs}`), on {os.cpu_count()} CPUs "
        f"({platform.machine()}, Python {platform.python_version()}). The load tool (wrk) runs on "
        "the same machine as the server, so the figures are compared as ratios within this run.",
        "",
        "Set-up: gunicorn with `DJANGO_ENV=production` on 127.0.0.1 "
        f"({len(memory['after'])} worker processes × {args.threads} threads, gthread), PostgreSQL 15 "
        "through the psycopg pool, Redis for the cache and the rate limits, requests carrying "
        "`X-Forwarded-Proto: https` as the reverse proxy sends it. Each URL is measured in "
        "turns with its *static twin*: a static file of the same bytes (its own body, taken "
        "before the run), served by whitenoise in the same gunicorn; each ratio compares the "
        "two. Each had one unmeasured second of the same load first (a running site's workers are "
        "warm); the new search question was never asked before its run. Each is measured in "
        f"{args.runs} runs and the best counts (the most requests/s, the lowest p99), for "
        "the page and its twin alike: a shared machine has moments of other work.",
        "",
        "## Targets",
        "",
        "| target | met | figure |",
        "| --- | --- | --- |",
        *(f"| {t.what} | {'yes' if t.met else '**no**'} | {t.figure} |" for t in targets),
        "| An uncached page: ≤ 4 queries, the same for 1 or 20 sections | yes (asserted by "
        "the suite: tests/content/test_caching.py) | |",
        "",
        f"## Under load ({args.connections} connections, {args.seconds} s each)",
        "",
        "| what | URL | bytes | requests/s | static twin | ratio | p50 ms | p99 ms | twin p99 ms "
        "| errors |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, path, r in rows:
        lines.append(
            f"| {label} | `{path}` | {r['bytes']:,} | {r['rps']:.0f} | "
            f"{r['twin']['rps']:.0f} | {r['ratio']:.2f} | {r['p50']:.1f} | {r['p99']:.1f} | "
            f"{r['twin']['p99']:.1f} | {r['errors']} |"
        )
    runs = burst["runs"]
    cpu = burst["cpu"]
    lines += [
        "",
        f"## {burst['sent']} callback requests, {args.connections} at a time",
        "",
        "Each simulated parent opens the form, fills it in and sends it (CSRF token, form ticket, "
        "all fields) from its own address as the proxy reports it, then opens the confirmation, "
        "over one kept-open connection as a browser does. "
        f"{len(runs)} bursts ({', '.join(f'{r:.1f}/s' for r in runs)}); the best counts, "
        "every one is checked.",
        "",
        f"- {burst['per_second']:.1f} stored per second ({burst['confirmed']} confirmed in "
        f"{burst['seconds']:.1f} s); distinct references: {burst['distinct']}; the last e-mail "
        f"of the burst sent {burst['mailed_after']:.1f} s after the last confirmation;",
        f"- in the database afterwards: {len(stored_refs)} requests (a warm-up burst and "
        f"{len(runs)} measured), "
        f"duplicates: {len(duplicates)}; confirmed but not stored: {len(lost)}.",
        "",
        "CPU per submission (form, POST, confirmation and its e-mails), per process, in the "
        "best burst: "
        + ", ".join(f"{name} {ms:.1f} ms" for name, ms in cpu.items())
        + f"; together {sum(cpu.values()):.1f} ms, so {os.cpu_count()} CPUs can store about "
        f"{1000 * os.cpu_count() / sum(cpu.values()):.0f} per second on this machine (the CPU "
        "clock ticks are coarse for a burst of a second or two).",
        "",
        "Where the parent's time goes (ms, median / p99):",
        "",
        "| step | what the server does | median | p99 |",
        "| --- | --- | ---: | ---: |",
    ]
    what = {
        "form": "the form's first page: the kept render with this visitor's CSRF token and "
        "ticket filled in",
        "post": "validate; is this ticket stored already (one query); rate limit and flood "
        "ceiling (two Redis counters); the next reference number (one statement); one "
        "transaction: the request, its details and history; after commit the e-mails go to "
        "this process's mail thread, which sends the requests of a rush in batches",
        "page": "the signed confirmation link read, one query, the kept page filled in",
    }
    for step, (median, p99) in burst["profile"].items():
        lines.append(f"| {step} | {what[step]} | {median:.1f} | {p99:.1f} |")
    lines += [
        "",
        "## Memory",
        "",
        "Resident memory of each gunicorn worker after the run, and for a worker that "
        "served the whole run, what it had after the first five seconds of load:",
        "",
        *(
            f"- worker {pid}: {kib / 1024:.0f} MiB"
            + (
                f" (after 5 s: {memory['before'][pid] / 1024:.0f} MiB)"
                if pid in memory["before"]
                else " (started during the run: recycled by GUNICORN_MAX_REQUESTS)"
            )
            for pid, kib in memory["after"].items()
        ),
        "",
    ]
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(lines))
