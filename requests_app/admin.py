"""The triage desk: one queue for both kinds of request, and the logs behind it.

Staff read what a parent sent (never edit it), and change status, assignment and
priority and add internal notes, all through ``triage`` so that every change follows
the flow, lands in the history and in the access log. Opening a request, exporting
and changing are logged; the logs themselves are read-only for everyone.
"""

import csv

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import SEARCH_VAR
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import BooleanField, Case, Q, Value, When
from django.http import HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from . import readable, triage
from .fields import format_phone, normalise_phone
from .models import (
    OPEN_STATUSES,
    AccessAction,
    AccessLogEntry,
    InternalNote,
    Kind,
    NotifyState,
    Priority,
    PurgeLogEntry,
    Request,
    RequestEvent,
    Status,
    may_move,
)

PERM_EXPORT = "requests_app.export_request"
PERM_EXPORT_WORRIES = "requests_app.export_request_worries"
PERM_FAMILY = "requests_app.family_data"
PERM_NOTE = "requests_app.add_internalnote"


# ---------------------------------------------------------------------------
# Queue filters
# ---------------------------------------------------------------------------


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

    def lookups(self, request, model_admin):
        return [
            *Status.choices,
            ("afgesloten", "Alle afgesloten"),
            ("alle", "Alle statussen"),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset.open()
        if value == "alle":
            return queryset
        if value == "afgesloten":
            return queryset.closed()
        if value in Status.values:
            return queryset.filter(status=value)
        raise IncorrectLookupParameters(value)


class SpamFilter(DefaultingFilter):
    title = "vermoedelijk spam"
    parameter_name = "spam"
    default_label = "Verbergen"

    def lookups(self, request, model_admin):
        return [("ja", "Alleen vermoedelijk spam"), ("alle", "Tonen")]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            # Asking for status "spam" means asking to see it.
            if request.GET.get(StatusFilter.parameter_name) == Status.SPAM:
                return queryset
            return queryset.filter(is_suspected_spam=False)
        if value == "ja":
            return queryset.filter(is_suspected_spam=True)
        return queryset


class AssignedFilter(admin.SimpleListFilter):
    title = "toegewezen"
    parameter_name = "toegewezen"

    def lookups(self, request, model_admin):
        return [("mij", "Aan mij"), ("niemand", "Nog aan niemand")]

    def queryset(self, request, queryset):
        if self.value() == "mij":
            return queryset.filter(assigned_to=request.user)
        if self.value() == "niemand":
            return queryset.filter(assigned_to__isnull=True)
        return queryset


class UrgentFilter(admin.SimpleListFilter):
    title = "spoed"
    parameter_name = "spoed"

    def lookups(self, request, model_admin):
        return [("ja", "Spoed"), ("nee", "Geen spoed")]

    def queryset(self, request, queryset):
        if self.value() == "ja":
            return queryset.urgent()
        if self.value() == "nee":
            return queryset.exclude(pk__in=queryset.urgent().values("pk"))
        return queryset


class OverdueFilter(admin.SimpleListFilter):
    title = "reactietermijn"
    parameter_name = "te_laat"

    def lookups(self, request, model_admin):
        return [("ja", "Over de termijn"), ("nee", "Binnen de termijn")]

    def queryset(self, request, queryset):
        if self.value() == "ja":
            return queryset.filter(is_late=True)
        if self.value() == "nee":
            return queryset.filter(is_late=False)
        return queryset


class NotifyFilter(admin.SimpleListFilter):
    title = "e-mailmeldingen"
    parameter_name = "melding"

    def lookups(self, request, model_admin):
        return [
            ("mislukt", "Mislukt"),
            ("wacht", "Nog niet verstuurd"),
            ("verstuurd", "Verstuurd"),
        ]

    def queryset(self, request, queryset):
        states = {
            "mislukt": NotifyState.FAILED,
            "wacht": NotifyState.PENDING,
            "verstuurd": NotifyState.SENT,
        }
        if self.value() in states:
            return queryset.filter(notify_state=states[self.value()])
        return queryset


# ---------------------------------------------------------------------------
# The detail page's form: only what staff may change
# ---------------------------------------------------------------------------


def staff_who_can_triage():
    User = get_user_model()
    perm = Permission.objects.filter(
        content_type__app_label="requests_app", codename="change_request"
    )
    return (
        User.objects.filter(is_active=True, is_staff=True)
        .filter(
            Q(is_superuser=True) | Q(groups__permissions__in=perm) | Q(user_permissions__in=perm)
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class TriageForm(forms.ModelForm):
    new_note = forms.CharField(
        label="Nieuwe interne notitie",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        help_text="Alleen voor medewerkers. De ouder ziet dit nooit en het wordt nooit gemaild. "
        "Schrijf feiten en afspraken, bijvoorbeeld: ‘Moeder gebeld, intake op 12 maart’.",
    )

    class Meta:
        model = Request
        fields = ["status", "assigned_to", "priority"]
        field_classes = {"assigned_to": StaffChoiceField}
        help_texts = {
            "status": "Alleen de stappen die vanaf de huidige status mogen, staan in de lijst.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "assigned_to" in self.fields:
            field = self.fields["assigned_to"]
            # A plain list of colleagues: no "add user" or "edit user" icons beside it.
            field.widget = getattr(field.widget, "widget", field.widget)
            field.queryset = staff_who_can_triage()
            self.fields["assigned_to"].empty_label = "Niemand"
        if "status" in self.fields and self.instance.pk:
            current = self.instance.status
            # The list offers only legal steps; a forged value still meets clean_status.
            self.fields["status"].widget.choices = [
                (value, label) for value, label in Status.choices if may_move(current, value)
            ]

    def clean_status(self):
        new = self.cleaned_data["status"]
        if not self.instance.pk:
            return new
        # Lock the row for the rest of the save (the admin runs in one transaction):
        # two people changing the status at once cannot both pass this check.
        current = (
            Request.objects.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("status", flat=True)
            .first()
        )
        if not may_move(current, new):
            raise ValidationError(triage.transition_refusal(current, new), code="transition")
        return new


# ---------------------------------------------------------------------------
# The queue
# ---------------------------------------------------------------------------


# Short enough for the queue's column; the detail page uses the full name.
KIND_SHORT = {Kind.ASSESSMENT: "Onderzoek", Kind.CALLBACK: "Terugbellen"}


def _status_action(target):
    def action(modeladmin, request, queryset):
        modeladmin.apply_per_row(
            request,
            queryset,
            lambda obj: triage.change_status(obj, target, actor=request.user),
            done=f"op ‘{target.label}’ gezet",
        )

    action.__name__ = f"set_status_{target.value}"
    return admin.action(permissions=["change"], description=f"Status: {target.label}")(action)


@admin.register(Request)
class RequestAdmin(admin.ModelAdmin):
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
    form = TriageForm
    actions = [
        "assign_to_me",
        *[
            _status_action(s)
            for s in (
                Status.IN_PROGRESS,
                Status.CONTACTED,
                Status.INTAKE_PLANNED,
                Status.DONE,
                Status.REFERRED,
                Status.CANCELLED,
            )
        ],
        "mark_as_spam",
        "mark_as_not_spam",
    ]
    change_form_template = "admin/requests_app/request/change_form.html"

    class Media:
        css = {"all": ["triage/triage.css"]}

    # -- permissions: requests arrive through the forms and leave through erasure only

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    # -- the queue

    def get_queryset(self, request):
        cutoff = triage.overdue_cutoff()
        return (
            super()
            .get_queryset(request)
            .annotate(
                is_late=Case(
                    When(status__in=OPEN_STATUSES, created_at__lt=cutoff, then=Value(True)),
                    default=Value(False),
                    output_field=BooleanField(),
                )
            )
        )

    def get_search_results(self, request, queryset, search_term):
        # "06-12345678", "+31 6 1234 5678" and "0031612345678" all find +31612345678.
        phone = triage.phone_in_search(search_term)
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
        if obj.is_urgent:
            return format_html('<strong class="triage-urgent">{}</strong>', "Spoed")
        if obj.priority >= Priority.URGENT:
            return format_html('<strong class="triage-urgent">{}</strong>', "Spoed (medewerker)")
        return ""

    @admin.display(description="toegewezen", ordering="assigned_to__username")
    def assigned_display(self, obj):
        if obj.assigned_to is None:
            return "–"
        return obj.assigned_to.get_full_name() or obj.assigned_to.get_username()

    @admin.display(description="uiterlijk", ordering="created_at")
    def due(self, obj):
        day = triage.due_date(obj.created_at)
        text = day.strftime("%d-%m-%Y")
        if getattr(obj, "is_late", False):
            return format_html('{} <strong class="triage-overdue">Te laat</strong>', text)
        return text

    # -- bulk actions

    def apply_per_row(self, request, queryset, change, done):
        moved, refused = [], []
        for obj in queryset.order_by("created_at"):
            try:
                changed = change(obj)
            except triage.TransitionError as exc:
                refused.append(f"{obj.reference}: {exc}")
                continue
            if changed is not False:
                moved.append(obj.reference)
        if moved:
            self.message_user(
                request,
                f"{len(moved)} aanvra{'ag' if len(moved) == 1 else 'gen'} {done}.",
                messages.SUCCESS,
            )
        for line in refused:
            self.message_user(request, f"Niet gewijzigd: {line}", messages.WARNING)
        if not moved and not refused:
            self.message_user(request, "Er was niets te wijzigen.", messages.INFO)

    @admin.action(permissions=["change"], description="Aan mij toewijzen")
    def assign_to_me(self, request, queryset):
        self.apply_per_row(
            request,
            queryset,
            lambda obj: triage.assign(obj, request.user, actor=request.user),
            done="aan u toegewezen",
        )

    @admin.action(permissions=["change"], description="Markeren als spam")
    def mark_as_spam(self, request, queryset):
        self.apply_per_row(
            request,
            queryset,
            lambda obj: triage.mark_spam(obj, actor=request.user),
            done="als spam gemarkeerd",
        )

    @admin.action(permissions=["change"], description="Geen spam: terug in de wachtrij")
    def mark_as_not_spam(self, request, queryset):
        self.apply_per_row(
            request,
            queryset,
            lambda obj: triage.mark_not_spam(obj, actor=request.user),
            done="teruggezet in de wachtrij",
        )

    # -- the detail page

    def get_fieldsets(self, request, obj=None):
        fields = ["status", "assigned_to", "priority"]
        if request.user.has_perm(PERM_NOTE) and self.has_change_permission(request, obj):
            fields.append("new_note")
        return [("Afhandeling", {"fields": fields})]

    def save_model(self, request, obj, form, change):
        data, changed, actor = form.cleaned_data, form.changed_data, request.user
        if "assigned_to" in changed:
            triage.assign(obj, data["assigned_to"], actor=actor)
        if "priority" in changed:
            triage.set_priority(obj, data["priority"], actor=actor)
        if "status" in changed:
            triage.change_status(obj, data["status"], actor=actor)
        if data.get("new_note", "").strip():
            triage.add_note(obj, data["new_note"], author=actor)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            triage.log_access(request.user, AccessAction.VIEW, obj)
            context.update(self.detail_context(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def detail_context(self, request, obj):
        from content.cache import get_site_context

        site = get_site_context()
        events = list(obj.events.select_related("actor"))
        notes = {n.pk: n for n in obj.notes.select_related("author")}
        noted = set()
        history = []
        for event in events:
            note = None
            if event.type == "note" and event.to_value.isdigit():
                note = notes.get(int(event.to_value))
                if note:
                    noted.add(note.pk)
            history.append(
                {
                    "at": event.at,
                    "actor": event.actor,
                    "summary": triage.event_summary(event),
                    "note": note,
                }
            )
        # Notes written without an event (e.g. imported) still show, in time order.
        for note in notes.values():
            if note.pk not in noted:
                history.append(
                    {
                        "at": note.created_at,
                        "actor": note.author,
                        "summary": "Interne notitie",
                        "note": note,
                    }
                )
        history.sort(key=lambda item: item["at"])
        access = AccessLogEntry.objects.filter(request_id_value=obj.pk).select_related("user")
        return {
            "is_nav_sidebar_enabled": False,
            "title": "Aanvraag bekijken en afhandelen",
            "submission": readable.submission_sections(obj, site.organisation_name),
            "history": history,
            "family": Request.objects.family(email=obj.email, phone=obj.phone)
            .exclude(pk=obj.pk)
            .select_related("assigned_to")
            .order_by("-created_at"),
            "access_log": access[:25],
            "access_count": access.count(),
            "due_date": triage.due_date(obj.created_at),
            "is_overdue": triage.is_overdue(obj),
            "response_days": triage.response_days(),
            "response_days_is_default": triage.confirmed_response_days() is None,
            "can_family": request.user.has_perm(PERM_FAMILY),
            "can_view_log": request.user.has_perm("requests_app.view_accesslogentry"),
        }

    # -- export and family (AVG) pages

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path("export/", wrap(self.export_view), name=f"{prefix}_export"),
            path("gezin/", wrap(self.family_view), name=f"{prefix}_family"),
            path("gezin/wissen/", wrap(self.family_erase_view), name=f"{prefix}_family_erase"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            # The queue is the day's workplace: give the table the full width.
            "is_nav_sidebar_enabled": False,
            "title": "Wachtrij: aanvragen",
            "can_export": request.user.has_perm(PERM_EXPORT),
            "can_family": request.user.has_perm(PERM_FAMILY),
        }
        return super().changelist_view(request, extra_context)

    def export_view(self, request):
        return require_POST(self._export)(request)

    def _export(self, request):
        if not (self.has_view_permission(request) and request.user.has_perm(PERM_EXPORT)):
            raise PermissionDenied
        # The filters come in the URL; the search term (personal data) in the body.
        if SEARCH_VAR in request.POST:
            request.GET = request.GET.copy()
            request.GET[SEARCH_VAR] = request.POST[SEARCH_VAR]
        try:
            cl = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            return HttpResponseRedirect(reverse("admin:requests_app_request_changelist"))
        rows = list(cl.queryset.select_related("assessmentrequest", "callbackrequest"))
        with_worries = request.user.has_perm(PERM_EXPORT_WORRIES)
        triage.log_access(
            request.user,
            AccessAction.EXPORT,
            rows,
            "CSV-export" + (" met vrije tekst" if with_worries else ""),
        )
        stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="aanvragen-{stamp}.csv"'
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "no-store"
        # A byte-order mark and semicolons: what Excel with Dutch settings expects.
        response.write("\ufeff")
        writer = csv.writer(response, delimiter=";", quoting=csv.QUOTE_ALL)
        writer.writerow(export_header(with_worries))
        for obj in rows:
            writer.writerow([csv_safe(v) for v in export_row(obj, with_worries)])
        return response

    def _check_family(self, request):
        if not (self.has_view_permission(request) and request.user.has_perm(PERM_FAMILY)):
            raise PermissionDenied

    def family_view(self, request):
        """Right of access: everything about one e-mail address or phone number."""
        self._check_family(request)
        initial = {}
        # Coming from a request's page: its id (not its contact data) is in the URL.
        if request.method == "GET" and request.GET.get("aanvraag", "").isdigit():
            source = get_object_or_404(Request, pk=request.GET["aanvraag"])
            initial = {"email": source.email, "phone": format_phone(source.phone)}
            # Its contact data is now on screen: that is a look at the request.
            triage.log_access(
                request.user, AccessAction.VIEW, source, "contactgegevens voor inzage gezin"
            )
        form = FamilyLookupForm(request.POST or None, initial=initial)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Gegevens van een gezin (AVG)",
            "form": form,
        }
        if request.method == "POST" and form.is_valid():
            found = list(family_requests_for(form))
            site_name = _organisation_name()
            dossier = [family_dossier(r, site_name) for r in found]
            triage.log_access(request.user, AccessAction.FAMILY_EXPORT, found, "inzage gezin (AVG)")
            context.update({"dossier": dossier, "found": found, "searched": True})
            if "download" in request.POST and found:
                response = TemplateResponse(
                    request, "admin/requests_app/request/family_document.html", context
                )
                stamp = timezone.localdate().isoformat()
                response["Content-Disposition"] = f'attachment; filename="inzage-{stamp}.html"'
                response["Cache-Control"] = "no-store"
                return response
        return TemplateResponse(request, "admin/requests_app/request/family.html", context)

    def family_erase_view(self, request):
        """Right to erasure: a confirmation step, then every request of the family goes."""
        self._check_family(request)
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:requests_app_request_family"))
        form = FamilyLookupForm(request.POST)
        if not form.is_valid():
            return HttpResponseRedirect(reverse("admin:requests_app_request_family"))
        found = list(family_requests_for(form))
        # Step two posts "stap"; an unticked box is simply absent from the POST.
        confirming = request.POST.get("stap") == "bevestigen"
        confirm = FamilyEraseConfirmForm(request.POST if confirming else None)
        if confirming and confirm.is_valid():
            expected = sorted(r.reference for r in found)
            if sorted(confirm.cleaned_data["references"].split(",")) != expected:
                # Something changed between the two steps: show the new list again.
                messages.warning(
                    request, "Er is intussen iets veranderd. Controleer de lijst opnieuw."
                )
            else:
                erased = triage.erase_requests(
                    found, actor=request.user, reason=PurgeLogEntry.Reason.ERASURE
                )
                self.message_user(
                    request,
                    f"{len(erased)} aanvra{'ag' if len(erased) == 1 else 'gen'} gewist: "
                    f"{', '.join(erased)}. Dit staat in de wislog.",
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:requests_app_request_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Gegevens van een gezin wissen (AVG)",
            "form": form,
            "found": found,
            "confirm": confirm,
            "references": ",".join(sorted(r.reference for r in found)),
            "notes_count": InternalNote.objects.filter(request__in=found).count(),
            "events_count": RequestEvent.objects.filter(request__in=found).count(),
        }
        return TemplateResponse(request, "admin/requests_app/request/family_erase.html", context)


# ---------------------------------------------------------------------------
# Export helpers
# ---------------------------------------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value) -> str:
    """Text for one CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def export_header(with_worries: bool) -> list[str]:
    header = [
        "referentie",
        "soort",
        "ontvangen",
        "spoed gemeld",
        "prioriteit",
        "status",
        "toegewezen aan",
        "uiterlijk reageren",
        "over de termijn",
        "naam",
        "telefoon",
        "e-mail",
        "voicemail mag",
    ]
    if with_worries:
        header.append("zorgen of toelichting")
    return header


def export_row(obj: Request, with_worries: bool) -> list:
    row = [
        obj.reference,
        obj.get_kind_display(),
        timezone.localtime(obj.created_at).strftime("%d-%m-%Y %H:%M"),
        readable.yes_no(obj.is_urgent),
        obj.get_priority_display(),
        obj.get_status_display(),
        obj.assigned_to.get_username() if obj.assigned_to_id else "",
        triage.due_date(obj.created_at).strftime("%d-%m-%Y"),
        readable.yes_no(getattr(obj, "is_late", False)),
        obj.contact_name,
        format_phone(obj.phone),
        obj.email,
        readable.yes_no(obj.voicemail_allowed),
    ]
    if with_worries:
        details = (
            getattr(obj, "assessmentrequest", None)
            if obj.kind == Kind.ASSESSMENT
            else getattr(obj, "callbackrequest", None)
        )
        text = ""
        if details is not None:
            text = details.worries if obj.kind == Kind.ASSESSMENT else details.note
        row.append(text)
    return row


# ---------------------------------------------------------------------------
# Family (AVG) helpers
# ---------------------------------------------------------------------------


class FamilyLookupForm(forms.Form):
    email = forms.EmailField(label="E-mailadres", required=False)
    phone = forms.CharField(
        label="Telefoonnummer",
        required=False,
        max_length=30,
        help_text="In elke schrijfwijze, bijvoorbeeld 06-12345678 of +31 6 1234 5678.",
    )

    def clean_phone(self):
        value = self.cleaned_data["phone"].strip()
        if not value:
            return ""
        phone = normalise_phone(value)
        if not phone:
            raise ValidationError(
                "Dit is geen geldig telefoonnummer. Bijvoorbeeld: 06-12345678.", code="phone"
            )
        return phone

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone") and not self.errors:
            raise ValidationError("Vul een e-mailadres of een telefoonnummer in.", code="required")
        return data


class FamilyEraseConfirmForm(forms.Form):
    references = forms.CharField(widget=forms.HiddenInput)
    confirm = forms.BooleanField(
        label="Ik weet dat dit niet ongedaan kan worden gemaakt.",
        required=True,
        error_messages={"required": "Vink aan dat u weet dat wissen niet terug te draaien is."},
    )


def family_requests_for(form: FamilyLookupForm):
    return (
        Request.objects.family(
            email=form.cleaned_data.get("email", ""), phone=form.cleaned_data.get("phone", "")
        )
        .select_related("assigned_to")
        .order_by("created_at", "pk")
    )


def _organisation_name() -> str:
    from content.cache import get_site_context

    return get_site_context().organisation_name


def family_dossier(request: Request, organisation_name: str) -> dict:
    events = list(request.events.select_related("actor"))
    return {
        "request": request,
        "sections": readable.submission_sections(request, organisation_name),
        "notes": list(request.notes.select_related("author")),
        "history": [
            {"at": e.at, "actor": e.actor, "summary": triage.event_summary(e)} for e in events
        ],
        "access": list(
            AccessLogEntry.objects.filter(request_id_value=request.pk).select_related("user")
        ),
    }


# ---------------------------------------------------------------------------
# The logs: visible, never editable (not even by a superuser)
# ---------------------------------------------------------------------------


class ReadOnlyLogAdmin(admin.ModelAdmin):
    actions = None

    class Media:
        css = {"all": ["triage/triage.css"]}

    list_per_page = 100
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(ReadOnlyLogAdmin):
    list_display = ["at", "user", "action", "reference", "detail"]
    list_filter = ["action", ("at", admin.DateFieldListFilter)]
    list_select_related = ["user"]
    search_fields = ["=reference", "user__username"]
    search_help_text = "Zoek op referentie (precies) of gebruikersnaam."
    date_hierarchy = None
    fields = ["at", "user", "action", "request_id_value", "reference", "detail"]


@admin.register(PurgeLogEntry)
class PurgeLogEntryAdmin(ReadOnlyLogAdmin):
    list_display = ["at", "reference", "kind", "received_at", "closed_at", "reason", "performed_by"]
    list_filter = ["reason", "kind", ("at", admin.DateFieldListFilter)]
    search_fields = ["=reference"]
    fields = list_display
