from django.contrib import admin

from site_config.admin_base import ReadOnlyAdmin as BaseReadOnlyAdmin

CONTENT_MEDIA = {"all": ["content/admin.css"]}


class ContentAdmin(admin.ModelAdmin):
    """Every content admin screen carries the content stylesheet."""

    class Media:
        css = CONTENT_MEDIA


class ReadOnlyAdmin(ContentAdmin, BaseReadOnlyAdmin):
    """A content record nobody may change in the admin (versions, reviews, fact changes)."""
