from django.contrib.staticfiles.apps import StaticFilesConfig


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
