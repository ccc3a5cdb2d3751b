"""The first page of each form, kept once per content version and day.

Every parent who opens a form gets the same page but for two values: the CSRF token and
the form ticket (the submission's own token and start time). So the page is kept with
placeholders and answered early (content/middleware.py), each visitor getting a fresh
token, ticket and CSRF cookie of their own. Staff (with a session) get a fresh render.
"""

from django.conf import settings
from django.middleware.csrf import CsrfViewMiddleware, get_token
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


def _fill(request) -> dict[str, str]:
    _csrf.process_request(request)  # the visitor's own CSRF cookie, when they have one
    return {CSRF: get_token(request), TICKET: new_ticket()}


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
