from django.contrib.sitemaps import Sitemap

from .models import Page


class PageSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Page.objects.published().order_by("kind", "order", "pk")

    def lastmod(self, page):
        return page.updated_at

    def priority(self, page):
        return 1.0 if page.kind == Page.Kind.HOME else 0.8
