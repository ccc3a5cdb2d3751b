"""Shared fixtures. Test-only settings overrides live here, not in settings.py."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: cached navigation must not leak between tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_content(db):
    """The seed content, loaded as `make run` loads it."""
    call_command("load_content", verbosity=0)


@pytest.fixture
def on_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")
