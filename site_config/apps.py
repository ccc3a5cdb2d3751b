from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.contrib.staticfiles.apps import StaticFilesConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPAppConfig


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


# Two apps staff meet in the admin came with English names only; a page marked Dutch should
# not read them out in Dutch (WCAG 3.1.2). The app names are set here, the model names in
# ready() (TOTPDevice's are plain English strings; changing _meta.verbose_name at start-up does
# not touch migrations). django-axes' own strings are gettext strings and get their Dutch from
# locale/nl/LC_MESSAGES/django.po.
class StaffLoginLockoutConfig(AxesAppConfig):
    """django-axes: the lock-out after wrong passwords or codes."""

    verbose_name = "Inlogbeveiliging"


class StaffAuthenticatorAppsConfig(TOTPAppConfig):
    """django-otp's TOTP plugin: each staff member's authenticator app."""

    verbose_name = "Twee-factor-inlog"

    def ready(self):
        super().ready()
        device = self.get_model("TOTPDevice")
        device._meta.verbose_name = "authenticator-app"
        device._meta.verbose_name_plural = "authenticator-apps"
