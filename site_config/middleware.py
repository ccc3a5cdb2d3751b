"""Small cross-cutting middleware: headers Django does not set, the CSRF cookie on
cacheable pages, and the staff session cap."""

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

SESSION_STARTED_KEY = "_session_started"


class SecurityHeadersMiddleware:
    """Add Permissions-Policy (not in Django) to every response."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = settings.PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.permissions_policy)
        return response


class MalformedCsrfCookieMiddleware:
    """Keep Django from replacing a malformed CSRF cookie on a page that needs none.

    Django's CsrfViewMiddleware answers a malformed cookie with a fresh Set-Cookie on
    whatever response comes next, also on a content page marked ``Cache-Control:
    public`` that a shared cache may keep and hand to the next reader. Listed right
    after it, this forgets that new secret before any view runs, so a malformed cookie
    counts as no cookie: a page with a form (never publicly cached) asks for a token and
    so sets a new cookie, a page without one sets nothing, and a POST with the malformed
    cookie is refused as before (the check reads the cookie itself again).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Before any view only a malformed cookie sets this flag (CsrfViewMiddleware's
        # process_request); get_token() sets it again where a page really needs a token.
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            request.META.pop("CSRF_COOKIE", None)
            request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
        return self.get_response(request)


class SessionLifetimeMiddleware:
    """End a logged-in session after SESSION_MAX_LIFETIME, however active it was.

    The idle limit (SESSION_COOKIE_AGE, renewed on every request) handles inactivity;
    this caps the total, as a clinic's door closes at the end of a shift.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.max_seconds = settings.SESSION_MAX_LIFETIME.total_seconds()

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = timezone.now().timestamp()
            started = request.session.get(SESSION_STARTED_KEY)
            if started is None:
                request.session[SESSION_STARTED_KEY] = now
            elif now - started > self.max_seconds:
                logout(request)
                return login_again(request)
        return self.get_response(request)


def login_again(request):
    """To the admin login page; back to this page afterwards only if it is one of ours.

    Never a redirect to the requested path itself: ``//evil.example/..`` is a path to
    Django but another site to a browser.
    """
    login_url = reverse("admin:login")
    path = request.path
    here = request.get_full_path()
    same_site = (
        path.startswith("/")
        and not path.startswith("//")
        and "\\" not in path
        and url_has_allowed_host_and_scheme(here, allowed_hosts=None)
    )
    if same_site:
        return redirect_to_login(here, login_url)
    return HttpResponseRedirect(login_url)
