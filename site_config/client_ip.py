"""Who the client is, read the same way for every limit and for the login lock-out.

* The address comes from ``REMOTE_ADDR``, unless the peer is one of our reverse proxies
  (``FORWARDED_ALLOW_IPS``, the list gunicorn reads too): only then is
  ``X-Forwarded-For`` believed, and from it the ``TRUSTED_PROXY_COUNT``-th entry from the
  right (each proxy appends the address it saw; entries further left are whatever the
  client sent). A peer that is not a proxy cannot choose its own address by a header.
* An IPv6 client is its /64 network: a household, phone or server gets a whole /64, so
  counting single addresses would give it millions of tries. The network is given as its
  first address (``2001:db8:1:2::``), a plain address that django-axes can store in its
  ``GenericIPAddressField`` (``inet`` on PostgreSQL). IPv4 stays as it is.
* The result is always a valid address: a malformed header entry never becomes a key.

``FORWARDED_ALLOW_IPS`` is parsed here, once, by settings.py; gunicorn.conf.py hands the
same list to gunicorn, and warns at start when the list cannot match the real proxy.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEFAULT_FORWARDED_ALLOW_IPS = "127.0.0.1,::1"
ANY_PEER = "*"
IPV6_CLIENT_PREFIX = 64
UNKNOWN = "0.0.0.0"  # noqa: S104 (a key for a client without an address, not a bind)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def parse_forwarded_allow_ips(value: str) -> tuple[str, ...]:
    """The proxy list as gunicorn takes it: addresses, networks (CIDR) or ``*``.

    Strict like gunicorn (``10.0.0.1/8`` has host bits set and is refused), so that
    Django and gunicorn never disagree on who the proxy is.
    """
    entries = tuple(part.strip() for part in value.split(",") if part.strip())
    for entry in entries:
        if entry == ANY_PEER:
            continue
        try:
            ipaddress.ip_network(entry)
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"FORWARDED_ALLOW_IPS: {entry!r} is not an address or network ({exc}). "
                "Give the reverse proxy's addresses or networks, comma-separated, for "
                "example 10.0.0.5 or 10.0.0.0/24 (see README, Deploying)."
            ) from None
    return entries


@lru_cache(maxsize=8)
def _proxy_networks(entries: tuple[str, ...]):
    return tuple(ipaddress.ip_network(e) for e in entries if e != ANY_PEER)


def _parse_address(text: str) -> IPAddress | None:
    """An address from REMOTE_ADDR or one X-Forwarded-For entry (a port may follow)."""
    text = text.strip()
    if text.startswith("[") and "]" in text:  # [2001:db8::1]:443
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # 203.0.113.1:51234
        text = text.partition(":")[0]
    text = text.partition("%")[0]  # an IPv6 zone (fe80::1%eth0) says nothing of the client
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def is_trusted_proxy(peer: str) -> bool:
    """Whether the direct peer is one of our reverse proxies (FORWARDED_ALLOW_IPS)."""
    entries = tuple(settings.FORWARDED_ALLOW_IPS)
    if ANY_PEER in entries:
        return True
    address = _parse_address(peer)
    if address is None:
        # No IP address: a unix socket, which only the local proxy can reach (gunicorn
        # trusts such connections unconditionally too).
        return True
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    return any(address in network for network in _proxy_networks(entries))


def _as_key(address: IPAddress) -> str:
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        network = ipaddress.IPv6Network((address, IPV6_CLIENT_PREFIX), strict=False)
        return str(network.network_address)
    return str(address)


def _forwarded_client(request) -> IPAddress | None:
    entries = [
        part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if not entries:
        return None
    count = settings.TRUSTED_PROXY_COUNT
    # With fewer entries than proxies the client sent none: the left-most is a proxy's.
    chosen = entries[-count] if len(entries) >= count else entries[0]
    return _parse_address(chosen)


def client_ip(request) -> str:
    """The client as every limit and the lock-out count it (see the module docstring)."""
    peer = request.META.get("REMOTE_ADDR", "") or ""
    client = None
    if settings.TRUSTED_PROXY_COUNT > 0 and is_trusted_proxy(peer):
        client = _forwarded_client(request)
    if client is None:
        client = _parse_address(peer)
    return _as_key(client) if client is not None else UNKNOWN


# --- Start-up check (gunicorn.conf.py calls this with the addresses it listens on) ---------


def _is_loopback_host(host: str) -> bool:
    if host == "localhost":
        return True
    address = _parse_address(host)
    return address is not None and address.is_loopback


def proxy_set_up_warnings(
    listen_hosts: list[str], trusted_proxy_count: int, forwarded_allow_ips: tuple[str, ...]
) -> list[str]:
    """What an operator must hear at start about believing X-Forwarded-For.

    ``listen_hosts`` are the hosts gunicorn binds to (a unix socket is left out: only the
    local proxy can reach it).
    """
    exposed = [host for host in listen_hosts if not _is_loopback_host(host)]
    if trusted_proxy_count <= 0 or not exposed:
        return []
    where = ", ".join(exposed)
    if ANY_PEER in forwarded_allow_ips:
        return [
            f"FORWARDED_ALLOW_IPS=* while listening on {where}: X-Forwarded-For is believed "
            "from every peer. That is only safe when nothing but the reverse proxy can reach "
            "gunicorn (firewall, private network); otherwise name the proxy's address or network."
        ]
    networks = _proxy_networks(tuple(forwarded_allow_ips))
    if all(network.is_loopback for network in networks):
        return [
            f"TRUSTED_PROXY_COUNT={trusted_proxy_count} and listening on {where}, but "
            f"FORWARDED_ALLOW_IPS is {','.join(forwarded_allow_ips) or '(empty)'} (loopback "
            "only): a proxy on another host is not believed, so every client counts as the "
            "proxy's address for the rate limits and the login lock-out. Set "
            "FORWARDED_ALLOW_IPS to the reverse proxy's address (see README, Deploying)."
        ]
    return []
