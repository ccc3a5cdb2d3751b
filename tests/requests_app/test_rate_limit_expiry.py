"""The form limits count per client in the shared cache, and every counter expires by
itself: Redis never gathers one key per address that ever sent a form."""

import secrets

import pytest
from django.core.cache import caches

from tests.helpers.forms import send_callback
from tests.helpers.stack import redis_available

pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
def redis_cache(settings):
    if not redis_available():
        pytest.skip("needs Redis on 127.0.0.1:6379")
    prefix = f"bjwtest-{secrets.token_hex(4)}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
            "TIMEOUT": 3600,
        }
    }
    client = caches["default"].client.get_client()
    yield client, prefix
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def counters(client, prefix):
    """Every rate-limit counter in Redis for this test, with its seconds to live."""
    return {key: client.ttl(key) for key in client.scan_iter(f"{prefix}:*rl:*")}


def test_both_counters_of_a_submission_expire_within_their_hour(client, redis_cache, settings):
    redis, prefix = redis_cache
    settings.REQUEST_RATE_LIMIT, settings.REQUEST_FLOOD_LIMIT = "10/h", "60/h"
    assert send_callback(client).status_code == 302
    first = counters(redis, prefix)
    assert len(first) == 2  # RATE_GROUP and FLOOD_GROUP
    assert all(0 < ttl <= 3600 + 5 for ttl in first.values()), first
    # Counting up keeps the expiry (an INCR that dropped it would keep the key forever).
    for _ in range(3):
        send_callback(client)
    later = counters(redis, prefix)
    assert set(later) == set(first)
    assert all(0 < later[key] <= first[key] for key in first), (first, later)
    assert sorted(int(redis.get(key)) for key in later) == [4, 4]
