"""Odd addresses and methods: traversal, encoded slashes, NUL, overlong slugs, forged
confirmation links, PUT and friends. Each gets a 404, 405 or 400 (the Dutch page where
the site draws one), never a 500, and never a file from outside the static folders."""

import datetime
import warnings
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core import signing
from django.core.cache import CacheKeyWarning
from django.test import Client

from requests_app.models import Request
from requests_app.submission import CONFIRMATION_SALT, confirmation_url
from tests.helpers.forms import send_assessment, send_callback
from tests.helpers.hostile import PHONE, assert_dutch_400_page

pytestmark = pytest.mark.django_db

PAGE = "/wat-is-hechting/"
LONG = "a" * 5000


@pytest.fixture
def anonymous(db):
    return Client(raise_request_exception=False)


def assert_dutch_404_page(response):
    assert response.status_code == 404, response.status_code
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Deze pagina bestaat niet" in html
    assert PHONE in html


# ---------------------------------------------------------------------------
# Content pages
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "path",
    [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/..%2f..%2fsite_config/settings.py",
        "/wat-is-hechting/../../manage.py",
        "/wat-is-hechting%2F/",
        "/wat-is-hechting%2fkenmerken-en-symptomen/",
        "/wat-is-hechting%5c..%5c/",
        "/wat-is-hechting%00/",
        "/%00/",
        "/wat-is-hechting/%00",
        "/%FF%FE/",
        "/wat-is-h%E9chting/",
        "/wat-is-hechting%0d%0aSet-Cookie:x=1/",
        "/wat-is-hechting/extra/deel/",
        "/<script>alert(1)</script>/",
        f"/{LONG}/",
        f"/{'ë' * 3000}/",
        "/" + "wat-is-hechting/" * 200,
    ],
)
def test_odd_paths_give_the_dutch_404_page(anonymous, path):
    assert_dutch_404_page(anonymous.get(path))


def test_an_encoded_slash_is_a_slash(anonymous, site_content):
    # The server decodes the path before Django sees it, so %2F is simply "/".
    assert anonymous.get("/wat-is-hechting%2F").status_code == 200
    assert anonymous.get("/onderzoek-aanvragen%2F").status_code == 200
    assert anonymous.get("/static/css%2Fsite.css").status_code == 200


def test_a_path_never_comes_back_unescaped_on_the_404_page(anonymous):
    html = anonymous.get("/%3Cscript%3Ealert(1)%3C/script%3E/").content.decode()
    assert "<script>alert(1)" not in html


def test_an_overlong_slug_is_a_404_without_a_cache_lookup(anonymous):
    # Longer than any page's slug may be: no page to find, and no key of 5,000
    # characters sent to the cache (Memcached refuses keys over 250; Redis keeps them).
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheKeyWarning)
        response = anonymous.get(f"/{LONG}/")
    assert_dutch_404_page(response)


def test_the_longest_possible_slug_is_still_looked_up(anonymous, site_content):
    from content.models import Page

    longest = "a" * Page._meta.get_field("slug").max_length
    page = Page.objects.filter(kind=Page.Kind.TOPIC).first()
    page.slug = longest
    page.save()
    assert anonymous.get(f"/{longest}/").status_code == 200


@pytest.mark.parametrize("path", ["/", PAGE, "/zoeken/?q=hechting", "/robots.txt", "/sitemap.xml"])
def test_a_page_answers_head_like_get_without_a_body(anonymous, site_content, path):
    response = anonymous.head(path)
    assert response.status_code == 200
    assert response.content == b""


@pytest.mark.parametrize("path", ["/", PAGE, "/zoeken/", "/robots.txt", "/sitemap.xml"])
@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "FOO"])
def test_a_page_refuses_methods_that_are_not_for_reading(anonymous, path, method):
    response = anonymous.generic(method, path, b"x=1")
    assert response.status_code == 405
    assert set(response["Allow"].split(", ")) <= {"GET", "HEAD"}


# ---------------------------------------------------------------------------
# Search
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "query",
    [
        "q=%00",
        "q=%00%01%02%1b%7f",
        "q=%FF%FE%FD",
        "q=" + quote("\udcff", errors="surrogatepass"),
        "q=..%2F..%2Fetc%2Fpasswd",
        "q=%2e%2e%2f",
        "q=" + "hechting%20" * 3000,
        "q=" + "ë" * 10000,
        "q=%25%25%25",
        "q=%",
        "q=a&q=b&q=%00",
        "q[]=hechting",
        "q=%3Cscript%3Ealert(1)%3C/script%3E",
        "q=%27%3B%20DROP%20TABLE%20content_page%3B--",
        "q=hechting%E2%80%AE",  # a right-to-left override
        "q=%F0%9F%98%9F%CC%81",  # an emoji with a combining accent
        "page=-1&q=hechting",
    ],
)
def test_odd_search_queries_give_a_search_page(anonymous, site_content, query):
    response = anonymous.get(f"/zoeken/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "<script>alert(1)" not in html


def test_more_search_parameters_than_allowed_give_the_dutch_400_page(anonymous):
    query = "&".join(f"q{i}=x" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    assert_dutch_400_page(anonymous.get(f"/zoeken/?{query}"))


# ---------------------------------------------------------------------------
# The forms
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/onderzoek-aanvragen/", "/bel-mij-terug/"])
@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "FOO"])
def test_a_form_refuses_methods_other_than_get_head_and_post(anonymous, path, method):
    response = anonymous.generic(method, path, b"contact_name=Jan")
    assert response.status_code == 405
    assert set(response["Allow"].split(", ")) == {"GET", "HEAD", "POST"}
    assert not Request.objects.exists()


@pytest.mark.parametrize("path", ["/onderzoek-aanvragen/", "/bel-mij-terug/"])
def test_a_form_answers_head_like_get_without_a_body(anonymous, path):
    response = anonymous.head(path)
    assert response.status_code == 200
    assert response.content == b""
    assert not Request.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        "/onderzoek-aanvragen/%00/",
        "/onderzoek-aanvragen/../bel-mij-terug/",
        "/onderzoek-aanvragen%2F%2F",
        "/bel-mij-terug%00/",
        f"/bel-mij-terug/{LONG}/",
    ],
)
def test_odd_form_paths_give_the_dutch_404_page(anonymous, path):
    assert_dutch_404_page(anonymous.get(path))


# ---------------------------------------------------------------------------
# Confirmation links
# ---------------------------------------------------------------------------
CONFIRMATIONS = ["/onderzoek-aanvragen/ontvangen/", "/bel-mij-terug/ontvangen/"]


@pytest.mark.parametrize("prefix", CONFIRMATIONS)
@pytest.mark.parametrize(
    "token",
    [
        "abc",
        "1",
        "MQ:1xXdka:artn4Mg7_VIE1Xbejs0RPpO1by_pupd5pSd3BGXawP0",  # well formed, wrong key
        "%00",
        "MQ%00:1xXdka:x",
        "..%2F..%2Fetc%2Fpasswd",
        "%2e%2e",
        "%FF%FE",
        "%3Cscript%3E",
        ":::",
        LONG,
        "MQ:" + "A" * 300,
    ],
)
def test_a_forged_confirmation_link_gives_the_dutch_404_page(anonymous, prefix, token):
    response = anonymous.get(f"{prefix}{token}/")
    assert_dutch_404_page(response)
    assert "<script>" not in response.content.decode().split("</head>")[1]


def test_a_confirmation_link_signed_for_a_request_that_does_not_exist_is_a_404(anonymous):
    token = signing.dumps(987654, salt=f"{CONFIRMATION_SALT}.beoordeling")
    assert_dutch_404_page(anonymous.get(f"{CONFIRMATIONS[0]}{token}/"))


def test_a_confirmation_link_signed_for_something_else_than_an_id_is_a_404(anonymous):
    client = Client()
    send_assessment(client)
    kind = Request.objects.get().kind
    for forged in ({"pk": 1}, "1", [1], None, 1.0, True):
        token = signing.dumps(forged, salt=f"{CONFIRMATION_SALT}.{kind}")
        assert_dutch_404_page(anonymous.get(f"{CONFIRMATIONS[0]}{token}/"))


def test_one_forms_confirmation_link_does_not_open_the_other_forms_page(anonymous):
    client = Client()
    link = send_assessment(client)["Location"]
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert anonymous.get(link).status_code == 200
    assert_dutch_404_page(anonymous.get(f"{CONFIRMATIONS[1]}{token}/"))


def test_an_expired_confirmation_link_says_so_in_dutch(anonymous, time_machine):
    client = Client()
    link = send_callback(client)["Location"]
    later = datetime.timedelta(seconds=settings.REQUEST_CONFIRMATION_MAX_AGE + 60)
    time_machine.move_to(datetime.datetime.now(tz=datetime.UTC) + later)
    response = anonymous.get(link)
    assert response.status_code == 410
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert PHONE in html
    assert Request.objects.get().reference not in html


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "FOO"])
def test_a_confirmation_page_is_for_reading_only(anonymous, method):
    client = Client()
    req_link = send_callback(client)["Location"]
    response = anonymous.generic(method, req_link, b"x=1")
    assert response.status_code == 405
    assert Request.objects.get().reference not in response.content.decode()
    assert anonymous.head(req_link).status_code == 200


def test_a_real_confirmation_link_still_works(anonymous):
    client = Client()
    send_callback(client)
    req = Request.objects.get()
    response = anonymous.get(confirmation_url(req))
    assert response.status_code == 200
    assert req.reference in response.content.decode()


# ---------------------------------------------------------------------------
# Static files
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "path",
    [
        "/static/../site_config/settings.py",
        "/static/../../etc/passwd",
        "/static/%2e%2e/site_config/settings.py",
        "/static/%2e%2e%2f%2e%2e%2fsite_config%2fsettings.py",
        "/static/css/..%2f..%2f..%2fsite_config%2fsettings.py",
        "/static/css/site.css%00",
        "/static/css/site.css%00.png",
        "/static/%00",
        "/static/%FF%FE",
        "/static//etc/passwd",
        "/static/\\..\\..\\site_config\\settings.py",
        "/static/css/%2e%2e%5c%2e%2e%5csite_config%5csettings.py",
        f"/static/{LONG}",
        f"/static/css/{LONG}.css",
        "/static/css/site.css/",
        "/static/css/",
        "/static/",
    ],
)
def test_odd_static_paths_never_serve_a_file_from_elsewhere(anonymous, path):
    response = anonymous.get(path)
    assert response.status_code in (400, 404)
    body = b"".join(response) if response.streaming else response.content
    assert b"SECRET_KEY" not in body
    assert b"root:" not in body


def test_a_static_file_still_is_served(anonymous):
    response = anonymous.get("/static/css/site.css")
    assert response.status_code == 200


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "FOO"])
def test_static_files_refuse_methods_that_are_not_for_reading(anonymous, method):
    assert anonymous.generic(method, "/static/css/site.css", b"x").status_code == 405
