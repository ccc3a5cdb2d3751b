"""A cache backend that is down: every call raises, as a Redis client does when Redis is gone."""

from django.core.cache.backends.locmem import LocMemCache


class UnreachableCache(LocMemCache):
    def add(self, *args, **kwargs):
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    def incr(self, *args, **kwargs):
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
