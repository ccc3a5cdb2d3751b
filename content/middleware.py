"""Anonymous readers of a content page get its cached answer before anything else runs.

Sessions, CSRF, authentication, two-factor, messages and the security middleware have
nothing to compute for a reader without a session cookie asking for a content page: the
cached answer already carries every header they set (content/page_cache.py). A miss (or
anyone with a session: staff) goes the normal way; on the way out, this middleware keeps
the finished answer of a page the view marked as the same for every reader.
"""

from django.conf import settings
from django.urls import Resolver404, resolve

from .page_cache import lookup, respond, store

CACHED_VIEWS = frozenset({"content:home", "content:page"})
GENERATION_ATTR = "_same_for_every_reader"  # set on the response by the view


def _cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    # What SecurityMiddleware and CommonMiddleware would refuse must not be answered here.
    if settings.SECURE_SSL_REDIRECT and not request.is_secure():
        return False
    request.get_host()  # DisallowedHost for a host we do not serve (a 400, as usual)
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.view_name in CACHED_VIEWS


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        _, entry = lookup(request)
        if entry is not None:
            return respond(request, entry)
        response = self.get_response(request)
        generation = getattr(response, GENERATION_ATTR, None)
        if generation is None or response.status_code != 200:
            return response
        # The first reader gets exactly what the next ones will: same bytes, same headers.
        return respond(request, store(request, response, generation))
