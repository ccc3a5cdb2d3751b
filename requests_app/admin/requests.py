"""The triage desk's admin for requests: the queue (queue.py, with the callback desk's
columns from calls.py), a request's page (detail.py), and the export, family (AVG) and
callback desk (call_desk.py) pages wired in as its own URLs."""

from django.contrib import admin
from django.urls import path
from django.views.decorators.http import require_POST

from ..models import Request
from .call_desk import call_view, calls_today_view
from .calls import CallColumns
from .detail import PERM_FAMILY, DetailAdmin
from .export import PERM_EXPORT, export_view
from .family import family_erase_view, family_view
from .queue import QueueAdmin, log_queue_page


@admin.register(Request)
class RequestAdmin(CallColumns, DetailAdmin, QueueAdmin):
    """Staff read what a parent sent (never edit it), and change status, assignment and
    priority and add notes, all through ``services``."""

    class Media:
        css = {"all": ["triage/triage.css"]}

    # Requests arrive through the forms and leave through erasure only.
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path("export/", wrap(require_POST(self.export_view)), name=f"{prefix}_export"),
            path("gezin/", wrap(self.family_view), name=f"{prefix}_family"),
            path("gezin/wissen/", wrap(self.family_erase_view), name=f"{prefix}_family_erase"),
            path("bellen/", wrap(self.calls_today_view), name=f"{prefix}_calls"),
            path("<int:object_id>/bellen/", wrap(self.call_view), name=f"{prefix}_call"),
            *super().get_urls(),
        ]

    def export_view(self, request):
        return export_view(self, request)

    def family_view(self, request):
        return family_view(self, request)

    def family_erase_view(self, request):
        return family_erase_view(self, request)

    def calls_today_view(self, request):
        return calls_today_view(self, request)

    def call_view(self, request, object_id):
        return call_view(self, request, object_id)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            # The queue is the day's workplace: give the table the full width.
            "is_nav_sidebar_enabled": False,
            "title": "Wachtrij: aanvragen",
            "can_export": request.user.has_perm(PERM_EXPORT),
            "can_family": request.user.has_perm(PERM_FAMILY),
        }
        response = super().changelist_view(request, extra_context)
        log_queue_page(request, response)
        return response
