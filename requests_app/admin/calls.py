"""The queue's columns for the callback desk: the moment to call (the agreed one, else
the parent's choice) and the call attempts, annotated in the list's own query."""

from django.contrib import admin
from django.utils.html import format_html

from ..calls import moment_order
from ..choices import CallOutcome, label
from ..moments import moment_text
from .filters import CallFilter, OverdueFilter


def late_mark(text: str, late: bool):
    """A moment, and "Te laat" in words beside it when its call is late (not colour alone)."""
    if not late:
        return text
    return format_html('{} <strong class="triage-overdue">Te laat</strong>', text)


def attempts_text(count: int, last_outcome: str | None) -> str:
    if not count:
        return "–"
    return f"{count}: {label(CallOutcome, last_outcome)}"


class CallColumns:
    """Mixed into the request admin before QueueAdmin."""

    def get_queryset(self, request):
        return super().get_queryset(request).with_call_summary()

    def get_list_display(self, request):
        display = list(super().get_list_display(request))
        at = display.index("due") + 1 if "due" in display else len(display)
        return [*display[:at], "call_moment", "call_attempts_display", *display[at:]]

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        at = filters.index(OverdueFilter) + 1 if OverdueFilter in filters else len(filters)
        return [*filters[:at], CallFilter, *filters[at:]]

    def get_ordering(self, request):
        if request.GET.get(CallFilter.parameter_name):
            return moment_order()
        return super().get_ordering(request)

    @admin.display(description="belmoment", ordering="call_date")
    def call_moment(self, obj):
        return late_mark(
            moment_text(obj.call_date, obj.call_daypart, short=True) or "–", obj.call_is_late
        )

    @admin.display(description="belpogingen", ordering="attempt_count")
    def call_attempts_display(self, obj):
        return attempts_text(obj.attempt_count, obj.last_outcome)
