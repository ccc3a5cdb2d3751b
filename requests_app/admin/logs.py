"""The access log and the purge log: visible, never editable (not even by a superuser)."""

import re

from django.contrib import admin

from site_config.admin_base import ReadOnlyAdmin

from ..access_log import DIGEST_LENGTH
from ..models import AccessLogEntry, PurgeLogEntry

DIGEST = re.compile(rf"#[0-9a-f]{{{DIGEST_LENGTH}}}")


class ReadOnlyLogAdmin(ReadOnlyAdmin):
    class Media:
        css = {"all": ["triage/triage.css"]}


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(ReadOnlyLogAdmin):
    list_display = ["at", "user", "action", "reference", "detail"]
    list_filter = ["action", ("at", admin.DateFieldListFilter)]
    list_select_related = ["user"]
    search_fields = ["=reference", "user__username"]
    search_help_text = (
        "Zoek op referentie (precies), gebruikersnaam of het kenmerk van een zoekterm "
        "(#…, te vinden met manage.py who_searched)."
    )
    date_hierarchy = None
    fields = ["at", "user", "action", "request_id_value", "reference", "detail"]

    def get_search_results(self, request, queryset, search_term):
        # A search's digest (see access_log.search_digest): the lines of that search.
        if DIGEST.fullmatch(search_term.strip()):
            return queryset.filter(detail__contains=search_term.strip()), False
        return super().get_search_results(request, queryset, search_term)


@admin.register(PurgeLogEntry)
class PurgeLogEntryAdmin(ReadOnlyLogAdmin):
    list_display = [
        "at",
        "reference",
        "kind",
        "received_at",
        "closed_at",
        "reason",
        "performed_by",
        "identity_check",
    ]
    list_filter = ["reason", "kind", ("at", admin.DateFieldListFilter)]
    search_fields = ["=reference"]
    fields = list_display
