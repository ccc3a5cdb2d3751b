"""The access log (NEN 7513): who looked at or changed which request, and when."""

from .models import AccessLogEntry, Request


def log_access(user, action: str, requests, detail: str = "") -> None:
    """Append one line per request; `requests` is one Request or several."""
    if isinstance(requests, Request):
        requests = [requests]
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(
            user=user,
            action=action,
            request_id_value=r.pk,
            reference=r.reference,
            detail=detail[:200],
        )
        for r in requests
    )


def entries_for(request):
    """The log lines about one request, newest first, with their staff member."""
    return AccessLogEntry.objects.filter(request_id_value=request.pk).select_related("user")
