"""gunicorn settings: ``gunicorn -c site_config/gunicorn.conf.py``.

Threaded workers (gthread) sized from the CPU count. Each process keeps its own psycopg
pool of at most DB_POOL_MAX connections (settings.py), so the site holds at most
workers x DB_POOL_MAX connections: 5 x 8 = 40 on 2 CPUs, well below PostgreSQL's
default max_connections of 100. Without REDIS_URL the cache (and with it the rate
limits) lives in process memory, so then exactly one process serves, with threads.
"""

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
threads = int(os.environ.get("GUNICORN_THREADS", 8))

# Database waits end after a few seconds (settings: DB_POOL_TIMEOUT, connect_timeout),
# long before this; a worker stuck beyond it is restarted.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5

# Recycle workers now and then, staggered, so a slow leak never grows.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = 200

# Load the app before forking: a broken configuration stops start-up at once.
preload_app = True

# Requests larger than this never reach Django.
limit_request_line = 4094
limit_request_fields = 100

# Access log without query strings (%(U)s is the path only) and without bodies.
accesslog = "-"
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# The reverse proxy in front sets X-Forwarded-*; trust it only from these addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proxy_allow_ips = forwarded_allow_ips

# No runtime control socket (gunicornc): one path per user would be shared by every
# instance on the host, and signals (HUP to reload, TERM to stop) are all we use.
control_socket_disable = True
