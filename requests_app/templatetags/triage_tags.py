"""The triage dashboard on the admin index, for staff who may see requests."""

from dataclasses import dataclass

from django import template
from django.contrib.admin.views.main import SEARCH_VAR
from django.db.models import Count, Q
from django.urls import reverse

from ..admin import filters as f
from ..choices import Status
from ..models import Request

register = template.Library()


@dataclass(frozen=True)
class Tile:
    label: str
    rows: object  # a RequestQuerySet: what is counted
    query: str  # the queue's query string that lists the same rows
    alert: bool = False  # highlighted when the count is not zero


def tiles_for(user) -> list[Tile]:
    """Each count is what its link shows: the queue hides suspected spam unless asked
    (SpamFilter) and lists open requests unless another status is asked (StatusFilter)."""
    requests = Request.objects.all()
    queue = requests.in_queue()
    return [
        Tile(
            "Nieuw", requests.real().filter(status=Status.NEW), f.link((f.StatusFilter, Status.NEW))
        ),
        Tile("Spoed", queue.urgent(), f.link((f.UrgentFilter, f.UrgentFilter.YES)), alert=True),
        Tile(
            "Over de termijn",
            queue.overdue(),
            f.link((f.OverdueFilter, f.OverdueFilter.YES)),
            alert=True,
        ),
        # The callback desk (calls.py): today's calls, the late ones, parents not reached.
        Tile(
            "Vandaag te bellen",
            queue.to_call_today(),
            f.link((f.CallFilter, f.CallFilter.TODAY)),
        ),
        Tile(
            "Te laat gebeld",
            queue.called_late(),
            f.link((f.CallFilter, f.CallFilter.LATE)),
            alert=True,
        ),
        Tile(
            "Niet bereikt",
            requests.real().unreached(),
            f.link((f.StatusFilter, Status.UNREACHED)),
            alert=True,
        ),
        Tile(
            "Aan mij toegewezen",
            queue.assigned_to(user),
            f.link((f.AssignedFilter, f.AssignedFilter.ME)),
        ),
        Tile(
            "E-mailmelding mislukt",
            requests.real().notification_failed(),
            f.link((f.NotifyFilter, f.NotifyFilter.FAILED), (f.StatusFilter, f.StatusFilter.ALL)),
            alert=True,
        ),
        Tile(
            "Vermoedelijk spam",
            requests.open().suspected_spam(),
            f.link((f.SpamFilter, f.SpamFilter.ONLY)),
        ),
    ]


@register.inclusion_tag("admin/requests_app/dashboard.html", takes_context=True)
def triage_dashboard(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    # Redactie (and anyone else without the view permission) sees no counts at all.
    if user is None or not user.has_perm("requests_app.view_request"):
        return {"show": False}
    tiles = tiles_for(user)
    # One query: each tile's rows as a filtered count over the same table.
    counts = Request.objects.aggregate(
        **{
            f"tile{i}": Count("pk", filter=Q(pk__in=tile.rows.values("pk")))
            for i, tile in enumerate(tiles)
        }
    )
    queue_url = reverse("admin:requests_app_request_changelist")
    return {
        "show": True,
        "tiles": [
            {
                "label": tile.label,
                "count": counts[f"tile{i}"],
                "url": f"{queue_url}?{tile.query}",
                "alert": tile.alert and counts[f"tile{i}"] > 0,
            }
            for i, tile in enumerate(tiles)
        ],
        "queue_url": queue_url,
        "calls_url": reverse("admin:requests_app_request_calls"),
    }


@register.filter
def query_without_search(changelist) -> str:
    """The queue's query string without the search term (a name, e-mail or phone)."""
    return changelist.get_query_string(remove=[SEARCH_VAR])
