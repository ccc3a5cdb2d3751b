"""Django's Redis cache, tuned for this site.

* One redis client per process and server instead of one per call: Django's
  RedisCacheClient builds a new ``redis.Redis`` for every operation, which with redis-py 8
  costs about as much as the round trip itself. A ``redis.Redis`` client is thread-safe
  (each command borrows a pooled connection), so keeping one is safe under gthread.
* Reads and writes survive Redis being down: a read is a miss, a write is skipped, and a
  warning is logged. Pages then come from the database (slower, still correct). Counters
  (``add``/``incr``, used by the rate limit) still raise, so their caller decides.
"""

import logging

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(write))
            self._clients[index] = client
        return client


def _tolerant(method_name, fallback):
    def method(self, *args, **kwargs):
        try:
            return getattr(super(SharedRedisCache, self), method_name)(*args, **kwargs)
        except UNAVAILABLE as exc:
            logger.warning("cache unavailable for %s (%s)", method_name, type(exc).__name__)
            return fallback(*args, **kwargs) if callable(fallback) else fallback

    method.__name__ = method_name
    return method


class SharedRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    get = _tolerant("get", lambda key, default=None, version=None: default)
    get_many = _tolerant("get_many", {})
    set = _tolerant("set", None)
    set_many = _tolerant("set_many", [])
    delete = _tolerant("delete", False)
    delete_many = _tolerant("delete_many", None)
    clear = _tolerant("clear", None)
