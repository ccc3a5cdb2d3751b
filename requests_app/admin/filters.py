"""The queue's filters. Each filter names the QuerySet rule it applies; the dashboard's
tiles link to a filter through its own ``parameter_name`` and choice (``link``)."""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.utils.http import urlencode

from ..choices import NotifyState, Status


class DefaultingFilter(admin.SimpleListFilter):
    """A filter whose unfiltered state is a subset (like djangoproject.com's StatusFilter).

    Django's "Alle" becomes the default choice's label; "alle" is an explicit choice.
    """

    default_label = ""

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": self.default_label,
        }
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }


class StatusFilter(DefaultingFilter):
    title = "status"
    parameter_name = "status"
    default_label = "Open (nog te doen)"
    CLOSED, ALL = "afgesloten", "alle"

    def lookups(self, request, model_admin):
        return [*Status.choices, (self.CLOSED, "Alle afgesloten"), (self.ALL, "Alle statussen")]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset.open()
        if value == self.ALL:
            return queryset
        if value == self.CLOSED:
            return queryset.closed()
        if value in Status.values:
            return queryset.filter(status=value)
        raise IncorrectLookupParameters(value)


class SpamFilter(DefaultingFilter):
    title = "vermoedelijk spam"
    parameter_name = "spam"
    default_label = "Verbergen"
    ONLY, SHOW = "ja", "alle"

    def lookups(self, request, model_admin):
        return [(self.ONLY, "Alleen vermoedelijk spam"), (self.SHOW, "Tonen")]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            # Asking for status "spam" means asking to see it.
            if request.GET.get(StatusFilter.parameter_name) == Status.SPAM:
                return queryset
            return queryset.real()
        if value == self.ONLY:
            return queryset.suspected_spam()
        return queryset


class OptionsFilter(admin.SimpleListFilter):
    """A filter whose choices each apply one rule: {value: (label, rule(queryset, request))}."""

    options = {}

    def lookups(self, request, model_admin):
        return [(value, label) for value, (label, _) in self.options.items()]

    def queryset(self, request, queryset):
        option = self.options.get(self.value())
        return option[1](queryset, request) if option else queryset


class AssignedFilter(OptionsFilter):
    title = "toegewezen"
    parameter_name = "toegewezen"
    ME = "mij"
    options = {
        ME: ("Aan mij", lambda qs, request: qs.assigned_to(request.user)),
        "niemand": ("Nog aan niemand", lambda qs, request: qs.unassigned()),
    }


class UrgentFilter(OptionsFilter):
    title = "spoed"
    parameter_name = "spoed"
    YES = "ja"
    options = {
        YES: ("Spoed", lambda qs, request: qs.urgent()),
        "nee": ("Geen spoed", lambda qs, request: qs.not_urgent()),
    }


class OverdueFilter(OptionsFilter):
    """Needs the queue's ``is_late`` annotation (RequestQuerySet.with_lateness)."""

    title = "reactietermijn"
    parameter_name = "te_laat"
    YES = "ja"
    options = {
        YES: ("Over de termijn", lambda qs, request: qs.filter(is_late=True)),
        "nee": ("Binnen de termijn", lambda qs, request: qs.filter(is_late=False)),
    }


class NotifyFilter(OptionsFilter):
    title = "e-mailmeldingen"
    parameter_name = "melding"
    FAILED = "mislukt"
    options = {
        FAILED: ("Mislukt", lambda qs, request: qs.notification_failed()),
        "wacht": (
            "Nog niet verstuurd",
            lambda qs, request: qs.filter(notify_state=NotifyState.PENDING),
        ),
        "verstuurd": ("Verstuurd", lambda qs, request: qs.filter(notify_state=NotifyState.SENT)),
    }


def link(*pairs) -> str:
    """The queue's query string for (filter class, choice) pairs."""
    return urlencode([(f.parameter_name, choice) for f, choice in pairs])


class CallFilter(OptionsFilter):
    """The callback desk's lists (RequestQuerySet rules in calls.py); the queue then opens
    in the order of the moments to call (admin/calls.py)."""

    title = "bellen"
    parameter_name = "bellen"
    TODAY, LATE = "vandaag", "te_laat"
    options = {
        TODAY: ("Vandaag te bellen", lambda qs, request: qs.to_call_today()),
        LATE: ("Te laat gebeld", lambda qs, request: qs.called_late()),
    }
