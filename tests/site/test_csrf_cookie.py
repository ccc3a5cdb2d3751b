"""A malformed CSRF cookie never makes a cacheable public page set a cookie.

Django replaces a malformed CSRF cookie on whatever response comes next. On a content
page (``Cache-Control: public``) that put a fresh Set-Cookie into a response a shared
cache may keep and hand to the next reader. A page without a form needs no token, so
the malformed cookie is left alone there; a form page, which is never publicly cached,
gets a new one, and a POST with the malformed cookie is still refused.
"""

import pytest
from django.test import Client

from tests.helpers.forms import callback_data

pytestmark = pytest.mark.django_db

MALFORMED = ["kapot", "x" * 65, "!" * 32, "a" * 31, "tweede;deel"]
CONTENT_URLS = ["/", "/wat-is-hechting/", "/contact/"]


def browser_with(cookie_value) -> Client:
    client = Client()
    client.cookies["csrftoken"] = cookie_value
    return client


@pytest.mark.parametrize("cookie_value", MALFORMED)
@pytest.mark.parametrize("url", CONTENT_URLS)
def test_a_content_page_sets_no_cookie_and_stays_publicly_cacheable(
    site_content, url, cookie_value
):
    response = browser_with(cookie_value).get(url)
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    assert not response.cookies
    assert response["Cache-Control"] == "public, max-age=300"


def test_the_page_is_the_same_for_every_reader_and_goes_into_the_page_cache(site_content):
    first = browser_with("kapot").get("/wat-is-hechting/")
    second = Client().get("/wat-is-hechting/")
    assert first.content == second.content
    assert not second.templates  # served from the page cache the first request filled


def test_a_form_page_replaces_the_malformed_cookie_and_is_never_publicly_cached(site_content):
    client = browser_with("kapot")
    response = client.get("/bel-mij-terug/")
    assert response.status_code == 200
    assert "public" not in response.get("Cache-Control", "")
    new_cookie = response.cookies["csrftoken"].value
    assert new_cookie != "kapot" and len(new_cookie) == 32


def test_a_post_with_the_malformed_cookie_is_still_refused(site_content):
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "kapot"
    response = client.post("/bel-mij-terug/", callback_data(csrfmiddlewaretoken="kapot"))
    assert response.status_code == 403
