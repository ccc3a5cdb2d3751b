from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.contrib.staticfiles.apps import StaticFilesConfig


class SiteConfig(AppConfig):
    """The project package as an app: it holds no models, only system checks."""

    name = "site_config"
    verbose_name = "Site"

    def ready(self):
        from . import checks  # noqa: F401 (registers the checks)


class SiteStaticFilesConfig(StaticFilesConfig):
    """Collect only the Bootstrap files the site uses: a faster collectstatic, a smaller image."""

    ignore_patterns = [
        *StaticFilesConfig.ignore_patterns,
        "bootstrap/css/bootstrap-*",
        "bootstrap/css/*.rtl.*",
        "bootstrap/css/bootstrap.css",
        "bootstrap/css/bootstrap.css.map",
        "bootstrap/js/*",
    ]


class SiteAdminConfig(AdminConfig):
    """Django's admin with the staff door of requests_app (two-factor where required)."""

    default_site = "requests_app.staff_auth.StaffAdminSite"
