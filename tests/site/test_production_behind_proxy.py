"""Production gunicorn behind a pretend reverse proxy: the limits and the login hold.

gunicorn runs with DJANGO_ENV=production on 127.0.0.1. The "proxy" is a client that
connects from 127.0.0.2 (FORWARDED_ALLOW_IPS=127.0.0.2) and sends X-Forwarded-For as
nginx would; a client that reaches gunicorn directly connects from 127.0.0.1 and makes
up its own header. Mail goes to a real SMTP server in this process (aiosmtpd).
"""

import datetime
import json
import re
import secrets
import sqlite3
import time
import uuid
from contextlib import closing

import pytest
import time_machine
from django.core import signing
from django_otp.oath import TOTP

from requests_app.spam import TICKET_SALT
from tests.helpers.stack import (
    Gunicorn,
    Parent,
    base_env,
    form_inputs,
    free_port,
    manage,
    prepare_site,
)

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
    totp_key = prepare_site(
        env, password=PASSWORD, plain_admin="beheerder", admin_with_app="privacy"
    )
    log = var_dir / "gunicorn.log"
    server = Gunicorn(env, log_path=log).start()
    yield {
        "url": server.url,
        "relay": relay,
        "log": log,
        "env": env,
        "db": var_dir / "db.sqlite3",
        "totp_key": totp_key,
    }
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
    hidden, _ = form_inputs(body.decode())
    data = {**hidden, "username": username, "password": password}
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


# -- issue 13, second half: what reaches staff, and the trace it leaves ----------------


def rows(site, sql, params=()):
    """Read the production database (SQLite here) as an auditor would."""
    with closing(sqlite3.connect(f"file:{site['db']}?mode=ro", uri=True)) as db:
        return db.execute(sql, params).fetchall()


def request_row(site, reference):
    return rows(
        site,
        "SELECT contact_name, is_suspected_spam, spam_reasons FROM requests_app_request "
        "WHERE reference = ?",
        (reference,),
    )[0]


def test_a_ticket_collected_days_ago_is_flagged_and_the_request_kept(site):
    with time_machine.travel(datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=3)):
        old_ticket = signing.dumps(
            {"k": uuid.uuid4().hex, "t": int(time.time())},
            key=site["env"]["SECRET_KEY"],
            salt=TICKET_SALT,
        )
    status, reference = through_proxy(site, "198.51.100.120").send_callback(ticket=old_ticket)
    assert status == 200 and reference  # the parent sees the confirmation
    _name, flagged, reasons = request_row(site, reference)
    assert flagged == 1 and json.loads(reasons) == ["expired_ticket"]


def test_direction_overrides_sent_from_outside_are_not_stored(site):
    name = "Jan \u202eSPOED bel 112\u202c de\u200b Vries"
    status, reference = through_proxy(site, "198.51.100.121").send_callback(name=name)
    assert status == 200 and reference
    assert request_row(site, reference)[0] == "Jan SPOED bel 112 de Vries"


def test_a_queue_search_is_in_the_access_log_as_a_digest_never_as_the_term(site):
    _, reference = through_proxy(site, "198.51.100.122").send_callback(name="Zoekbare Ouder")
    staff = through_proxy(site, "198.51.100.123")
    code = f"{TOTP(bytes.fromhex(site['totp_key']), step=30).token():06d}"
    status, notes = log_in(staff, "privacy", PASSWORD, code=code)
    assert (status, notes) == (302, []), notes
    status, _, body = staff.get("/medewerkers/requests_app/request/?q=zoekbare+ouder")
    assert status == 200 and reference in body.decode()
    lines = rows(site, "SELECT action, reference, detail FROM requests_app_accesslogentry")
    searches = [detail for action, _ref, detail in lines if action == "search"]
    assert len(searches) == 1 and re.fullmatch(
        r"wachtrij: zoekterm #[0-9a-f]{16}, 1 resultaat", searches[0]
    )
    assert ("listed", reference) in {(action, ref) for action, ref, _d in lines}
    everything = " ".join(str(v) for line in lines for v in line).lower()
    assert "zoekbare" not in everything
    assert "zoekbare" not in site["log"].read_text().lower()
