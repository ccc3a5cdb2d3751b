"""Django's Redis cache, with one redis client per process and server instead of one per call.

Django's RedisCacheClient builds a new ``redis.Redis`` object for every cache operation;
with redis-py 8 that costs about as much as the round trip itself, twice per page view.
A ``redis.Redis`` client is thread-safe (each command borrows a pooled connection), so
keeping one is safe under gunicorn's threads.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


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


class SharedRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
