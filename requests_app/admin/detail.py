"""A request's page: what the parent sent (read-only), and the form for what staff may
change (status, assignment, priority, a note), saved through ``services``.

One history: ``RequestEvent`` for staff and the access log for NEN 7513. Django's own
admin log (``LogEntry``) is not written for requests, and its history page is not there.
"""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404

from .. import access_log, answers, history, services
from ..choices import AccessAction, Status, may_move
from ..models import Request
from ..org_facts import org_facts
from ..text import without_invisible_formatting
from ..workdays import due_date, is_overdue
from .call_desk import PERM_CALL, call_context

PERM_NOTE = "requests_app.add_internalnote"
PERM_FAMILY = "requests_app.family_data"


def staff_who_can_triage():
    perm = Permission.objects.filter(
        content_type__app_label="requests_app", codename="change_request"
    )
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
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
            field.empty_label = "Niemand"
        if "status" in self.fields and self.instance.pk:
            current = self.instance.status
            # The list offers only legal steps; a forged value still meets clean_status.
            self.fields["status"].widget.choices = [
                (value, label) for value, label in Status.choices if may_move(current, value)
            ]

    def clean_new_note(self):
        # A note is shown beside what the parent sent: no direction overrides in it either.
        return without_invisible_formatting(self.cleaned_data["new_note"]).strip()

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
            raise ValidationError(services.transition_refusal(current, new), code="transition")
        return new


class DetailAdmin(admin.ModelAdmin):
    form = TriageForm
    change_form_template = "admin/requests_app/request/change_form.html"

    def get_fieldsets(self, request, obj=None):
        fields = ["status", "assigned_to", "priority"]
        if request.user.has_perm(PERM_NOTE) and self.has_change_permission(request, obj):
            fields.append("new_note")
        return [("Afhandeling", {"fields": fields})]

    def save_model(self, request, obj, form, change):
        data, changed, actor = form.cleaned_data, form.changed_data, request.user
        if "assigned_to" in changed:
            services.assign(obj, data["assigned_to"], actor=actor)
        if "priority" in changed:
            services.set_priority(obj, data["priority"], actor=actor)
        if "status" in changed:
            services.change_status(obj, data["status"], actor=actor)
        if data.get("new_note", "").strip():
            services.add_note(obj, data["new_note"], author=actor)

    # One history: services write RequestEvent and the access log; no LogEntry.
    def log_addition(self, request, obj, message):
        return None

    def log_change(self, request, obj, message):
        return None

    def log_deletions(self, request, queryset):
        return None

    def history_view(self, request, object_id, extra_context=None):
        raise Http404("De geschiedenis staat op de pagina van de aanvraag zelf.")

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            access_log.log_access(request.user, AccessAction.VIEW, obj)
            context.update(self.detail_context(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def detail_context(self, request, obj):
        org = org_facts()
        entries = access_log.entries_for(obj)
        return {
            # Safe contact first: above what the parent sent, with its phone number.
            **call_context(obj, org.organisation_name),
            "can_call": request.user.has_perm(PERM_CALL)
            and self.has_change_permission(request, obj),
            "is_nav_sidebar_enabled": False,
            "title": "Aanvraag bekijken en afhandelen",
            "submission": answers.submission_sections(obj, org.organisation_name),
            "spam_reasons": ", ".join(obj.spam_reason_labels()),
            "history": history.timeline(obj),
            "family": Request.objects.of_family(email=obj.email, phone=obj.phone)
            .exclude(pk=obj.pk)
            .select_related("assigned_to")
            .order_by("-created_at"),
            "access_log": entries[:25],
            "access_count": entries.count(),
            "listed_count": access_log.times_listed(obj),
            "due_date": due_date(obj.created_at),
            "is_overdue": is_overdue(obj),
            "due_days": org.due_days,
            "due_days_is_default": org.response_days is None,
            "can_family": request.user.has_perm(PERM_FAMILY),
            "can_view_log": request.user.has_perm("requests_app.view_accesslogentry"),
        }
