"""Fixtures for the hardening tests. Helpers live in tests/helpers/hostile.py."""

import pytest

from tests.helpers.hostile import CsrfCheckedClient


@pytest.fixture
def csrf_client(db):
    return CsrfCheckedClient()


@pytest.fixture
def no_rate_limit(settings):
    settings.REQUEST_RATE_LIMIT = "100000/h"
