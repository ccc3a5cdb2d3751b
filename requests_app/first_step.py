"""The first page of each form, rendered once per content version and day.

Every parent who opens a form gets the same page but for two values: the CSRF token and
the form ticket (the submission's own token and start time). So the page is rendered once
with placeholders, kept, and each visitor gets a copy with a fresh token and ticket of
their own. Staff (with a session) always get a fresh render.
"""

import re
import secrets

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone

from content.cache import get_site_context

from .spam import new_ticket

# Letters only: they pass every escaping unchanged, and never occur in a page by chance.
TICKET = "bjwticket" + secrets.token_hex(8)
CSRF = "bjwcsrf" + secrets.token_hex(8)
CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')


def _key(name: str) -> str:
    generation = get_site_context().generation
    return f"requests:first-step:{settings.RELEASE}:{generation}:{name}:{timezone.localdate()}"


def first_step(request, name: str, render):
    """The form's first page for this visitor; ``render(ticket)`` makes it afresh."""
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return render(new_ticket())
    key = _key(name)
    html = cache.get(key)
    if html is None:
        response = render(TICKET)
        html, found = CSRF_INPUT.subn(rf"\g<1>{CSRF}\g<2>", response.content.decode())
        if found != 1 or TICKET not in html:  # a page we cannot fill in safely: not kept
            return render(new_ticket())
        cache.set(key, html, timeout=settings.CONTENT_CACHE_TIMEOUT)
    html = html.replace(CSRF, get_token(request)).replace(TICKET, new_ticket())
    return HttpResponse(html)
