"""A page that moves keeps its old address working (django.contrib.redirects)."""

from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site

from .site_url import site_domain


def record_move(old_path: str, new_path: str) -> None:
    """Send ``old_path`` to ``new_path``; earlier moves now point straight at ``new_path``."""
    if old_path == new_path:
        return
    site, _ = Site.objects.get_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": site_domain(), "name": settings.ORGANISATION_NAME},
    )
    redirects = Redirect.objects.filter(site=site)
    # The page lives at new_path (again): a redirect away from there must go.
    redirects.filter(old_path=new_path).delete()
    # Collapse chains: a -> b plus b -> c becomes a -> c, one hop for readers and crawlers.
    redirects.filter(new_path=old_path).update(new_path=new_path)
    Redirect.objects.update_or_create(site=site, old_path=old_path, defaults={"new_path": new_path})
