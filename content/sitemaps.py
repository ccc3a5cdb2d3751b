from django.contrib.sitemaps import Sitemap
from django.db.models import Case, IntegerField, Value, When

from .models import Page
from .site_url import site_domain, site_scheme


class PageSitemap(Sitemap):
    """Every published page with its last change, on the configured SITE_URL host.

    Django would take the host from the Site row (example.com unless kept in step);
    SITE_URL is the one place the public address is configured.
    """

    changefreq = "monthly"

    def items(self):
        kind_order = Case(
            When(kind=Page.Kind.HOME, then=Value(0)),
            When(kind=Page.Kind.TOPIC, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
        return (
            Page.objects.published()
            .only("slug", "kind", "published_at")
            .order_by(kind_order, "order", "pk")
        )

    def lastmod(self, page):
        return page.published_at

    def priority(self, page):
        return {Page.Kind.HOME: 1.0, Page.Kind.TOPIC: 0.8}.get(page.kind, 0.5)

    def get_protocol(self, protocol=None):
        return site_scheme()

    def get_domain(self, site=None):
        return site_domain()
