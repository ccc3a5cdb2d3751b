"""The access log and the purge log: visible, never editable (not even by a superuser)."""

from django.contrib import admin

from ..models import AccessLogEntry, PurgeLogEntry


class ReadOnlyLogAdmin(admin.ModelAdmin):
    actions = None
    list_per_page = 100
    show_full_result_count = False

    class Media:
        css = {"all": ["triage/triage.css"]}

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(ReadOnlyLogAdmin):
    list_display = ["at", "user", "action", "reference", "detail"]
    list_filter = ["action", ("at", admin.DateFieldListFilter)]
    list_select_related = ["user"]
    search_fields = ["=reference", "user__username"]
    search_help_text = "Zoek op referentie (precies) of gebruikersnaam."
    date_hierarchy = None
    fields = ["at", "user", "action", "request_id_value", "reference", "detail"]


@admin.register(PurgeLogEntry)
class PurgeLogEntryAdmin(ReadOnlyLogAdmin):
    list_display = ["at", "reference", "kind", "received_at", "closed_at", "reason", "performed_by"]
    list_filter = ["reason", "kind", ("at", admin.DateFieldListFilter)]
    search_fields = ["=reference"]
    fields = list_display
