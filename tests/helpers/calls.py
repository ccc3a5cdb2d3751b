"""The callback desk through the test client: its pages, and posting its two forms."""

import datetime
import html
import re

from django.urls import reverse

# The tests' days are around Easter 2026 (Good Friday 3 April and Easter Monday 6 April are
# holidays), in summer time.
CEST = datetime.timezone(datetime.timedelta(hours=2))


def april(day, hour=9, minute=0) -> datetime.datetime:
    """A moment in April 2026, Dutch (summer) time."""
    return datetime.datetime(2026, 4, day, hour, minute, tzinfo=CEST)


def calls_url():
    return reverse("admin:requests_app_request_calls")


def call_url(request):
    return reverse("admin:requests_app_request_call", args=[request.pk])


def post_attempt(client, request, outcome, note="", **extra):
    """Record a call attempt on the call page, as staff do; returns the response."""
    data = {"actie": "poging", "outcome": outcome, "note": note, **extra}
    return client.post(call_url(request), data)


def post_moment(client, request, day, daypart, **extra):
    """Agree another moment on the call page; ``day`` a date (sent as the date input does)."""
    value = day.isoformat() if hasattr(day, "isoformat") else day
    return client.post(
        call_url(request), {"actie": "moment", "day": value, "daypart": daypart, **extra}
    )


def due_references(response):
    """The references under "Belmomenten" on "Vandaag bellen", in the order shown."""
    return [row.request.reference for row in response.context["due"]]


def phone_references(response):
    return [row.request.reference for row in response.context["phone"]]


def queue_cell(response, request, column):
    """The text of one cell of the queue (``column``: the list_display name)."""
    rows = re.findall(r"<tr[^>]*>.*?</tr>", response.text, flags=re.S)
    row = next(r for r in rows if f">{request.reference}<" in r)
    cell = re.search(rf'<td class="field-{column}[^"]*">(.*?)</td>', row, flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", cell.group(1)))).strip()


def page_text(response):
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.text)))
