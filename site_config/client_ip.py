"""The client's IP address, read the same way everywhere (rate limits, login lock-out).

Behind the reverse proxy, REMOTE_ADDR is the proxy. The proxy appends the address it saw
to X-Forwarded-For, so with N trusted proxies the client is the N-th entry from the right;
entries further left were sent by the client and cannot be trusted.
"""

from django.conf import settings


def client_ip(request) -> str:
    proxies = settings.TRUSTED_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR", "") or "0.0.0.0"  # noqa: S104 (a key, not a bind)
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < proxies:
        return remote
    return forwarded[-proxies]
