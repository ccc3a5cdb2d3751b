"""The anonymous page cache answers before any other middleware: with the same headers as
a fresh answer, compressed when the browser accepts it, 304 for an unchanged version only."""

import gzip

import brotli
import pytest
from django.test import override_settings

from content.models import Page
from tests.factories import publish

pytestmark = pytest.mark.django_db

URL = "/wat-is-hechting/"


def headers(response):
    return {k: v for k, v in response.items() if k.lower() not in {"date"}}


def test_a_cached_answer_carries_exactly_the_headers_and_bytes_of_a_fresh_one(client, site_content):
    fresh = client.get(URL)
    cached = client.get(URL)
    assert fresh.templates and not cached.templates  # the second was not rendered
    assert headers(cached) == headers(fresh)
    assert cached.content == fresh.content
    for name in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options", "ETag"):
        assert cached[name], name
    assert "Accept-Encoding" in cached["Vary"] and "Cookie" in cached["Vary"]


@pytest.mark.parametrize(
    ("accept", "coding", "decode"),
    [("br", "br", brotli.decompress), ("gzip, deflate", "gzip", gzip.decompress)],
)
def test_the_body_comes_compressed_when_the_browser_accepts_it(
    client, site_content, accept, coding, decode
):
    plain = client.get(URL).content
    response = client.get(URL, HTTP_ACCEPT_ENCODING=accept)
    assert response["Content-Encoding"] == coding
    assert decode(response.content) == plain
    assert int(response["Content-Length"]) == len(response.content) < len(plain)


def test_a_returning_reader_gets_304_while_the_version_is_unchanged_and_the_page_after(
    client, site_content
):
    etag = client.get(URL)["ETag"]
    not_modified = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified["ETag"] == etag

    page = Page.objects.get(slug="wat-is-hechting")
    page.title = "Wat is hechting precies?"
    page.save()
    assert client.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 304  # not approved yet
    publish(page)
    changed = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert "Wat is hechting precies?" in changed.content.decode()


def test_head_gives_the_headers_without_the_body(client, site_content):
    client.get(URL)
    response = client.head(URL)
    assert response.status_code == 200 and response.content == b""
    assert int(response["Content-Length"]) > 0


def test_a_host_we_do_not_serve_gets_400_even_for_a_cached_page(client, site_content):
    client.get(URL)
    assert client.get(URL, HTTP_HOST="evil.example").status_code == 400


@override_settings(SECURE_SSL_REDIRECT=True)
def test_plain_http_is_redirected_even_for_a_cached_page(client, site_content):
    client.get(URL, secure=True)
    response = client.get(URL)
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
    assert client.get(URL, secure=True).status_code == 200


def test_staff_with_a_session_get_their_own_fresh_page(client, site_content):
    from tests.factories import make_superuser

    client.get(URL)
    client.force_login(make_superuser())
    response = client.get(URL)
    assert response.templates
    assert "ETag" not in response


# -- search results kept per question's words ---------------------------------------------


def test_a_kept_search_page_fills_in_each_visitors_question_and_holds_none(client, site_content):
    from django.core.cache import cache

    first = client.get("/zoeken/", {"q": "Hechting & <kind>"})
    second = client.get("/zoeken/", {"q": "hechting   KIND"})  # the same words
    assert first.templates and not second.templates
    assert "Zoeken naar ‘Hechting &amp; &lt;kind&gt;’" in first.content.decode()
    html = second.content.decode()
    assert "Zoeken naar ‘hechting KIND’" in html and 'value="hechting KIND"' in html
    assert second["Cache-Control"] == "private, no-store"
    # Apart from the question, both visitors got the same page.
    assert html.replace("hechting KIND", "Q") == first.content.decode().replace(
        "Hechting &amp; &lt;kind&gt;", "Q"
    )
    kept = list(cache._cache.values())
    assert kept and not any(b"hechting KIND" in v or b"&lt;kind&gt;" in v for v in kept)


def test_staff_get_their_search_rendered_fresh(client, site_content):
    from tests.factories import make_superuser

    client.get("/zoeken/", {"q": "hechting"})
    client.force_login(make_superuser())
    response = client.get("/zoeken/", {"q": "hechting"})
    assert response.templates
    assert "Zoeken naar ‘hechting’" in response.content.decode()
