"""A URLconf for the error-page tests: the real site plus views that fail on purpose."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import OperationalError
from django.urls import path

from site_config.urls import handler400, handler403, handler404, handler500  # noqa: F401
from site_config.urls import urlpatterns as site_urlpatterns


def boom(request):
    raise RuntimeError("unexpected failure")


def database_gone(request):
    raise OperationalError("connection refused")


def forbidden(request):
    raise PermissionDenied


def suspicious(request):
    raise SuspiciousOperation("bad input")


urlpatterns = [
    path("test-500/", boom),
    path("test-503/", database_gone),
    path("test-403/", forbidden),
    path("test-400/", suspicious),
    *site_urlpatterns,
]
