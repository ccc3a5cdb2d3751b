"""The first page of each form, rendered once per content version and day.

Every parent who opens a form gets the same page but for two values: the CSRF token and
the form ticket (the submission's own token and start time). So the page is rendered once
with placeholders, kept, and each visitor gets a copy with a fresh token and ticket of
their own. Staff (with a session) always get a fresh render.
"""

import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.crypto import salted_hmac

from content.cache import get_site_context

from .spam import new_ticket

CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')


def _placeholder(what: str) -> str:
    """The same on every process and host that shares the cache (derived from the secret
    key), letters and digits only (they pass every escaping unchanged), and never in a page
    by chance."""
    return f"bjw{what}" + salted_hmac("requests_app.first_step", what).hexdigest()[:20]


def _key(name: str) -> str:
    generation = get_site_context().generation
    return f"requests:first-step:{settings.RELEASE}:{generation}:{name}:{timezone.localdate()}"


def first_step(request, name: str, render):
    """The form's first page for this visitor; ``render(ticket)`` makes it afresh."""
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return render(new_ticket())
    key = _key(name)
    ticket, csrf = _placeholder("ticket"), _placeholder("csrf")
    html = cache.get(key)
    if html is None:
        response = render(ticket)
        html, found = CSRF_INPUT.subn(rf"\g<1>{csrf}\g<2>", response.content.decode())
        if found != 1 or ticket not in html:  # a page we cannot fill in safely: not kept
            return render(new_ticket())
        cache.set(key, html, timeout=settings.CONTENT_CACHE_TIMEOUT)
    html = html.replace(csrf, get_token(request)).replace(ticket, new_ticket())
    return HttpResponse(html)
