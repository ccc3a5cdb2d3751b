"""After the 12-hour cap a staff member is sent to the login page, never somewhere else."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from site_config.middleware import SESSION_STARTED_KEY
from tests.factories import make_staff

pytestmark = pytest.mark.django_db

# Paths as they reach Django (PATH_INFO is already unquoted by the server).
UNSAFE_PATHS = [
    "//evil.example/..",
    "//evil.example/%2e%2e",
    "///evil.example/",
    "/\\evil.example/",
    "/\\/evil.example/",
    "//evil.example",
]


@pytest.fixture
def capped_client():
    """A staff member active all day, whose session began 12 hours and a minute ago."""
    client = Client()
    client.force_login(make_staff(is_superuser=True))
    session = client.session
    began = timezone.now() - timedelta(hours=12, minutes=1)
    session[SESSION_STARTED_KEY] = began.timestamp()
    session.save()
    return client


@pytest.mark.parametrize("path", UNSAFE_PATHS)
def test_a_path_that_could_leave_the_site_gives_the_bare_login_page(capped_client, path):
    response = capped_client.get("/", PATH_INFO=path)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:login")


def test_an_admin_page_comes_back_after_logging_in_again(capped_client):
    target = reverse("admin:auth_user_changelist") + "?q=jan"
    response = capped_client.get(target)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:login") + "?next=" + (
        "/beheer/auth/user/%3Fq%3Djan"
    )
    login_page = capped_client.get(response["Location"])
    assert login_page.status_code == 200
    assert 'name="next" value="/beheer/auth/user/?q=jan"' in login_page.content.decode()


def test_the_session_is_over(capped_client):
    capped_client.get(reverse("admin:index"))
    assert "_auth_user_id" not in capped_client.session
