from django.contrib.sitemaps.views import sitemap
from django.urls import path, register_converter
from django.urls.converters import SlugConverter
from django.views.decorators.http import require_safe

from . import views
from .models import Page
from .sitemaps import PageSitemap


class PageSlugConverter(SlugConverter):
    """A slug no longer than a page's slug can be: a longer address is a 404 at once,
    before any cache key or query is built from it."""

    regex = f"[-a-zA-Z0-9_]{{1,{Page._meta.get_field('slug').max_length}}}"


register_converter(PageSlugConverter, "pageslug")

app_name = "content"

urlpatterns = [
    path("", views.home, name="home"),
    path("zoeken/", views.search, name="search"),
    path("<pageslug:slug>/", views.page_detail, name="page"),
]

# Named without the app namespace: robots.txt and Django's sitemap tooling look it up as "sitemap".
sitemap_urlpatterns = [
    path(
        "sitemap.xml",
        require_safe(sitemap),
        {"sitemaps": {"pages": PageSitemap}},
        name="sitemap",
    ),
]
