"""The queue: one list of both kinds of request, its columns, search and bulk actions."""

from django.contrib import admin, messages
from django.contrib.admin.views.main import SEARCH_VAR
from django.http import QueryDict
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode

from .. import services
from ..choices import KIND_SHORT, Status
from ..phones import phone_in_search
from ..workdays import due_date
from .filters import (
    AssignedFilter,
    NotifyFilter,
    OverdueFilter,
    SpamFilter,
    StatusFilter,
    UrgentFilter,
)

# The statuses offered as bulk actions (opening "nieuw" and "spam" have their own).
BULK_STATUSES = (
    Status.IN_PROGRESS,
    Status.CONTACTED,
    Status.INTAKE_PLANNED,
    Status.DONE,
    Status.REFERRED,
    Status.CANCELLED,
)


def _service_action(name, description, change, done):
    """A bulk action that applies one service to each selected request."""

    def action(modeladmin, request, queryset):
        modeladmin.apply_per_row(request, queryset, lambda obj: change(obj, request.user), done)

    action.__name__ = name
    return admin.action(permissions=["change"], description=description)(action)


def _status_action(target):
    return _service_action(
        f"set_status_{target.value}",
        f"Status: {target.label}",
        lambda obj, user: services.change_status(obj, target, actor=user),
        f"op ‘{target.label}’ gezet",
    )


def _plural(count: int) -> str:
    return f"{count} aanvra{'ag' if count == 1 else 'gen'}"


class QueueAdmin(admin.ModelAdmin):
    list_display = [
        "reference",
        "kind_short",
        "contact_name",
        "received",
        "urgent_mark",
        "status",
        "assigned_display",
        "due",
    ]
    list_display_links = ["reference"]
    list_filter = [
        StatusFilter,
        "kind",
        AssignedFilter,
        UrgentFilter,
        OverdueFilter,
        SpamFilter,
        NotifyFilter,
        ("created_at", admin.DateFieldListFilter),
    ]
    list_select_related = ["assigned_to"]
    list_per_page = 50
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    search_fields = ["reference", "contact_name", "email", "phone"]
    search_help_text = (
        "Zoek op referentie, naam, e-mailadres of telefoonnummer (in elke schrijfwijze, "
        "bijvoorbeeld 06-12345678)."
    )
    ordering = ["-priority", "-created_at"]
    actions = [
        _service_action(
            "assign_to_me",
            "Aan mij toewijzen",
            lambda obj, user: services.assign(obj, user, actor=user),
            "aan u toegewezen",
        ),
        *[_status_action(s) for s in BULK_STATUSES],
        _service_action(
            "mark_as_spam",
            "Markeren als spam",
            lambda obj, user: services.mark_spam(obj, actor=user),
            "als spam gemarkeerd",
        ),
        _service_action(
            "mark_as_not_spam",
            "Geen spam: terug in de wachtrij",
            lambda obj, user: services.mark_not_spam(obj, actor=user),
            "teruggezet in de wachtrij",
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_lateness()

    def get_search_results(self, request, queryset, search_term):
        # "06-12345678", "+31 6 1234 5678" and "0031612345678" all find +31612345678.
        phone = phone_in_search(search_term)
        if phone:
            return queryset.filter(phone=phone), False
        return super().get_search_results(request, queryset, search_term)

    def get_preserved_filters(self, request):
        """The queue's filters for links and redirects back to it, minus the search term.

        A search is a name, an e-mail address or a phone number: it must not travel into
        the URLs of detail pages, the export or redirects (history, bookmarks, logs).
        Status, kind and the other filters hold no personal data and are kept.
        """
        preserved = super().get_preserved_filters(request)
        if not preserved:
            return preserved
        filters = QueryDict(QueryDict(preserved).get("_changelist_filters", ""), mutable=True)
        filters.pop(SEARCH_VAR, None)
        return urlencode({"_changelist_filters": filters.urlencode()}) if filters else ""

    @admin.display(description="soort", ordering="kind")
    def kind_short(self, obj):
        return KIND_SHORT.get(obj.kind, obj.get_kind_display())

    @admin.display(description="ontvangen", ordering="created_at")
    def received(self, obj):
        received = timezone.localtime(obj.created_at)
        if received.year == timezone.localdate().year:
            return received.strftime("%d-%m %H:%M")
        return received.strftime("%d-%m-%Y %H:%M")

    @admin.display(description="spoed", ordering="-priority")
    def urgent_mark(self, obj):
        if not obj.counts_as_urgent:
            return ""
        text = "Spoed" if obj.is_urgent else "Spoed (medewerker)"
        return format_html('<strong class="triage-urgent">{}</strong>', text)

    @admin.display(description="toegewezen", ordering="assigned_to__username")
    def assigned_display(self, obj):
        if obj.assigned_to is None:
            return "–"
        return obj.assigned_to.get_full_name() or obj.assigned_to.get_username()

    @admin.display(description="uiterlijk", ordering="created_at")
    def due(self, obj):
        text = due_date(obj.created_at).strftime("%d-%m-%Y")
        if getattr(obj, "is_late", False):
            return format_html('{} <strong class="triage-overdue">Te laat</strong>', text)
        return text

    # -- bulk actions: every change through services, one row at a time

    def apply_per_row(self, request, queryset, change, done):
        moved, refused = [], []
        for obj in queryset.order_by("created_at"):
            try:
                changed = change(obj)
            except services.TransitionError as exc:
                refused.append(f"{obj.reference}: {exc}")
                continue
            if changed is not False:
                moved.append(obj.reference)
        if moved:
            self.message_user(request, f"{_plural(len(moved))} {done}.", messages.SUCCESS)
        for line in refused:
            self.message_user(request, f"Niet gewijzigd: {line}", messages.WARNING)
        if not moved and not refused:
            self.message_user(request, "Er was niets te wijzigen.", messages.INFO)
