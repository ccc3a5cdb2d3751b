"""Requests as a hostile client sends them, and reading the answer back: requests as a hostile client sends them.

The Django test client skips the CSRF check unless told otherwise; in production that
check reads the body before any view runs, so these tests use a client that enforces it
(with a real token from a GET), as a browser meets the site.
"""

import re
import unicodedata
import uuid
from urllib.parse import quote_plus

from django import forms
from django.core import validators
from django.test import Client
from django.utils import translation

from .forms import ASSESSMENT_URL, CALLBACK_URL

PHONE = "0493 - 327506"


class CsrfCheckedClient(Client):
    """A client that is checked for CSRF like a browser, and never raises a view's error.

    `token` is the CSRF token from a GET of a form page; add it to every POST.
    """

    def __init__(self):
        super().__init__(enforce_csrf_checks=True, raise_request_exception=False)
        self.get(CALLBACK_URL)
        self.token = self.cookies["csrftoken"].value


def assert_dutch_400_page(response):
    """The site's own 400 page: Dutch, what to do next, the phone number."""
    assert response.status_code in (400, 413), response.status_code
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Wat u stuurde, konden wij niet verwerken" in html
    assert PHONE in html
    assert "Traceback" not in html


# ---------------------------------------------------------------------------
# Encoding a POST body by hand: any text, even lone surrogates a browser could
# never send as UTF-8, and repeated or unknown field names.
# ---------------------------------------------------------------------------
def _raw(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def urlencoded(pairs) -> bytes:
    return "&".join(f"{quote_plus(_raw(k))}={quote_plus(_raw(v))}" for k, v in pairs).encode()


def multipart(pairs) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in pairs:
        safe_name = re.sub(r'[\r\n"\\]', "_", name)
        parts.append(
            _raw(f'--{boundary}\r\nContent-Disposition: form-data; name="{safe_name}"\r\n\r\n')
            + _raw(value)
            + b"\r\n"
        )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def post_pairs(client, url, pairs, *, as_multipart=False, **extra):
    """POST (name, value) pairs, in order, with the client's CSRF token first."""
    pairs = [("csrfmiddlewaretoken", client.token), *pairs]
    if as_multipart:
        body, content_type = multipart(pairs)
    else:
        body, content_type = urlencoded(pairs), "application/x-www-form-urlencoded"
    return client.generic("POST", url, body, content_type=content_type, **extra)


def pairs_of(data: dict):
    """A browser's form data (lists for repeated names) as ordered pairs."""
    pairs = []
    for name, value in data.items():
        values = value if isinstance(value, list | tuple) else [value]
        pairs += [(name, v) for v in values]
    return pairs


def as_received(text: str) -> str:
    """What Django reads from a value we sent: broken UTF-8 becomes U+FFFD."""
    return _raw(text).decode("utf-8", "replace")


def as_cleaned(text: str) -> str:
    """What a parents' text field keeps of a received value: stripped, NFC; nothing at
    all when no character in it can be seen (only spaces and format characters)."""
    value = as_received(text).strip()
    if all(unicodedata.category(ch) == "Cf" for ch in value):
        return ""
    return unicodedata.normalize("NFC", value)


def has_control_characters(text: str, *, multiline: bool) -> bool:
    allowed = {"\n", "\r", "\t"} if multiline else set()
    return any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in text)


# ---------------------------------------------------------------------------
# Reading a form page back
# ---------------------------------------------------------------------------
def error_messages(response) -> list[str]:
    """The messages in the error summary at the top of a form page (as HTML text)."""
    html = response.content.decode()
    summary = re.search(r'<ul class="error-summary__list">(.*?)</ul>', html, re.S)
    if summary is None:
        return []
    return re.findall(r'<li><a href="#[^"]*">(.*?)</a></li>', summary.group(1), re.S)


def _generic_message_starts() -> set[str]:
    """How Django's own form messages begin, in English and in Dutch.

    A parent should only ever see the site's own, plain Dutch; one of these means a
    field was left with a generic message (often quoting back what was sent).
    """
    messages = []
    for field in (
        forms.Field,
        forms.CharField,
        forms.ChoiceField,
        forms.TypedChoiceField,
        forms.MultipleChoiceField,
        forms.EmailField,
        forms.BooleanField,
        forms.DateField,
        forms.MultiValueField,
    ):
        for cls in reversed(field.__mro__):
            messages += list(getattr(cls, "default_error_messages", {}).values())
    messages += [
        validators.MaxLengthValidator.message,
        validators.MinLengthValidator.message,
        validators.EmailValidator.message,
        validators.ProhibitNullCharactersValidator.message,
    ]
    starts = set()
    for language in ("en", "nl"):
        with translation.override(language):
            for message in messages:
                start = str(message).split("%(")[0].split("{")[0].strip()
                if len(start) >= 8:
                    starts.add(start)
    return starts


GENERIC_MESSAGE_STARTS = _generic_message_starts()


def assert_plain_dutch_errors(response):
    """A form page that says, in the site's own Dutch, what to fix."""
    html = response.content.decode()
    assert '<html lang="nl">' in html
    messages = error_messages(response)
    assert messages, "an unstored request must say why"
    for message in messages:
        assert message.strip()
        generic = [s for s in GENERIC_MESSAGE_STARTS if message.startswith(s)]
        assert not generic, f"generic Django message shown to a parent: {message!r}"


def assert_dutch_form_page(response, url):
    """The form again, in Dutch: with what to fix, or (the assessment, nothing sent yet)
    at its first step. Never one of Django's generic messages."""
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert f'<form method="post" action="{url}"' in html
    if error_messages(response):
        assert_plain_dutch_errors(response)
    else:
        assert url == ASSESSMENT_URL and "stap 1 van 5" in html
