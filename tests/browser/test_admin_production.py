"""Production mode, in a real browser: staff need a code from an authenticator app.

Runs the site as production does (DJANGO_ENV=production, gunicorn) on a scratch SQLite
database, with the browser sending X-Forwarded-Proto: https as the reverse proxy would.
"""

import secrets
import time

import pytest
from django_otp.oath import TOTP

from tests.helpers.stack import Gunicorn, base_env, free_port, prepare_site

PASSWORD = "een-lang-wachtwoord-2026"


@pytest.fixture(scope="module")
def production_site(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("prod")
    port = free_port()
    env = base_env(
        # The browser speaks plain HTTP to 127.0.0.1 but Django sees HTTPS (the header
        # below), so the browser's Origin must be trusted explicitly.
        CSRF_TRUSTED_ORIGINS=f"http://127.0.0.1:{port}",
        DJANGO_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{var_dir / 'db.sqlite3'}",
        VAR_DIR=str(var_dir),
        EMAIL_URL="dummy:",
        ADMIN_PATH="medewerkers",
    )
    key = prepare_site(env, password=PASSWORD, plain_admin="zonder", admin_with_app="met")
    server = Gunicorn(env, port=port, log_path=var_dir / "gunicorn.log").start()
    yield {"url": server.url, "totp_key": key}
    server.stop()


def https_page(new_page):
    # The reverse proxy tells Django the request came in over HTTPS.
    return new_page(extra_http_headers={"X-Forwarded-Proto": "https"})


def log_in(page, base_url, username, code=None):
    page.goto(f"{base_url}/medewerkers/login/?next=/medewerkers/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    if code is not None:
        page.get_by_label("Code uit uw authenticator-app").fill(code)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


def current_code(hex_key):
    return f"{TOTP(bytes.fromhex(hex_key), step=30).token():06d}"


def test_a_staff_login_with_only_a_password_is_refused(production_site, new_page):
    page = https_page(new_page)
    log_in(page, production_site["url"], "met")
    assert "/medewerkers/login/" in page.url
    assert page.get_by_text("Inloggen is niet gelukt.").is_visible()
    assert page.problems == []


def test_staff_without_an_authenticator_app_cannot_log_in(production_site, new_page):
    page = https_page(new_page)
    log_in(page, production_site["url"], "zonder", code="123456")
    assert "/medewerkers/login/" in page.url
    # The same answer as a wrong password: the page never tells which part was right.
    assert page.get_by_text("Inloggen is niet gelukt.").is_visible()


def test_password_and_current_code_open_the_admin_without_csp_errors(production_site, new_page):
    page = https_page(new_page)
    # A code that is about to expire could lapse between typing and checking: wait it out.
    if 30 - time.time() % 30 < 3:
        time.sleep(3)
    log_in(page, production_site["url"], "met", code=current_code(production_site["totp_key"]))
    assert page.url.endswith("/medewerkers/")
    assert page.get_by_role("heading", name="Aanvragen en inhoud").is_visible()
    assert page.problems == []
