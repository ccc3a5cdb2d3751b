"""Root URLs. Each app has its own ``urls.py``; the admin path comes from settings."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from content import site_views
from content.urls import sitemap_urlpatterns

urlpatterns = [
    path("healthz", site_views.healthz, name="healthz"),
    path("readyz", site_views.healthz, name="readyz"),
    path("robots.txt", site_views.robots_txt, name="robots_txt"),
    *sitemap_urlpatterns,
    path(settings.ADMIN_PATH, admin.site.urls),
    path("", include("requests_app.urls")),
    path("", include("content.urls")),
]

handler400 = "content.site_views.bad_request"
handler403 = "content.site_views.permission_denied"
handler404 = "content.site_views.page_not_found"
handler500 = "content.site_views.server_error"
