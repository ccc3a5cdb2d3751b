"""The triage dashboard on the admin index, for staff who may see requests."""

from django import template
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
    queue = Q(status__in=OPEN_STATUSES, is_suspected_spam=False)
    counts = Request.objects.aggregate(
        new=Count("pk", filter=Q(status=Status.NEW, is_suspected_spam=False)),
        urgent=Count("pk", filter=queue & (Q(is_urgent=True) | Q(priority__gte=Priority.URGENT))),
        overdue=Count("pk", filter=queue & Q(created_at__lt=triage.overdue_cutoff())),
        mine=Count("pk", filter=Q(status__in=OPEN_STATUSES, assigned_to=user)),
        failed=Count("pk", filter=Q(notify_state=NotifyState.FAILED)),
        spam=Count("pk", filter=Q(status__in=OPEN_STATUSES, is_suspected_spam=True)),
    )
    queue_url = reverse("admin:requests_app_request_changelist")
    tiles = [
        ("Nieuw", counts["new"], "status=nieuw", False),
        ("Spoed", counts["urgent"], "spoed=ja", counts["urgent"] > 0),
        ("Over de termijn", counts["overdue"], "te_laat=ja", counts["overdue"] > 0),
        ("Aan mij toegewezen", counts["mine"], "toegewezen=mij", False),
        (
            "E-mailmelding mislukt",
            counts["failed"],
            "melding=mislukt&status=alle",
            counts["failed"] > 0,
        ),
        ("Vermoedelijk spam", counts["spam"], "spam=ja", False),
    ]
    return {
        "show": True,
        "tiles": [
            {"label": label, "count": count, "url": f"{queue_url}?{query}", "alert": alert}
            for label, count, query, alert in tiles
        ],
        "queue_url": queue_url,
    }
