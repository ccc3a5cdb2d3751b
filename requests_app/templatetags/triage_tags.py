"""The triage dashboard on the admin index, for staff who may see requests."""

from django import template
from django.contrib.admin.views.main import SEARCH_VAR
from django.db.models import Count, Q
from django.urls import reverse

from .. import triage
from ..models import OPEN_STATUSES, NotifyState, Priority, Request, Status

register = template.Library()


@register.inclusion_tag("admin/requests_app/dashboard.html", takes_context=True)
def triage_dashboard(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    # Redactie (and anyone else without the view permission) sees no counts at all.
    if user is None or not user.has_perm("requests_app.view_request"):
        return {"show": False}
    # Each count is what its link shows: the queue hides suspected spam unless asked
    # (SpamFilter) and lists open requests unless another status is asked (StatusFilter).
    real = Q(is_suspected_spam=False)
    queue = real & Q(status__in=OPEN_STATUSES)
    tiles = [
        # label, what is counted, the queue's query string that lists the same rows
        ("Nieuw", real & Q(status=Status.NEW), "status=nieuw"),
        ("Spoed", queue & (Q(is_urgent=True) | Q(priority__gte=Priority.URGENT)), "spoed=ja"),
        ("Over de termijn", queue & Q(created_at__lt=triage.overdue_cutoff()), "te_laat=ja"),
        ("Aan mij toegewezen", queue & Q(assigned_to=user), "toegewezen=mij"),
        (
            "E-mailmelding mislukt",
            real & Q(notify_state=NotifyState.FAILED),
            "melding=mislukt&status=alle",
        ),
        (
            "Vermoedelijk spam",
            Q(status__in=OPEN_STATUSES, is_suspected_spam=True),
            "spam=ja",
        ),
    ]
    counts = Request.objects.aggregate(
        **{f"tile{i}": Count("pk", filter=q) for i, (_, q, _) in enumerate(tiles)}
    )
    alerts = {"Spoed", "Over de termijn", "E-mailmelding mislukt"}
    queue_url = reverse("admin:requests_app_request_changelist")
    return {
        "show": True,
        "tiles": [
            {
                "label": label,
                "count": counts[f"tile{i}"],
                "url": f"{queue_url}?{query}",
                "alert": label in alerts and counts[f"tile{i}"] > 0,
            }
            for i, (label, _, query) in enumerate(tiles)
        ],
        "queue_url": queue_url,
    }


@register.filter
def query_without_search(changelist) -> str:
    """The queue's query string without the search term (a name, e-mail or phone)."""
    return changelist.get_query_string(remove=[SEARCH_VAR])
