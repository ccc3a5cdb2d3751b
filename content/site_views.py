"""Site-wide endpoints: error pages, robots.txt and the health check."""

import logging
import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe

from .site_url import absolute_url

logger = logging.getLogger(__name__)

DATABASE_DOWN_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def _render_error(request, template, status):
    # Error pages use the normal frame (navigation, phone) when the database answers,
    # and fall back to the frame without database lookups when it does not.
    try:
        return render(request, template, status=status)
    except DatabaseError:
        return _render_static(template_name="503.html", status=503)


def _render_static(template_name, status):
    """Render a template without context processors: it touches no database."""
    body = loader.get_template(template_name).render(
        {
            "organisation_name": settings.ORGANISATION_NAME,
            "phone": settings.ORGANISATION_PHONE,
            "phone_uri": "tel:" + "".join(c for c in settings.ORGANISATION_PHONE if c.isdigit()),
        }
    )
    response = HttpResponse(body, status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


# The error views are deliberately not wrapped in requires_csrf_token: no error page
# has a form that posts, and that wrapper parses the request body again. When the body
# itself was refused (a form body declared in a charset other than UTF-8), parsing it
# again raised the same error inside the handler, and the visitor got the server's bare
# 500 instead of this page.
def bad_request(request, exception=None):
    return _render_error(request, "400.html", 400)


def permission_denied(request, exception=None):
    return _render_error(request, "403.html", 403)


def page_not_found(request, exception=None):
    return _render_error(request, "404.html", 404)


def server_error(request):
    """500, or a 503 'try again shortly' when the cause is an unreachable database."""
    exc = sys.exc_info()[1]
    if isinstance(exc, DATABASE_DOWN_ERRORS):
        logger.error("database unavailable: %s", type(exc).__name__)
        return _render_static("503.html", 503)
    return _render_static("500.html", 500)


def csrf_failure(request, reason=""):
    """A form was sent with an expired or missing security token (CSRF)."""
    return _render_error(request, "403_csrf.html", 403)


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    # Never the admin path: robots.txt is public, and a chosen path is pointless once it
    # is published. The admin keeps crawlers out itself (its pages say noindex).
    lines = [
        "User-agent: *",
        "Disallow: /zoeken/",
        "Disallow: /onderzoek-aanvragen/ontvangen/",
        "Disallow: /bel-mij-terug/ontvangen/",
        "",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@never_cache
def healthz(request):
    """200 when the database answers, 503 when it does not. No personal data."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        logger.warning("health check: database unavailable (%s)", type(exc).__name__)
        response = JsonResponse({"status": "unavailable", "database": "down"}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return JsonResponse({"status": "ok", "database": "up"})
