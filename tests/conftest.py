"""Shared fixtures. Test-only settings overrides live here, not in settings.py."""

import os

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from hypothesis import settings as hypothesis_settings

# CI replays the same examples on every run (a red build must be reproducible); a
# developer's run explores new ones. .ci/run sets HYPOTHESIS_PROFILE=ci.
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True, scope="session")
def _backup_journal_outside_the_checkout(tmp_path_factory):
    """Every submission and erasure appends to the erasure journal: keep it out of var/."""
    from django.conf import settings

    settings.BACKUP_JOURNAL_DIR = tmp_path_factory.mktemp("backup-journal")
    settings.BACKUP_DIR = tmp_path_factory.mktemp("backups")


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


@pytest.fixture
def signs(db):
    """Two signs, approved: the live list the symptoms page and the form show."""
    from content.models import Sign
    from tests.factories import publish

    made = [
        Sign.objects.create(text="Is bang om in de steek gelaten te worden", order=1),
        Sign.objects.create(text="Laat zich moeilijk troosten", order=2),
    ]
    publish()
    return made
