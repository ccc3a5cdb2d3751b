"""A real stack for tests and benchmarks: gunicorn processes on 127.0.0.1, a scratch
PostgreSQL database, and a small HTTP client that fills in the public forms as a browser
would (cookies, CSRF token, the form's own hidden fields).

Used by tests/site/test_scale_out.py and tests/bench/bench.py. Only ever talks to 127.0.0.1.
"""

from __future__ import annotations

import html
import http.client
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[2]
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
REFERENCE_RE = re.compile(r"\b(?:OZ|TB)-\d{4}-\d{5}\b")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_available(host="127.0.0.1", port=6379) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def base_env(**overrides) -> dict[str, str]:
    """The environment for a child process: ours minus test-only variables, plus overrides."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DJANGO_ENV", "DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL"}
        and not k.startswith("PYTEST")
    }
    env.update({"DJANGO_SETTINGS_MODULE": "site_config.settings", "PYTHONUNBUFFERED": "1"})
    env.update({k: str(v) for k, v in overrides.items()})
    return env


def prepare_site(env, *, password: str, plain_admin: str, admin_with_app: str) -> str:
    """Migrate, seed and collect static files for a site run in ``env``, with two
    administrators (one without and one with an authenticator app); returns the app's key."""
    manage("migrate", "--noinput", env=env)
    manage("load_content", env=env)
    manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
    script = (
        "from django.contrib.auth import get_user_model; "
        "from django_otp.plugins.otp_totp.models import TOTPDevice; "
        "U = get_user_model(); "
        f"U.objects.create_superuser({plain_admin!r}, 'b@example.org', {password!r}); "
        f"u = U.objects.create_superuser({admin_with_app!r}, 'p@example.org', {password!r}); "
        "print(TOTPDevice.objects.create(user=u, name='telefoon', confirmed=True).key)"
    )
    return manage("shell", "-c", script, env=env).stdout.strip().splitlines()[-1]


def manage(*args: str, env: dict[str, str], timeout=300) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result


def scratch_database(name: str) -> str:
    """(Re)create an empty PostgreSQL database and return its URL."""
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def drop_database(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def query(database_url: str, sql: str, params=()) -> list[tuple]:
    import psycopg

    with psycopg.connect(database_url) as conn:
        return conn.execute(sql, params).fetchall()


@dataclass
class Gunicorn:
    """One gunicorn master (with its workers) serving the site on 127.0.0.1:port."""

    env: dict[str, str]
    port: int = field(default_factory=free_port)
    log_path: Path | None = None
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout=60) -> Gunicorn:
        env = {**self.env, "PORT": str(self.port), "HOST": "127.0.0.1"}
        log = open(self.log_path, "w") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self.process = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "-c", "site_config/gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}")
            try:
                status, _, _ = request("GET", self.url + "/healthz")
                if status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn on port {self.port} did not become healthy")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def request(method, url, body=None, headers=None, timeout=30, source=None):
    """One HTTP request to 127.0.0.1; returns (status, headers, body bytes).

    ``source`` is the local address to send from (another loopback address such as
    127.0.0.2 plays a reverse proxy, or a client that is not one).
    """
    parts = urlsplit(url)
    if parts.hostname not in {"127.0.0.1", "localhost"}:
        raise ValueError("only 127.0.0.1 is allowed")
    conn = http.client.HTTPConnection(
        parts.hostname, parts.port, timeout=timeout, source_address=(source, 0) if source else None
    )
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    try:
        conn.request(method, path or "/", body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


_INPUT = re.compile(r"<input\b[^>]*>", re.I)
_ATTR = re.compile(r'([\w-]+)="([^"]*)"')


def form_inputs(page: str) -> tuple[dict[str, str], dict[str, str]]:
    """A page's form inputs as a browser sends them untouched: the hidden values, and the
    first option of each radio group. (Our own markup: each attribute in double quotes.)"""
    hidden, radios = {}, {}
    for tag in _INPUT.findall(page):
        a = {k: html.unescape(v) for k, v in _ATTR.findall(tag)}
        name, kind = a.get("name"), a.get("type", "text")
        if not name:
            continue
        if kind == "hidden":
            hidden[name] = a.get("value", "")
        elif kind == "radio":
            radios.setdefault(name, a.get("value", ""))
    return hidden, radios


@dataclass
class Parent:
    """A browser-like client: keeps cookies, sends the CSRF token, fills the callback form.

    ``headers`` go with every request (e.g. X-Forwarded-For and X-Forwarded-Proto as a
    reverse proxy would set them); ``source`` is the loopback address it sends from.
    """

    base_url: str
    headers: dict[str, str] = field(default_factory=dict)
    cookies: dict[str, str] = field(default_factory=dict)
    source: str | None = None
    _conn: http.client.HTTPConnection | None = field(default=None, repr=False)

    def _headers(self, extra=None):
        h = {"User-Agent": "bjw-stack-test", **self.headers, **(extra or {})}
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return h

    def _keep_cookies(self, headers):
        for value in headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]

    def _send(self, method, path, body=None, extra=None):
        """One request over this parent's own connection, kept open between requests as a
        browser keeps it (opened again when the server closed it)."""
        parts = urlsplit(self.base_url)
        if parts.hostname not in {"127.0.0.1", "localhost"}:
            raise ValueError("only 127.0.0.1 is allowed")
        for attempt in (1, 2):
            if self._conn is None:
                self._conn = http.client.HTTPConnection(
                    parts.hostname,
                    parts.port,
                    timeout=30,
                    source_address=(self.source, 0) if self.source else None,
                )
            try:
                self._conn.request(method, path, body=body, headers=self._headers(extra))
                response = self._conn.getresponse()
                data = response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()
                if attempt == 2:
                    raise
                continue
            if response.will_close:
                self.close()
            self._keep_cookies(response.headers)
            return response.status, response.headers, data
        raise AssertionError("unreachable")

    def close(self):
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def get(self, path):
        return self._send("GET", path)

    def post(self, path, data):
        origin = (
            self.headers.get("X-Forwarded-Proto", "http") + "://" + urlsplit(self.base_url).netloc
        )
        return self._send(
            "POST",
            path,
            body=urlencode(data, doseq=True),
            extra={
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": origin,
                "Referer": origin + path,
            },
        )

    def send_callback(self, name=None, timings=None, **overrides):
        """Fill in and send 'Bel mij terug'. Returns (status, reference or None).

        ``timings``, a dict, receives how long each step took (seconds): form, post, page.
        ``overrides`` replace what is sent (such as the form's ticket).
        """
        timings = {} if timings is None else timings
        started = time.monotonic()
        status, _, body = self.get("/bel-mij-terug/")
        timings["form"] = time.monotonic() - started
        if status != 200:
            return status, None
        hidden, radios = form_inputs(body.decode())
        data = {
            **hidden,
            **radios,
            "contact_name": name or f"Ouder {secrets.token_hex(3)}",
            "phone": f"06 1{secrets.randbelow(10_000_000):07d}",
            "voicemail_allowed": "ja",
            "email": "",
            "note": "",
            "consent": "on",
            "homepage": "",
            **overrides,
        }
        started = time.monotonic()
        status, headers, _ = self.post("/bel-mij-terug/", data)
        timings["post"] = time.monotonic() - started
        if status != 302:
            return status, None
        location = headers["Location"]
        started = time.monotonic()
        status, _, body = self.get(urlsplit(location).path)
        timings["page"] = time.monotonic() - started
        match = REFERENCE_RE.search(body.decode())
        return status, match.group(0) if match else None
