"""Redis down: pages still come (from the database), and a parent's request is still stored."""

import pytest
from django.core.cache import caches

from requests_app.models import Request

pytestmark = pytest.mark.django_db

NOTHING_LISTENS = "redis://127.0.0.1:1/0"


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": NOTHING_LISTENS,
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
    yield
    caches["default"].close()


def test_content_pages_are_served_from_the_database_when_redis_is_down(
    client, site_content, redis_down, caplog
):
    for url in ("/", "/wat-is-hechting/", "/kenmerken-en-symptomen/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "0493 - 327506" in response.content.decode()
    assert "ConnectionError" in caplog.text  # logged by django-redis, and the page came anyway


def test_a_callback_request_is_stored_when_redis_is_down(client, site_content, redis_down):
    from tests.helpers.forms import send_callback

    response = send_callback(client)
    assert response.status_code == 302
    assert Request.objects.count() == 1
