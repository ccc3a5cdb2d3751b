"""Settings for the Bijzonder Jeugdwerk site: one file, read from the environment.

Modes (``DJANGO_ENV``):

* ``production`` (the default): HTTPS only, secure cookies, two-factor admin, JSON logs.
  ``SECRET_KEY`` and ``ALLOWED_HOSTS`` must be set or start-up stops.
* ``local``: what ``make run`` and ``make dev`` use on a laptop: plain HTTP on 127.0.0.1,
  a secret kept in ``var/``, SQLite unless ``DATABASE_URL`` says otherwise.
* ``test``: like local, with fast password hashing and in-memory mail; pytest selects it.

Every variable is listed, with its default, in ``.env.example`` and the README.
"""

import os
import sys
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from environs import Env

from site_config.client_ip import DEFAULT_FORWARDED_ALLOW_IPS, parse_forwarded_allow_ips
from site_config.database import database_config
from site_config.email_url import parse_email_url
from site_config.logging import logging_config
from site_config.policies import CSP, PERMISSIONS
from site_config.release import local_secret_key, source_digest

BASE_DIR = Path(__file__).resolve().parent.parent

env = Env()
_explicit_django_env = os.environ.get("DJANGO_ENV", "")
# A developer's own .env (never committed) is read when present; real environment wins.
env.read_env(BASE_DIR / ".env", recurse=False, override=False)

VAR_DIR = Path(env.str("VAR_DIR", "") or BASE_DIR / "var")

# pytest imports settings before any conftest can set variables, so a test run is
# recognised here; a DJANGO_ENV set in the real environment always wins (not one from .env).
if "pytest" in sys.modules and not _explicit_django_env:
    DJANGO_ENV = "test"
else:
    DJANGO_ENV = env.str("DJANGO_ENV", "production").strip().lower()
if DJANGO_ENV not in {"production", "local", "test"}:
    raise ImproperlyConfigured(
        f"DJANGO_ENV={DJANGO_ENV!r} is unknown: use 'production', 'local' or 'test'."
    )
PRODUCTION = DJANGO_ENV == "production"
TESTING = DJANGO_ENV == "test"

DEBUG = env.bool("DEBUG", False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off when DJANGO_ENV=production.")

SECRET_KEY = env.str("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
            "value (python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or use DJANGO_ENV=local on a laptop."
        )
    SECRET_KEY = local_secret_key(VAR_DIR)
# Former keys while a rotation settles (signed links, who_searched's older digests).
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", [])

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS:
    if PRODUCTION:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS is not set. Set ALLOWED_HOSTS to the site's host names, "
            "comma-separated (for example: www.bijzonderjeugdwerk.nl,bijzonderjeugdwerk.nl)."
        )
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]

# Where the site is reached; used in e-mails, canonical URLs and sitemaps.
SITE_URL = env.str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", [])

# ---------------------------------------------------------------------------
# Applications
# ---------------------------------------------------------------------------
INSTALLED_APPS = [
    "site_config.apps.SiteConfig",
    "site_config.apps.SiteAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "site_config.apps.SiteStaticFilesConfig",
    "django.contrib.sites",
    "django.contrib.redirects",
    "django.contrib.sitemaps",
    "django.forms",
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",
    "csp",
    "django_otp",
    "site_config.apps.StaffAuthenticatorAppsConfig",  # django_otp.plugins.otp_totp
    "site_config.apps.StaffLoginLockoutConfig",  # axes
    "content",
    "requests_app",
]

MIDDLEWARE = [
    # First: answers kept whole (content pages, search results, the first page of each
    # form), which carry every header the middleware below would set (content/middleware.py).
    "content.middleware.EarlyAnswerMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "site_config.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Right after it: a malformed CSRF cookie is not replaced on a page without a form.
    "site_config.middleware.MalformedCsrfCookieMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "site_config.middleware.SessionLifetimeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
    # Last, as django-axes asks: it turns a lock-out into its response.
    "axes.middleware.AxesMiddleware",
]

# The pages EarlyAnswerMiddleware may answer from a kept answer, and their handlers.
EARLY_ANSWERS = {
    "content:home": "content.early.page",
    "content:page": "content.early.page",
    "content:search": "content.early.search",
    "requests_app:assessment": "requests_app.first_step.early",
    "requests_app:callback": "requests_app.first_step.early",
}

ROOT_URLCONF = "site_config.urls"
WSGI_APPLICATION = "site_config.wsgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "content.context_processors.site",
            ],
        },
    },
]

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# ---------------------------------------------------------------------------
# Database: SQLite under var/ by default, PostgreSQL through DATABASE_URL.
# ---------------------------------------------------------------------------
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": database_config(
        env.str("DATABASE_URL", "") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        connect_timeout=env.int("DB_CONNECT_TIMEOUT", 3),
        pool=env.bool("DB_POOL", True),
        pool_min=env.int("DB_POOL_MIN", 1),
        pool_max=env.int("DB_POOL_MAX", 8),
        pool_timeout=env.float("DB_POOL_TIMEOUT", 4.0),
        conn_max_age=env.int("CONN_MAX_AGE", 60),
    ),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ---------------------------------------------------------------------------
# Cache: Redis when REDIS_URL is set (shared by all processes and hosts); otherwise
# memory in the one gunicorn process that runs without Redis (see gunicorn.conf.py).
# ---------------------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # One client and pool per process. IGNORE_EXCEPTIONS: Redis down makes a read a
            # miss and a write a no-op (logged); the rate limit fails open (spam.py).
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", "bjw"),
            "TIMEOUT": 3600,
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "bjw",
            "TIMEOUT": 3600,
        }
    }
# A Redis fault is logged (with the error, never cache keys or values).
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# The release cached pages belong to (content/page_cache.py): the commit, or a code digest.
RELEASE = env.str("RELEASE", "") or source_digest(BASE_DIR)

# ---------------------------------------------------------------------------
# Language and time
# ---------------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
# Dutch for the strings third-party apps and Django's admin leave in English.
LOCALE_PATHS = [BASE_DIR / "locale"]

# ---------------------------------------------------------------------------
# Static files: hashed, compressed (gzip + brotli), far-future cached by whitenoise.
# ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
if TESTING:
    # Tests serve the source folders (finders); a collected copy from `make run` would be
    # served first by whitenoise and could be older than the code under test.
    STATIC_ROOT = VAR_DIR / "test-staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Tests and DEBUG serve straight from the source folders; production from STATIC_ROOT.
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
WHITENOISE_MAX_AGE = 3600  # unhashed files (favicon.ico, robots); hashed ones get a year

# ---------------------------------------------------------------------------
# E-mail: console on a laptop, SMTP through EMAIL_URL in production. Production does
# not start without EMAIL_URL: the console fallback would print parents' e-mail
# addresses and references into the log. `check --deploy` also refuses a backend that
# sends nothing (console:, file:, memory:, dummy:); see site_config/checks.py.
# ---------------------------------------------------------------------------
EMAIL_URL = env.str("EMAIL_URL", "")
if not EMAIL_URL and PRODUCTION:
    raise ImproperlyConfigured(
        "EMAIL_URL is not set. Set EMAIL_URL to the SMTP relay that sends the site's mail, "
        "for example smtp+tls://USER:PASSWORD@relay.example.org:587 (see .env.example), "
        "or use DJANGO_ENV=local on a laptop."
    )

_email = parse_email_url(EMAIL_URL or "console:")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST") or "localhost"
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = bool(_email.get("EMAIL_USE_TLS"))
EMAIL_USE_SSL = bool(_email.get("EMAIL_USE_SSL"))
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", "Bijzonder Jeugdwerk <noreply@bijzonderjeugdwerk.nl>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The shared intake mailbox that hears of each new request (reference only, no personal data).
INTAKE_EMAIL = env.str("INTAKE_EMAIL", "intake@bijzonderjeugdwerk.nl")
# Where a parent's reply to a confirmation goes (Reply-To). Set by the operator, never by
# editors: replies can carry health details. Empty: replies go to DEFAULT_FROM_EMAIL.
PARENT_REPLY_TO = env.str("PARENT_REPLY_TO", "")

# ---------------------------------------------------------------------------
# Security
# ---------------------------------------------------------------------------
ADMIN_PATH = env.str("ADMIN_PATH", "beheer/").strip("/") + "/"
if ADMIN_PATH == "admin/" and PRODUCTION:
    raise ImproperlyConfigured(
        "ADMIN_PATH must not be 'admin/' in production: choose another path."
    )

# Staff log in only through the admin; after a login whose "next" is unsafe (another
# site) Django falls back to this, not to /accounts/profile/ (which does not exist).
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Our words and common Dutch ones, repeats, sequences, years (zxcvbn): site_config/passwords.py
    {"NAME": "site_config.passwords.GuessablePasswordValidator", "OPTIONS": {"min_score": 4}},
]

# Staff log in with a password and, where required, a code from an authenticator app.
ADMIN_REQUIRE_2FA = env.bool("ADMIN_REQUIRE_2FA", PRODUCTION)
OTP_TOTP_ISSUER = "Bijzonder Jeugdwerk"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# django-axes: lock a username+address pair out after 5 failures, for 15 minutes
# (a cool-off, not a permanent lock); `manage.py axes_reset_username NAME` unlocks.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
AXES_CLIENT_IP_CALLABLE = "site_config.client_ip.client_ip"
AXES_SENSITIVE_PARAMETERS = ["password", "otp_token"]
# Reverse proxies in front of gunicorn that append to X-Forwarded-For (0 on a laptop).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", 1 if PRODUCTION else 0)
# The proxies whose X-Forwarded-For is believed: addresses, networks or "*" (any peer;
# only when nothing else can reach gunicorn). The one reading of the variable: gunicorn
# gets this list too (gunicorn.conf.py). See site_config/client_ip.py and the README.
FORWARDED_ALLOW_IPS = parse_forwarded_allow_ips(
    env.str("FORWARDED_ALLOW_IPS", DEFAULT_FORWARDED_ALLOW_IPS)
)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "content.site_views.csrf_failure"
# Staff sessions: 30 idle minutes (the expiry is renewed on each request) ...
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# ... and never longer than this, whatever the activity (enforced by middleware).
SESSION_MAX_LIFETIME = timedelta(hours=12)

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

if PRODUCTION:
    # The reverse proxy terminates TLS and MUST set X-Forwarded-Proto (see README).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Secure-sessionid"
    CSRF_COOKIE_NAME = "__Secure-csrftoken"

# Content-Security-Policy (django-csp 4) and Permissions-Policy: site_config/policies.py.
CONTENT_SECURITY_POLICY = CSP
PERMISSIONS_POLICY = PERMISSIONS

# Oversized bodies and field floods are refused with a 400 page (Django's defaults, named).
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200
FILE_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
# No page takes a file: a file part is refused (400) instead of spooled to disk.
FILE_UPLOAD_HANDLERS = ["site_config.uploads.RefuseFiles"]

# ---------------------------------------------------------------------------
# Logging: plain lines on a laptop, JSON lines in production; never personal data.
# ---------------------------------------------------------------------------
LOG_LEVEL = env.str("LOG_LEVEL", "INFO")
LOGGING = logging_config(LOG_LEVEL, json_lines=PRODUCTION)

# ---------------------------------------------------------------------------
# The organisation's own settings
# ---------------------------------------------------------------------------
# Shown on pages that must not touch the database (500, 503) and as the seed default.
ORGANISATION_NAME = "Bijzonder Jeugdwerk"
ORGANISATION_PHONE = env.str("ORGANISATION_PHONE", "0493 - 327506")

# ---------------------------------------------------------------------------
# Content (content app)
# ---------------------------------------------------------------------------
# PostgreSQL full-text search (Dutch) with pg_trgm; on SQLite a simple fallback is used.
INSTALLED_APPS += ["django.contrib.postgres"]
# Anonymous readers' browsers (and any proxy) may keep a content page this long (seconds).
CONTENT_PUBLIC_MAX_AGE = env.int("CONTENT_PUBLIC_MAX_AGE", 300)
# Safety net for cached navigation and pages; an edit in admin clears them at once anyway.
CONTENT_CACHE_TIMEOUT = env.int("CONTENT_CACHE_TIMEOUT", 3600)
# Longest search query (characters) that is searched; longer ones get a friendly message.
CONTENT_SEARCH_MAX_LENGTH = 200

# ---------------------------------------------------------------------------
# Request forms (requests_app: forms, e-mails, spam defence)
# ---------------------------------------------------------------------------
# A typing check only (the ages assessed are a confirmed fact): a birth date that makes the
# child this old or older is queried ("Klopt het jaar?").
REQUEST_PLAUSIBLE_CHILD_AGE = env.int("REQUEST_PLAUSIBLE_CHILD_AGE", 30)
# Which privacy statement a parent agreed to; change it whenever the statement changes.
PRIVACY_STATEMENT_VERSION = env.str("PRIVACY_STATEMENT_VERSION", "2026-01")
# A submission faster than this (seconds since the form was opened) is flagged as spam.
REQUEST_MIN_FILL_SECONDS = env.int("REQUEST_MIN_FILL_SECONDS", 4)
# A form's signed ticket works this long (seconds); a request sent with an older one is
# stored, flagged "formulierkenmerk verlopen": tickets collected in advance do not help.
REQUEST_TICKET_MAX_AGE = env.int("REQUEST_TICKET_MAX_AGE", 24 * 3600)
# Submissions per client per period, both forms together (django-ratelimit syntax). Over it
# a request is still stored, flagged "te vaak verstuurd", without e-mail. Parents behind
# one carrier or school network share an address: the limit only has to catch a flood.
REQUEST_RATE_LIMIT = env.str("REQUEST_RATE_LIMIT", "10/h")
# A hard ceiling far above any family: past it nothing is stored (a page gives the phone
# number), so a flood cannot fill the database or use up reference numbers.
REQUEST_FLOOD_LIMIT = env.str("REQUEST_FLOOD_LIMIT", "60/h")
# How many coming working days the callback form offers.
REQUEST_CALLBACK_DAYS = env.int("REQUEST_CALLBACK_DAYS", 5)
# How long the confirmation page's link keeps working (seconds).
REQUEST_CONFIRMATION_MAX_AGE = env.int("REQUEST_CONFIRMATION_MAX_AGE", 24 * 3600)
# retry_notifications leaves a pending notification younger than this (seconds) to the
# web process that is still sending it.
REQUEST_NOTIFY_GRACE_SECONDS = env.int("REQUEST_NOTIFY_GRACE_SECONDS", 120)
# E-mail leaves from a background thread after the request is stored (a slow relay never
# holds the parent's page); tests send at once so they can read mail.outbox.
REQUEST_NOTIFY_IN_BACKGROUND = env.bool("REQUEST_NOTIFY_IN_BACKGROUND", not TESTING)
# The mail thread waits this long (seconds) after a request is stored before it sends, so
# the requests of a rush go out together in one batch (requests_app/notifications.py).
REQUEST_NOTIFY_GATHER_SECONDS = env.float("REQUEST_NOTIFY_GATHER_SECONDS", 2.0)
# After this many failed tries retry_notifications stops (the admin shows "Mislukt").
REQUEST_NOTIFY_MAX_ATTEMPTS = env.int("REQUEST_NOTIFY_MAX_ATTEMPTS", 50)

INSTALLED_APPS += ["django_ratelimit"]  # for its system check of the cache
RATELIMIT_USE_CACHE = "default"
# Redis down: a parent's request is worth more than the limit (honeypot and fill time
# still flag what looks automated).
RATELIMIT_FAIL_OPEN = True
# Without REDIS_URL gunicorn runs one process (gunicorn.conf.py), so the memory cache holds
# the limit for the host: django-ratelimit's shared-cache checks are silenced then only.
SILENCED_SYSTEM_CHECKS = [
    *globals().get("SILENCED_SYSTEM_CHECKS", []),
    *([] if REDIS_URL else ["django_ratelimit.E003", "django_ratelimit.W001"]),
]

# ---------------------------------------------------------------------------
# Triage desk (requests_app: queue, access log, retention)
# ---------------------------------------------------------------------------
# Retention (purge_requests): closed requests go this many days after closing, status
# "spam" too; suspected spam nobody acted on goes RETENTION_DAYS_SPAM days after arrival.
RETENTION_DAYS_CALLBACK = env.int("RETENTION_DAYS_CALLBACK", 92)
RETENTION_DAYS_ASSESSMENT = env.int("RETENTION_DAYS_ASSESSMENT", 365)
RETENTION_DAYS_SPAM = env.int("RETENTION_DAYS_SPAM", 30)
# Open requests nobody touched this long are mailed weekly to the coordinator
# (stale_requests, references and dates only): retention only counts from closing.
RETENTION_DAYS_STALE = env.int("RETENTION_DAYS_STALE", 730)
TRIAGE_COORDINATOR_EMAIL = env.str("TRIAGE_COORDINATOR_EMAIL", INTAKE_EMAIL)
# Due dates count the confirmed response time; until it is confirmed, this internal
# default (staff see that it is one; parents never see it).
TRIAGE_DEFAULT_RESPONSE_DAYS = env.int("TRIAGE_DEFAULT_RESPONSE_DAYS", 3)
# The "uiterlijk" date in the queue skips weekends and, when on, Dutch public holidays.
TRIAGE_SKIP_PUBLIC_HOLIDAYS = env.bool("TRIAGE_SKIP_PUBLIC_HOLIDAYS", True)
# Call attempts in a row without contact before "niet bereikt" (README: The callback desk).
CALL_ATTEMPTS_BEFORE_UNREACHED = env.int("CALL_ATTEMPTS_BEFORE_UNREACHED", 3)

# ---------------------------------------------------------------------------
# Backups (requests_app/backup: manage.py backup and restore; see the README)
# ---------------------------------------------------------------------------
# Where `backup` writes its encrypted files; copy them to another machine from here.
BACKUP_DIR = Path(env.str("BACKUP_DIR", "") or VAR_DIR / "backups")
# The operator's public age key(s), comma-separated (age1…); the secret key never is here.
BACKUP_RECIPIENT = env.list("BACKUP_RECIPIENT", [])
# Backups older than this many days are removed by the next backup (0: keep all).
BACKUP_KEEP_DAYS = env.int("BACKUP_KEEP_DAYS", 35)
# The erasure journal (references only), replayed by `restore`: one file per host; share
# it between hosts and copy it off this machine with the backups.
BACKUP_JOURNAL_DIR = Path(env.str("BACKUP_JOURNAL_DIR", "") or VAR_DIR / "backup-journal")

# ---------------------------------------------------------------------------
# Test runs
# ---------------------------------------------------------------------------
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
