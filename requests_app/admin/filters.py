"""The queue's filters. Each filter names the QuerySet rule it applies; the dashboard's
tiles link to a filter through its own ``parameter_name`` and choice (``link``)."""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters

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


class AssignedFilter(admin.SimpleListFilter):
    title = "toegewezen"
    parameter_name = "toegewezen"
    ME, NOBODY = "mij", "niemand"

    def lookups(self, request, model_admin):
        return [(self.ME, "Aan mij"), (self.NOBODY, "Nog aan niemand")]

    def queryset(self, request, queryset):
        if self.value() == self.ME:
            return queryset.assigned_to(request.user)
        if self.value() == self.NOBODY:
            return queryset.unassigned()
        return queryset


class UrgentFilter(admin.SimpleListFilter):
    title = "spoed"
    parameter_name = "spoed"
    YES, NO = "ja", "nee"

    def lookups(self, request, model_admin):
        return [(self.YES, "Spoed"), (self.NO, "Geen spoed")]

    def queryset(self, request, queryset):
        if self.value() == self.YES:
            return queryset.urgent()
        if self.value() == self.NO:
            return queryset.not_urgent()
        return queryset


class OverdueFilter(admin.SimpleListFilter):
    """Needs the queue's ``is_late`` annotation (RequestQuerySet.with_lateness)."""

    title = "reactietermijn"
    parameter_name = "te_laat"
    YES, NO = "ja", "nee"

    def lookups(self, request, model_admin):
        return [(self.YES, "Over de termijn"), (self.NO, "Binnen de termijn")]

    def queryset(self, request, queryset):
        if self.value() == self.YES:
            return queryset.filter(is_late=True)
        if self.value() == self.NO:
            return queryset.filter(is_late=False)
        return queryset


class NotifyFilter(admin.SimpleListFilter):
    title = "e-mailmeldingen"
    parameter_name = "melding"
    STATES = {
        "mislukt": NotifyState.FAILED,
        "wacht": NotifyState.PENDING,
        "verstuurd": NotifyState.SENT,
    }
    FAILED = "mislukt"

    def lookups(self, request, model_admin):
        return [
            ("mislukt", "Mislukt"),
            ("wacht", "Nog niet verstuurd"),
            ("verstuurd", "Verstuurd"),
        ]

    def queryset(self, request, queryset):
        if self.value() in self.STATES:
            return queryset.filter(notify_state=self.STATES[self.value()])
        return queryset


def link(*pairs) -> str:
    """The queue's query string for (filter class, choice) pairs."""
    from django.utils.http import urlencode

    return urlencode([(f.parameter_name, choice) for f, choice in pairs])
