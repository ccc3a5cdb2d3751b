"""Settings come from the environment; production refuses to start half-configured."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
# Variables of this test process that must not reach the child: each test sets its own.
NOT_INHERITED = {"DATABASE_URL", "DJANGO_ENV", "DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL"}


def child_env(**env) -> dict:
    full_env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    full_env.update(env)
    return full_env


def manage_py(*args: str, **env) -> subprocess.CompletedProcess:
    """Run manage.py with the given environment (on top of this process's), in a fresh process."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=child_env(**env),
        capture_output=True,
        text=True,
        timeout=60,
    )


def run_django(code: str, **env) -> subprocess.CompletedProcess:
    """Run Python code with Django set up under the given environment, in a fresh process."""
    full_env = child_env(DJANGO_SETTINGS_MODULE="site_config.settings", **env)
    script = "import django; django.setup()\n" + code
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_database_url_selects_postgresql():
    result = run_django(
        "from django.conf import settings; d = settings.DATABASES['default'];"
        "print(d['ENGINE'], d['NAME'], d['HOST'], d['PORT'])",
        DJANGO_ENV="local",
        DATABASE_URL="postgres://someone@db.example:6543/jeugdwerk",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "jeugdwerk",
        "db.example",
        "6543",
    ]


def test_without_database_url_sqlite_lives_under_var(tmp_path):
    result = run_django(
        "from django.conf import settings; d = settings.DATABASES['default'];"
        "print(d['ENGINE'], d['NAME'])",
        DJANGO_ENV="local",
        VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    engine, name = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert name == str(tmp_path / "db.sqlite3")


def test_this_test_run_uses_the_database_that_database_url_names():
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres", "postgresql")) else "sqlite"
    assert connection.vendor == expected


def test_production_without_secret_key_stops_with_a_message_saying_what_to_set():
    result = run_django("", DJANGO_ENV="production", ALLOWED_HOSTS="example.org", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_without_allowed_hosts_stops_with_a_message_saying_what_to_set():
    result = run_django("", DJANGO_ENV="production", SECRET_KEY="x" * 60, ALLOWED_HOSTS="")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_local_mode_keeps_a_generated_secret_in_var(tmp_path):
    code = "from django.conf import settings; print(settings.SECRET_KEY)"
    first = run_django(code, DJANGO_ENV="local", VAR_DIR=str(tmp_path))
    second = run_django(code, DJANGO_ENV="local", VAR_DIR=str(tmp_path))
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    assert len(first.stdout.strip()) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("django_env", ["production", ""])
def test_check_deploy_passes_with_production_settings(django_env, tmp_path):
    env = {
        "SECRET_KEY": "k" * 30 + "Q9z!" * 10,
        "ALLOWED_HOSTS": "www.bijzonderjeugdwerk.nl",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/bjw_check",
        "VAR_DIR": str(tmp_path),
        "ADMIN_PATH": "medewerkers",
        "EMAIL_URL": "smtp+tls://site:geheim@relay.bijzonderjeugdwerk.nl:587",
    }
    if django_env:
        env["DJANGO_ENV"] = django_env
    result = manage_py("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_dutch_language_and_amsterdam_time():
    assert settings.LANGUAGE_CODE == "nl"
    assert settings.TIME_ZONE == "Europe/Amsterdam"
    assert settings.USE_TZ is True


def test_production_uses_https_secure_cookies_and_trusts_the_proxy_header():
    result = run_django(
        "from django.conf import settings as s; import json;"
        "print(json.dumps({k: getattr(s, k) for k in ["
        "'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'SESSION_COOKIE_SECURE',"
        "'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'SESSION_COOKIE_SAMESITE',"
        "'CSRF_COOKIE_SAMESITE', 'SECURE_PROXY_SSL_HEADER', 'ADMIN_REQUIRE_2FA', 'DEBUG',"
        "'SESSION_COOKIE_AGE']}))",
        DJANGO_ENV="production",
        SECRET_KEY="s" * 60,
        ALLOWED_HOSTS="www.example.org",
        EMAIL_URL="smtp+tls://relay.example.org:587",
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SAMESITE": "Lax",
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "ADMIN_REQUIRE_2FA": True,
        "DEBUG": False,
        "SESSION_COOKIE_AGE": 1800,
    }


def test_manage_py_in_an_unconfigured_checkout_runs_as_local(tmp_path):
    if (ROOT / ".env").exists():
        pytest.skip("this checkout has a .env: it is configured")
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.conf import settings as s; print(s.DJANGO_ENV)",
        ],
        cwd=ROOT,
        env=child_env(VAR_DIR=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "local"


def test_the_web_server_without_configuration_refuses_to_start():
    # wsgi.py (what gunicorn loads) gets no laptop default: production, so it stops.
    full_env = child_env(DJANGO_SETTINGS_MODULE="site_config.settings")
    full_env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "-c", "import site_config.wsgi"],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
