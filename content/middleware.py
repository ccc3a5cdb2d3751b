"""Anonymous readers of a published page get its cached HTML before the rest of the stack.

Sessions, CSRF, authentication, two-factor and messages have nothing to do for a reader
without a session cookie asking for a content page, so a cache hit is answered here,
early. The security headers are still added by the middleware listed before this one.
A miss (or anyone with a session: staff) goes the normal way, and the view stores the
finished page for the next reader (see ``html_cached_for_anonymous`` in views.py).
"""

from django.conf import settings
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control, patch_vary_headers

from .cache import get_site_context_and_html

CACHED_VIEWS = frozenset({"content:home", "content:page"})


def anonymous_page_response(html: bytes) -> HttpResponse:
    response = HttpResponse(html)
    patch_vary_headers(response, ["Cookie"])
    patch_cache_control(response, public=True, max_age=settings.CONTENT_PUBLIC_MAX_AGE)
    return response


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "GET" and settings.SESSION_COOKIE_NAME not in request.COOKIES:
            try:
                match = resolve(request.path_info)
            except Resolver404:
                match = None
            if match is not None and match.view_name in CACHED_VIEWS:
                _, html = get_site_context_and_html(request, request.path)
                if html is not None:
                    return anonymous_page_response(html)
        return self.get_response(request)
