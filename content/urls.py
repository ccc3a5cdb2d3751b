from django.contrib.sitemaps.views import sitemap
from django.urls import path

from . import views
from .sitemaps import PageSitemap

app_name = "content"

urlpatterns = [
    path("", views.home, name="home"),
    path("zoeken/", views.search, name="search"),
    path("<slug:slug>/", views.page_detail, name="page"),
]

# Named without the app namespace: robots.txt and Django's sitemap tooling look it up as "sitemap".
sitemap_urlpatterns = [
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": PageSitemap}},
        name="sitemap",
    ),
]
