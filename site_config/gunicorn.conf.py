"""gunicorn settings: ``gunicorn -c site_config/gunicorn.conf.py``.

Threaded workers (gthread) sized from the CPU count. Each process keeps its own psycopg
pool of at most DB_POOL_MAX connections (settings.py), so the site holds at most
workers x DB_POOL_MAX connections: 5 x 8 = 40 on 2 CPUs, well below PostgreSQL's
default max_connections of 100. Without REDIS_URL the cache (and with it the rate
limits) lives in process memory, so then exactly one process serves, with threads.
"""

import gc
import multiprocessing
import os

bind = os.environ.get(
    "GUNICORN_BIND", f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
)
wsgi_app = "site_config.wsgi:application"

worker_class = "gthread"
_cpus = multiprocessing.cpu_count()
if os.environ.get("REDIS_URL"):
    workers = int(os.environ.get("WEB_CONCURRENCY", 2 * _cpus + 1))
else:
    workers = 1
# Four threads each: threads of one process take turns on one interpreter lock, and past
# four they mostly wait for it (make bench, 200 submissions: 5 x 8 threads ~80/s, 5 x 4
# and 5 x 2 ~100/s on the same machine in the same minutes). 20 requests in progress at
# once; more wait briefly for a free thread.
threads = int(os.environ.get("GUNICORN_THREADS", 4))

# Database waits end after a few seconds (settings: DB_POOL_TIMEOUT, connect_timeout),
# long before this; a worker stuck beyond it is restarted.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5

# Recycle workers now and then, staggered, so a slow leak never grows; rarely enough that
# a rush of parents (a television mention) does not restart workers every few seconds: a
# new worker starts cold (connections, caches), and its first answers are a page's p99.
# With 2000, all five restarted together every 7 s under load and p99 rose twentyfold;
# with 25,000 a worker still restarted every ~12 s somewhere during make bench (about a
# million requests). At 100,000 that is every ~4 minutes per worker under full load.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 100_000))
max_requests_jitter = max_requests // 5

# Load the app before forking: a broken configuration stops start-up at once.
preload_app = True


def pre_fork(server, worker):
    """Hide what the loaded app holds (some 85,000 objects: Django, the URL patterns,
    templates) from the workers' garbage collector: a full collection otherwise walks
    them all, ~50 ms in which none of the worker's threads answers (a page's p99 under
    load), and pages shared with the master stay shared. Python's documented recipe
    (gc.freeze) for a server that forks."""
    gc.freeze()


# Requests larger than this never reach Django.
limit_request_line = 4094
limit_request_fields = 100

# Access log without query strings (%(U)s is the path only) and without bodies.
accesslog = "-"
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# The reverse proxy in front sets X-Forwarded-*; trust it only from these addresses.
# Django's settings read FORWARDED_ALLOW_IPS (from the environment or .env) once and
# client_ip() uses the same list, so gunicorn and the rate limits never disagree on who
# the proxy is. Loading the settings here also stops a broken configuration at once.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_config.settings")
from django.conf import settings  # noqa: E402

forwarded_allow_ips = ",".join(settings.FORWARDED_ALLOW_IPS)
proxy_allow_ips = forwarded_allow_ips


def when_ready(server):
    """Say at start whose X-Forwarded-For is believed, and warn when that cannot be right."""
    from site_config.client_ip import proxy_set_up_warnings

    # (host, port) per TCP listener; "" is every interface. Unix sockets are left out.
    hosts = [addr[0] or "0.0.0.0" for addr in server.cfg.address if isinstance(addr, tuple)]  # noqa: S104
    trusted = tuple(server.cfg.forwarded_allow_ips)
    server.log.info(
        "Client addresses: X-Forwarded-For believed from %s (TRUSTED_PROXY_COUNT=%s)",
        ",".join(trusted) or "nobody",
        settings.TRUSTED_PROXY_COUNT,
    )
    if trusted != tuple(settings.FORWARDED_ALLOW_IPS):
        server.log.warning(
            "gunicorn was given other proxies (%s) than FORWARDED_ALLOW_IPS (%s), which the "
            "rate limits and the login lock-out use: set FORWARDED_ALLOW_IPS only.",
            ",".join(trusted),
            ",".join(settings.FORWARDED_ALLOW_IPS),
        )
    for message in proxy_set_up_warnings(hosts, settings.TRUSTED_PROXY_COUNT, trusted):
        server.log.warning(message)


# No runtime control socket (gunicornc): one path per user would be shared by every
# instance on the host, and signals (HUP to reload, TERM to stop) are all we use.
control_socket_disable = True
