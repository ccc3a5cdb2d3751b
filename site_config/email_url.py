"""EMAIL_URL read into Django's e-mail settings."""

from urllib.parse import urlsplit

import dj_email_url
from django.core.exceptions import ImproperlyConfigured


def parse_email_url(url: str) -> dict:
    """dj_email_url's schemes (smtp://HOST:25, ?tls=1 or ?ssl=1, submission://, console:,
    file:, memory:, dummy:) plus smtp+tls:// (STARTTLS, port 587 unless given) and
    smtp+ssl:// (TLS from the start, port 465 unless given)."""
    scheme, _, rest = url.partition("://")
    if scheme not in {"smtp+tls", "smtp+ssl"}:
        conf = dj_email_url.parse(url)
        if "EMAIL_BACKEND" not in conf:
            raise ImproperlyConfigured(
                f"EMAIL_URL: unknown scheme in {url.split(':')[0]!r}. Use "
                "smtp+tls://USER:PASSWORD@HOST:587, smtp+ssl://USER:PASSWORD@HOST:465 or "
                "smtp://HOST:25 (console:, file:, memory: and dummy: only off production)."
            )
        return conf
    conf = dj_email_url.parse(f"smtp://{rest}")
    conf["EMAIL_USE_TLS"] = scheme == "smtp+tls"
    conf["EMAIL_USE_SSL"] = scheme == "smtp+ssl"
    if urlsplit(f"smtp://{rest}").port is None:
        conf["EMAIL_PORT"] = 587 if scheme == "smtp+tls" else 465
    return conf
