"""Production gunicorn behind a pretend reverse proxy: the limits and the login hold.

gunicorn runs with DJANGO_ENV=production on 127.0.0.1. The "proxy" is a client that
connects from 127.0.0.2 (FORWARDED_ALLOW_IPS=127.0.0.2) and sends X-Forwarded-For as
nginx would; a client that reaches gunicorn directly connects from 127.0.0.1 and makes
up its own header. Mail goes to a real SMTP server in this process (aiosmtpd).
"""

import re
import secrets
import time

import pytest

from tests.helpers.stack import Gunicorn, Parent, _FormParser, base_env, free_port, manage

from .smtp import LocalSMTP, Relay

PROXY = "127.0.0.2"
DIRECT = "127.0.0.1"
PASSWORD = "een-lang-wachtwoord-2026"
HTTPS = {"X-Forwarded-Proto": "https"}


def production_env(var_dir, **overrides):
    return base_env(
        DJANGO_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{var_dir / 'db.sqlite3'}",
        VAR_DIR=str(var_dir),
        ADMIN_PATH="medewerkers",
        FORWARDED_ALLOW_IPS=PROXY,
        TRUSTED_PROXY_COUNT="1",
        REQUEST_MIN_FILL_SECONDS="0",
        **overrides,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    relay = Relay()
    smtp = LocalSMTP(relay)
    smtp.start()
    var_dir = tmp_path_factory.mktemp("prod")
    env = production_env(var_dir, EMAIL_URL=f"smtp://127.0.0.1:{smtp.port}")
    manage("migrate", "--noinput", env=env)
    manage("load_content", env=env)
    manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
    manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; "
        f"get_user_model().objects.create_superuser('beheerder', 'b@example.org', '{PASSWORD}')",
        env=env,
    )
    log = var_dir / "gunicorn.log"
    server = Gunicorn(env, log_path=log).start()
    yield {"url": server.url, "relay": relay, "log": log}
    server.stop()
    smtp.stop()


def through_proxy(site, client_address):
    return Parent(site["url"], headers={**HTTPS, "X-Forwarded-For": client_address}, source=PROXY)


def direct(site, made_up=None):
    headers = {**HTTPS, **({"X-Forwarded-For": made_up} if made_up else {})}
    return Parent(site["url"], headers=headers, source=DIRECT)


def log_in(parent, username, password, code=None):
    status, _, body = parent.get("/medewerkers/login/?next=/medewerkers/")
    assert status == 200
    form = _FormParser()
    form.feed(body.decode())
    data = {**form.hidden, "username": username, "password": password}
    if code is not None:
        data["otp_token"] = code
    status, _, body = parent.post("/medewerkers/login/?next=/medewerkers/", data)
    notes = re.findall(r'<p class="errornote">\s*(.*?)\s*</p>', body.decode(), re.S)
    return status, notes


def test_start_up_says_whose_forwarded_header_is_believed(site):
    assert (
        "Client addresses: X-Forwarded-For believed from 127.0.0.2 (TRUSTED_PROXY_COUNT=1)"
        in site["log"].read_text()
    )


def test_clients_behind_the_proxy_are_counted_apart_and_each_one_is_limited(site):
    outcomes = [through_proxy(site, f"203.0.113.{i}").send_callback()[0] for i in range(1, 13)]
    assert outcomes == [200] * 12
    one = [through_proxy(site, "198.51.100.50").send_callback()[0] for _ in range(11)]
    assert one == [200] * 10 + [429]


def test_an_ipv6_64_behind_the_proxy_is_one_client(site):
    outcomes = [
        through_proxy(site, f"2001:db8:77:1::{i:x}").send_callback()[0] for i in range(1, 16)
    ]
    assert outcomes == [200] * 10 + [429] * 5


def test_made_up_headers_from_a_peer_that_is_not_the_proxy_are_ignored(site):
    outcomes = [direct(site, f"192.0.2.{i}").send_callback()[0] for i in range(1, 13)]
    assert outcomes == [200] * 10 + [429] * 2


def test_mail_of_a_request_through_the_proxy_arrives_at_the_relay(site):
    before = len(site["relay"].delivered)
    status, reference = through_proxy(site, "198.51.100.77").send_callback(name="Post Ouder")
    assert status == 200 and reference
    # The mail leaves from a background thread after the parent has the confirmation.
    deadline = time.monotonic() + 10
    while not any(reference in d.text for d in site["relay"].delivered[before:]):
        assert time.monotonic() < deadline, "no mail arrived at the relay"
        time.sleep(0.1)
    new = site["relay"].delivered[before:]
    assert any(reference in d.text and "Post Ouder" not in d.text for d in new)


def test_every_failed_login_reads_the_same_and_a_header_does_not_lift_a_lock_out(site):
    attacker = direct(site)
    status, wrong_password = log_in(attacker, "beheerder", "fout-wachtwoord-123", code="123456")
    status2, no_code = log_in(attacker, "beheerder", PASSWORD)
    status3, wrong_code = log_in(attacker, "beheerder", PASSWORD, code="000000")
    status4, unknown = log_in(attacker, "niemand", PASSWORD, code="123456")
    assert status == status2 == status3 == status4 == 200
    assert wrong_password == no_code == wrong_code == unknown
    assert len(wrong_password) == 1 and "Inloggen is niet gelukt" in wrong_password[0]

    assert log_in(attacker, "beheerder", "fout-wachtwoord-123")[0] == 200  # the fourth
    assert log_in(attacker, "beheerder", "fout-wachtwoord-123")[0] == 429  # the fifth: locked
    for made_up in ["203.0.113.99", "10.0.0.1, 203.0.113.98"]:
        status, _ = log_in(direct(site, made_up), "beheerder", PASSWORD, code="123456")
        assert status == 429, made_up


def test_robots_txt_does_not_name_the_admin_path(site):
    status, _, body = direct(site).get("/robots.txt")
    assert status == 200
    assert b"medewerkers" not in body


@pytest.mark.parametrize("path", ["//evil.example/%2e%2e", "//evil.example/", "/\\evil.example/"])
def test_no_path_redirects_to_another_site(site, path):
    status, headers, _ = direct(site).get(path)
    location = headers.get("Location", "")
    assert not location.startswith(("//", "/\\", "http")), (status, location)


def test_production_without_a_mail_relay_does_not_start(tmp_path):
    env = production_env(tmp_path, EMAIL_URL="")
    manage("migrate", "--noinput", env={**env, "EMAIL_URL": "smtp://127.0.0.1:25"})
    log = tmp_path / "gunicorn.log"
    server = Gunicorn(env, port=free_port(), log_path=log)
    with pytest.raises(RuntimeError, match="gunicorn exited"):
        server.start(timeout=30)
    assert "EMAIL_URL is not set" in log.read_text()
