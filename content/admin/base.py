from django.contrib import admin

CONTENT_MEDIA = {"all": ["content/admin.css"]}


class ContentAdmin(admin.ModelAdmin):
    """Every content admin screen carries the content stylesheet."""

    class Media:
        css = CONTENT_MEDIA


class ReadOnlyAdmin(ContentAdmin):
    """A record nobody may add to, change or delete through the admin (logs, history)."""

    actions = None
    list_per_page = 100
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
