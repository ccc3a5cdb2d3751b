"""Fixtures for the request-form tests. Helpers live in tests/helpers/forms.py."""

import pytest
from django.urls import reverse


@pytest.fixture
def assessment_url():
    return reverse("requests_app:assessment")


@pytest.fixture
def callback_url():
    return reverse("requests_app:callback")
