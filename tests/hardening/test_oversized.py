"""Bodies too big, too many fields, broken multipart, wrong content types, broken UTF-8:
each form answers with its own Dutch page (400, or the form again), never a crash.

All POSTs go through a client that is checked for CSRF like a browser: in production
that check reads the body before the view, and so does Django's error handling.
"""

from urllib.parse import quote

import pytest
from django.conf import settings

from requests_app.models import AssessmentRequest, Request
from requests_app.questions import WORRIES_MAX
from tests.helpers.forms import (
    ASSESSMENT_URL,
    CALLBACK_URL,
    FORM_URLS,
    assessment_data,
    callback_data,
)
from tests.helpers.hostile import (
    as_received,
    assert_dutch_400_page,
    assert_dutch_form_page,
    multipart,
    pairs_of,
    post_pairs,
    urlencoded,
)

pytestmark = pytest.mark.django_db

FORMS = {ASSESSMENT_URL: assessment_data, CALLBACK_URL: callback_data}


def valid_pairs(url, **overrides):
    data = FORMS[url](**overrides)
    if url == ASSESSMENT_URL:
        data.update({"stap": "controleren", "klaar": "gevaar,kind,u,vraag,contact"})
        data["actie"] = "versturen"
    return pairs_of(data)


def over_the_limit():
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1


# ---------------------------------------------------------------------------
# Too big
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("url", FORM_URLS)
@pytest.mark.parametrize("as_multipart", [False, True], ids=["urlencoded", "multipart"])
def test_a_body_over_the_upload_limit_gets_the_dutch_400_page(csrf_client, url, as_multipart):
    pairs = [*valid_pairs(url), ("contact_name", "x" * over_the_limit())]
    response = post_pairs(csrf_client, url, pairs, as_multipart=as_multipart)
    assert_dutch_400_page(response)
    assert not Request.objects.exists()


@pytest.mark.parametrize("url", FORM_URLS)
def test_many_values_that_together_pass_the_limit_get_the_dutch_400_page(csrf_client, url):
    # No single value is big; the body is.
    chunk = "é" * 5000  # 30 kB once percent-encoded
    pairs = [*valid_pairs(url), *[("toelichting", chunk) for _ in range(10)]]
    response = post_pairs(csrf_client, url, pairs)
    assert_dutch_400_page(response)
    assert not Request.objects.exists()


def test_the_longest_story_a_parent_may_write_fits_well_under_the_limit(csrf_client, no_rate_limit):
    # Four-byte characters (emoji) are the worst case: 12 bytes each once encoded.
    worries = "Zorgen 😟 " + "😟" * (WORRIES_MAX - 9)
    assert len(worries) == WORRIES_MAX
    pairs = valid_pairs(ASSESSMENT_URL, worries=worries)
    assert len(urlencoded(pairs)) < settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 2
    response = post_pairs(csrf_client, ASSESSMENT_URL, pairs)
    assert response.status_code == 302
    assert AssessmentRequest.objects.get().worries == worries


# ---------------------------------------------------------------------------
# Too many fields
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("url", FORM_URLS)
@pytest.mark.parametrize("as_multipart", [False, True], ids=["urlencoded", "multipart"])
def test_more_fields_than_allowed_get_the_dutch_400_page(csrf_client, url, as_multipart):
    count = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1
    pairs = [*valid_pairs(url), *[(f"veld{i}", "x") for i in range(count)]]
    response = post_pairs(csrf_client, url, pairs, as_multipart=as_multipart)
    assert_dutch_400_page(response)
    assert not Request.objects.exists()


@pytest.mark.parametrize("url", FORM_URLS)
def test_one_field_repeated_too_often_gets_the_dutch_400_page(csrf_client, url):
    count = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1
    pairs = [*valid_pairs(url), *[("consent", "on")] * count]
    assert_dutch_400_page(post_pairs(csrf_client, url, pairs))
    assert not Request.objects.exists()


@pytest.mark.parametrize("url", FORM_URLS)
def test_parameters_in_the_address_of_a_form_are_ignored(csrf_client, url, no_rate_limit):
    # The forms read the body only; even more parameters than a body may carry change
    # nothing (a page that reads them, like search, refuses them: see test_odd_urls).
    count = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1
    query = "&".join(f"contact_name=p{i}" for i in range(count))
    assert csrf_client.get(f"{url}?{query}").status_code == 200
    response = post_pairs(csrf_client, f"{url}?{query}", valid_pairs(url))
    assert response.status_code == 302
    assert Request.objects.get().contact_name == "Marieke Jansen"


# ---------------------------------------------------------------------------
# Broken multipart bodies
# ---------------------------------------------------------------------------
BROKEN_MULTIPART = {
    "no boundary": ("multipart/form-data", b"--zz\r\nabc\r\n--zz--\r\n"),
    "empty boundary": ("multipart/form-data; boundary=", b"--\r\nabc\r\n----\r\n"),
    "boundary too long": ("multipart/form-data; boundary=" + "z" * 100, b"--zz--\r\n"),
    "boundary not in body": ("multipart/form-data; boundary=zz", b"contact_name=Jan"),
    "no field name": (
        "multipart/form-data; boundary=zz",
        b"--zz\r\nContent-Disposition: form-data\r\n\r\nJan\r\n--zz--\r\n",
    ),
    "no end": (
        "multipart/form-data; boundary=zz",
        b'--zz\r\nContent-Disposition: form-data; name="contact_name"\r\n\r\nJan',
    ),
    "headers without end": (
        "multipart/form-data; boundary=zz",
        b'--zz\r\nContent-Disposition: form-data; name="contact_name"',
    ),
    "header without colon": (
        "multipart/form-data; boundary=zz",
        b"--zz\r\nthis is not a header\r\n\r\nJan\r\n--zz--\r\n",
    ),
    "binary noise": ("multipart/form-data; boundary=zz", bytes(range(256)) * 4),
    "unknown charset": (
        "multipart/form-data; boundary=zz; charset=klingon-42",
        b'--zz\r\nContent-Disposition: form-data; name="contact_name"\r\n\r\nJan\r\n--zz--\r\n',
    ),
    "undecodable part charset": (
        "multipart/form-data; boundary=zz",
        b'--zz\r\nContent-Disposition: form-data; name="contact_name"\r\n'
        b"Content-Type: text/plain; charset=klingon-42\r\n\r\nJan\r\n--zz--\r\n",
    ),
    "a file where a name belongs": (
        "multipart/form-data; boundary=zz",
        b'--zz\r\nContent-Disposition: form-data; name="contact_name"; filename="../../x.sh"\r\n'
        b"Content-Type: application/x-sh\r\n\r\n#!/bin/sh\r\n--zz--\r\n",
    ),
}


@pytest.mark.parametrize("url", FORM_URLS)
@pytest.mark.parametrize("case", BROKEN_MULTIPART)
def test_a_broken_multipart_body_gets_a_dutch_page_and_stores_nothing(csrf_client, url, case):
    content_type, body = BROKEN_MULTIPART[case]
    response = csrf_client.generic(
        "POST", url, body, content_type=content_type, HTTP_X_CSRFTOKEN=csrf_client.token
    )
    # Django refuses what it cannot parse (400); what parses to nothing is an empty form.
    if response.status_code == 200:
        assert_dutch_form_page(response, url)
    else:
        assert_dutch_400_page(response)
    assert not Request.objects.exists()


@pytest.mark.parametrize("url", FORM_URLS)
@pytest.mark.parametrize("size", [100, 5_000_000], ids=["small", "5MB"])
def test_a_file_sent_along_is_refused_with_the_dutch_400_page(
    csrf_client, url, size, no_rate_limit
):
    # The forms have no file inputs, and Django keeps file parts out of
    # DATA_UPLOAD_MAX_MEMORY_SIZE: the site refuses any file part outright.
    body, content_type = multipart([("csrfmiddlewaretoken", csrf_client.token), *valid_pairs(url)])
    boundary = content_type.split("boundary=")[1].encode()
    upload = (
        b"--" + boundary + b'\r\nContent-Disposition: form-data; name="bijlage"; '
        b'filename="../../rapport.pdf"\r\nContent-Type: application/pdf\r\n\r\n'
        + b"%PDF" * (size // 4)
        + b"\r\n"
    )
    response = csrf_client.generic("POST", url, upload + body, content_type=content_type)
    assert_dutch_400_page(response)
    assert not Request.objects.exists()


# ---------------------------------------------------------------------------
# Wrong content types and character sets
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("url", FORM_URLS)
@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", b'{"contact_name": "Jan", "consent": true}'),
        ("text/plain", b"contact_name=Jan&consent=on"),
        ("application/xml", b"<request><contact_name>Jan</contact_name></request>"),
        ("application/octet-stream", b"\x00\x01\x02\xff"),
        ("", b"contact_name=Jan"),
        ("nonsense", b"contact_name=Jan"),
    ],
)
def test_a_body_of_another_type_is_read_as_an_empty_form(csrf_client, url, content_type, body):
    response = csrf_client.generic(
        "POST", url, body, content_type=content_type, HTTP_X_CSRFTOKEN=csrf_client.token
    )
    assert_dutch_form_page(response, url)
    assert not Request.objects.exists()


@pytest.mark.parametrize("url", FORM_URLS)
@pytest.mark.parametrize("charset", ["iso-8859-1", "windows-1252", "utf-16"])
def test_a_form_body_in_another_charset_gets_the_dutch_400_page(csrf_client, url, charset):
    # Django reads form bodies as UTF-8 only and refuses any other declared charset.
    # Before the fix the error page itself tripped over the same body: a bare 500.
    body = urlencoded([("csrfmiddlewaretoken", csrf_client.token), ("contact_name", "Zoë")])
    response = csrf_client.generic(
        "POST", url, body, content_type=f"application/x-www-form-urlencoded; charset={charset}"
    )
    assert_dutch_400_page(response)
    assert not Request.objects.exists()


@pytest.mark.parametrize("url", FORM_URLS)
@pytest.mark.parametrize("charset", ["klingon-42", "UTF-8"])
def test_a_form_body_with_an_unknown_charset_is_read_as_utf8(csrf_client, url, charset):
    body = urlencoded([("csrfmiddlewaretoken", csrf_client.token), ("contact_name", "Zoë")])
    response = csrf_client.generic(
        "POST", url, body, content_type=f"application/x-www-form-urlencoded; charset={charset}"
    )
    assert_dutch_form_page(response, url)
    if url == CALLBACK_URL:
        assert 'value="Zoë"' in response.content.decode()
    assert not Request.objects.exists()


@pytest.mark.parametrize("url", FORM_URLS)
def test_invalid_utf8_in_a_form_body_is_read_as_replacement_characters(csrf_client, url):
    name = "Zo\udceb Jansen"  # a lone surrogate: no valid UTF-8 exists for it
    pairs = [*valid_pairs(url, contact_name=name), ("consent", "")]  # keep it unstored
    response = post_pairs(csrf_client, url, pairs)
    assert response.status_code == 200
    assert as_received(name).startswith("Zo\ufffd")
    assert f'value="{as_received(name)}"' in response.content.decode()
    assert not Request.objects.exists()


@pytest.mark.parametrize("url", FORM_URLS)
def test_raw_invalid_utf8_bytes_in_a_form_body_never_break_the_form(csrf_client, url):
    body = (
        b"csrfmiddlewaretoken="
        + csrf_client.token.encode()
        + b"&contact_name=Zo\xeb\xff\xfe&note=\xc3\x28&\xff\xfe=\x80"
    )
    response = csrf_client.generic(
        "POST", url, body, content_type="application/x-www-form-urlencoded"
    )
    assert_dutch_form_page(response, url)
    assert not Request.objects.exists()


@pytest.mark.parametrize("url", FORM_URLS)
@pytest.mark.parametrize(
    "query",
    ["%FF%FE=%C3%28", "stap=%00&actie=%FF", "q=" + quote("\udcff", errors="surrogatepass"), "%"],
)
def test_invalid_utf8_in_the_query_string_changes_nothing(csrf_client, url, query, no_rate_limit):
    assert csrf_client.get(f"{url}?{query}").status_code == 200
    response = post_pairs(csrf_client, f"{url}?{query}", valid_pairs(url))
    assert response.status_code == 302
    assert Request.objects.count() == 1
