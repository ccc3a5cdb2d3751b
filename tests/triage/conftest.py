"""Fixtures for the triage desk: staff of each kind, logged in through the test client."""

import pytest
from django.urls import reverse

from tests.factories import make_editor, make_intake_member, make_superuser


@pytest.fixture
def intake(db):
    return make_intake_member(first_name="Sanne", last_name="de Vries")


@pytest.fixture
def editor(db):
    return make_editor()


@pytest.fixture
def admin_user(db):
    return make_superuser()


@pytest.fixture
def intake_client(client, intake):
    client.force_login(intake)
    return client


@pytest.fixture
def queue_url():
    return reverse("admin:requests_app_request_changelist")
