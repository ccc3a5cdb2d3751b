"""Every response carries the security headers; the admin is never cached."""

import pytest
from django.urls import reverse

from tests.factories import make_superuser

pytestmark = pytest.mark.django_db


def csp_directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    directives = {}
    for part in policy.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_security_headers(response):
    csp = csp_directives(response)
    assert csp["default-src"] == ["'none'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] in {"same-origin", "no-referrer", "strict-origin"}
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions


def test_public_page_has_every_security_header(client, site_content):
    response = client.get("/bestaat-niet/")
    assert_security_headers(response)


def test_a_page_served_from_the_anonymous_cache_has_every_security_header(client, site_content):
    client.get("/wat-is-hechting/")  # the first reader fills the cache
    response = client.get("/wat-is-hechting/")
    assert response.templates == []  # this one came from the cache
    assert_security_headers(response)


def test_health_and_robots_have_them_too(client):
    assert_security_headers(client.get("/robots.txt"))
    assert_security_headers(client.get("/healthz"))


def test_admin_page_has_every_security_header_and_is_never_cached(client):
    client.force_login(make_superuser())
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert_security_headers(response)
    assert "no-store" in response["Cache-Control"]


def test_admin_login_page_is_never_cached(client):
    response = client.get(reverse("admin:login"))
    assert_security_headers(response)
    assert "no-store" in response["Cache-Control"]


def test_the_admin_is_not_at_slash_admin(client, settings):
    assert settings.ADMIN_PATH != "admin/"
    assert client.get("/admin/").status_code == 404
