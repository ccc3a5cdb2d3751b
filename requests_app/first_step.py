"""The first page of each form, kept once per content version and day.

Every parent who opens a form gets the same page but for two values: the CSRF token and
the form ticket (the submission's own token and start time). So the page is kept with
placeholders and answered early (content/middleware.py), each visitor getting a fresh
token, ticket and CSRF cookie of their own. Staff (with a session) get a fresh render.
"""

import secrets

from django.conf import settings
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, CsrfViewMiddleware
from django.utils import timezone

from content.middleware import Early, early_key
from content.page_cache import keep, placeholder

from .spam import new_ticket

TICKET, CSRF = placeholder("ticket"), placeholder("csrf")
FORMS = {"requests_app:assessment": "assessment", "requests_app:callback": "callback"}
# Django's own CSRF middleware, for the cookie of a page answered before it runs.
_csrf = CsrfViewMiddleware(lambda request: None)


def form_key(name: str) -> str:
    # The day is in the key: the callback form offers the coming days.
    return f"requests:{settings.RELEASE}:first-step:{name}:{timezone.localdate()}"


_CHARS, _N = CSRF_ALLOWED_CHARS, len(CSRF_ALLOWED_CHARS)
_UNBIASED = 256 - 256 % _N  # random bytes from here up are dropped: each char equally likely


def _random_indices(count: int) -> list[int]:
    """``count`` positions in CSRF_ALLOWED_CHARS from the system's secure random source.
    Django's get_random_string draws one character at a time; this draws bytes at once
    (half the cost of the whole first page, measured)."""
    found: list[int] = []
    while len(found) < count:
        found += [b % _N for b in secrets.token_bytes(count + 8) if b < _UNBIASED]
    return found[:count]


def _csrf_token(request) -> str:
    """What django.middleware.csrf.get_token() gives, in its format (a new secret for a
    visitor without the cookie; the secret masked afresh for every page): Django's own
    check on the POST reads it."""
    secret = request.META.get("CSRF_COOKIE")
    if secret is None:
        secret = "".join(_CHARS[i] for i in _random_indices(CSRF_SECRET_LENGTH))
        request.META["CSRF_COOKIE"] = secret
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True  # sent (again) with this answer
    mask = _random_indices(CSRF_SECRET_LENGTH)
    cipher = "".join(_CHARS[(_CHARS.index(c) + m) % _N] for c, m in zip(secret, mask, strict=True))
    return "".join(_CHARS[m] for m in mask) + cipher


def _fill(request) -> dict[str, str]:
    _csrf.process_request(request)  # the visitor's own CSRF cookie, when they have one
    return {CSRF: _csrf_token(request), TICKET: new_ticket()}


def _finish(request, response):
    return _csrf.process_response(request, response)  # sets the CSRF cookie when new


def early(request, match) -> Early:
    return Early(form_key(FORMS[match.view_name]), fill=_fill, finish=_finish)


def first_step(request, name: str, render):
    """The form's first page; ``render(ticket, csrf_token)`` makes it. Rendered with
    placeholders (and marked to be kept) when the answer may be kept for others."""
    key = form_key(name)
    if early_key(request) != key or request.user.is_authenticated:
        return render(new_ticket(), None)
    response = render(TICKET, CSRF)
    keep(response, key, (CSRF, TICKET))
    return response
