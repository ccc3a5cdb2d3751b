"""Small cross-cutting middleware: headers Django does not set, and the staff session cap."""

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.utils import timezone

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
                return redirect(request.get_full_path())
        return self.get_response(request)
