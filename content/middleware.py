"""Answers kept whole, given before anything else runs (content/page_cache.py).

Sessions, CSRF, authentication, two-factor, messages and the security middleware have
nothing to compute for a visitor without a session cookie asking for a content page, the
search or the first page of a form: the kept answer already carries every header they set.
Which pages are answered early, and how, is declared in settings.EARLY_ANSWERS (view name:
the handler that says under which key the answer is kept and what is filled in per
visitor). A miss (or anyone with a session: staff) goes the normal way; on the way out,
this middleware keeps the answer of a page its view marked as keepable.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils.module_loading import import_string

from .cache import get_site_context
from .page_cache import MARK_ATTR, lookup, respond, store

EARLY_ATTR = "_early_answer_key"  # set on the request: views keep answers only under it
RESOLVED = 1024  # paths whose view this process remembers (then starts afresh)


@dataclass(frozen=True)
class Early:
    """How one request may be answered early: the key its answer is kept under, the
    values filled in for this visitor, and what to add to the response afterwards."""

    key: str
    fill: Callable = field(default=lambda request: {})
    finish: Callable = field(default=lambda request, response: response)


def _candidate(request) -> bool:
    if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    # What SecurityMiddleware and CommonMiddleware would refuse must not be answered here.
    if settings.SECURE_SSL_REDIRECT and not request.is_secure():
        return False
    request.get_host()  # DisallowedHost for a host we do not serve (a 400, as usual)
    return True


class EarlyAnswerMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.handlers = {view: import_string(path) for view, path in settings.EARLY_ANSWERS.items()}
        self.resolved = {}  # path -> (handler, match), or None: not answered early

    def _resolve(self, path):
        try:
            return self.resolved[path]
        except KeyError:
            pass
        try:
            match = resolve(path)
        except Resolver404:
            found = None
        else:
            handler = self.handlers.get(match.view_name)
            found = (handler, match) if handler else None
        if len(self.resolved) >= RESOLVED:
            self.resolved = {}
        self.resolved[path] = found
        return found

    def _early(self, request) -> Early | None:
        if not _candidate(request):
            return None
        found = self._resolve(request.path_info)
        return found[0](request, found[1]) if found else None

    def __call__(self, request):
        early = self._early(request)
        if early is None:
            return self.get_response(request)
        _, entry = lookup(request, early.key)
        if entry is None:
            setattr(request, EARLY_ATTR, early.key)
            response = self.get_response(request)
            mark = getattr(response, MARK_ATTR, None)
            if mark is None or mark[0] != early.key or response.status_code != 200:
                return response
            # The first visitor gets exactly what the next ones will: same bytes, same headers.
            entry = store(response, get_site_context(request).generation, *mark)
        return early.finish(request, respond(request, entry, early.fill(request)))


def early_key(request) -> str | None:
    """The key this request's answer may be kept under, when it may be kept (a view then
    renders the visitor's own values as placeholders and marks the answer with ``keep``)."""
    return getattr(request, EARLY_ATTR, None)
