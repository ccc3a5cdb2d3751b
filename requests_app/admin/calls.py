"""The queue's column for the callback desk: the moment to call (the agreed one, else the
parent's choice) and the call attempts, annotated in the list's own query. One column of
two lines, so the queue still fits beside its filters at 1280 px."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..calls import moment_order
from ..choices import CallOutcome, label
from ..moments import moment_text
from .filters import CallFilter, OverdueFilter

LATE = "Te laat: nog niet gebeld"


def attempts_text(count: int, last_outcome: str | None) -> str:
    """How many attempts, and the last one's outcome; "–" before the first."""
    if not count:
        return "–"
    noun = "poging" if count == 1 else "pogingen"
    return f"{count} {noun}, laatste: {label(CallOutcome, last_outcome).lower()}"


class CallColumns:
    """Mixed into the request admin before QueueAdmin."""

    def get_queryset(self, request):
        return super().get_queryset(request).with_call_summary()

    def get_list_display(self, request):
        display = list(super().get_list_display(request))
        at = display.index("due") + 1 if "due" in display else len(display)
        return [*display[:at], "calls", *display[at:]]

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        at = filters.index(OverdueFilter) + 1 if OverdueFilter in filters else len(filters)
        return [*filters[:at], CallFilter, *filters[at:]]

    def get_ordering(self, request):
        if request.GET.get(CallFilter.parameter_name):
            return moment_order()
        return super().get_ordering(request)

    @admin.display(description="bellen", ordering="call_date")
    def calls(self, obj):
        moment = moment_text(obj.call_date, obj.call_daypart, short=True)
        attempts = attempts_text(obj.attempt_count, obj.last_outcome) if obj.attempt_count else ""
        if not (moment or attempts):
            return "–"
        # "Te laat" in words beside the moment: not colour alone.
        late = format_html(' <strong class="triage-overdue">{}</strong>', LATE)
        return format_html(
            "{}{}{}{}",
            moment,
            late if obj.call_is_late else "",
            mark_safe("<br>") if moment and attempts else "",
            attempts,
        )
