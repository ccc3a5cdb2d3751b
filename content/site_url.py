"""The site's one public address (SITE_URL): canonical links, sitemap and Site(pk=1).

Canonical URLs come from configuration, not from the request's Host header, so that
www/non-www or an internal host name never ends up in search engines.
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_scheme() -> str:
    return urlsplit(settings.SITE_URL).scheme or "https"


def site_domain() -> str:
    """Host and port of SITE_URL, e.g. 'www.bijzonderjeugdwerk.nl'."""
    return urlsplit(settings.SITE_URL).netloc


def absolute_url(path: str) -> str:
    return f"{site_scheme()}://{site_domain()}{path}"


def sync_site(site_model) -> None:
    """Keep Site(pk=SITE_ID) in step with SITE_URL (the admin and redirects read it)."""
    domain = site_domain()
    site_model.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": settings.ORGANISATION_NAME}
    )
