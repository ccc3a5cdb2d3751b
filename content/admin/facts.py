"""The organisation's facts: editors propose a value, someone allowed to confirms it.

Only confirmed values reach parents. Every proposal, confirmation and withdrawal is in
the log of fact changes (who, when, old and new value).
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join

from ..facts.changes import FactError, confirm, may_confirm, propose, withdraw
from ..models import Fact, FactChange
from .base import ContentAdmin, ReadOnlyAdmin

CONFIRM, WITHDRAW = "_confirm", "_withdraw"


def fact_form(spec, request):
    """A form for one fact: its value entered the way its kind asks for."""

    class FactForm(forms.ModelForm):
        value_input = spec.kind.form_field(label="Waarde", help_text=spec.help_text)

        class Meta:
            model = Fact
            fields = ["source"]

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if not self.is_bound:
                self.initial["value_input"] = spec.kind.initial(self.instance.value)

        def clean(self):
            data = super().clean()
            if CONFIRM in self.data:
                if not may_confirm(request.user):
                    raise ValidationError(
                        "U mag feiten voorstellen, niet bevestigen.", code="permission"
                    )
                value = spec.kind.to_json(data.get("value_input"))
                if value in (None, "", [], {}) and "value_input" not in self.errors:
                    self.add_error(
                        "value_input",
                        ValidationError(
                            "Een leeg feit kan niet bevestigd worden. Vul eerst een waarde in.",
                            code="empty",
                        ),
                    )
            return data

    return FactForm


@admin.register(Fact)
class FactAdmin(ContentAdmin):
    list_display = ["label", "public_value", "proposal", "state", "confirmed_by", "confirmed_at"]
    list_display_links = ["label"]
    readonly_fields = ["state", "public_value", "confirmed_by", "confirmed_at", "used_for"]
    change_form_template = "admin/content/fact/change_form.html"
    ordering = ["pk"]

    def has_add_permission(self, request):
        return False  # the facts are declared in code (content/facts/registry.py)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_form(self, request, obj=None, change=False, **kwargs):
        return fact_form(obj.spec, request) if obj is not None else super().get_form(request)

    def get_fieldsets(self, request, obj=None):
        return [
            (None, {"fields": ["value_input", "source"]}),
            (
                "Op de site",
                {"fields": ["state", "public_value", "confirmed_by", "confirmed_at", "used_for"]},
            ),
        ]

    @admin.display(description="Feit")
    def label(self, obj):
        return str(obj)

    @admin.display(description="Ouders zien")
    def public_value(self, obj):
        if obj.confirmed_value is None:
            return format_html("<em>{}</em>", "niets: nog niet bevestigd")
        return obj.spec.display(obj.confirmed_value)

    @admin.display(description="Voorstel")
    def proposal(self, obj):
        if obj.state == Fact.State.CONFIRMED:
            return "–"
        return obj.spec.display(obj.value) or "–"

    @admin.display(description="Status")
    def state(self, obj):
        label = obj.get_state_display()
        if obj.state == Fact.State.CONFIRMED:
            return label
        return format_html('<strong class="content-pending">{}</strong>', label)

    @admin.display(description="Gebruikt op de site in")
    def used_for(self, obj):
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((u,) for u in obj.spec.used_for))
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra = {"can_confirm": may_confirm(request.user)}
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})

    def save_model(self, request, obj, form, change):
        value = obj.spec.kind.to_json(form.cleaned_data.get("value_input"))
        Fact.objects.filter(pk=obj.pk).update(source=obj.source)
        if propose(obj, value, user=request.user):
            self.message_user(request, "Uw voorstel is bewaard.", messages.INFO)
        try:
            if CONFIRM in request.POST:
                confirm(obj, user=request.user, source=obj.source)
                self.message_user(
                    request, "Bevestigd: ouders zien deze waarde nu op de site.", messages.SUCCESS
                )
            elif WITHDRAW in request.POST and withdraw(obj, user=request.user):
                self.message_user(
                    request,
                    "De bevestiging is ingetrokken: de site toont dit feit niet meer.",
                    messages.WARNING,
                )
        except FactError as exc:
            self.message_user(request, str(exc), messages.ERROR)
        obj.refresh_from_db()

    def log_change(self, request, obj, message):
        return None  # the log of fact changes (FactChange) is this model's one history


@admin.register(FactChange)
class FactChangeAdmin(ReadOnlyAdmin):
    list_display = ["at", "fact", "action", "username", "old_shown", "new_shown"]
    list_filter = ["action", "fact"]
    fields = ["at", "fact", "action", "username", "old_shown", "new_shown"]
    readonly_fields = fields

    @admin.display(description="oude waarde")
    def old_shown(self, obj):
        return obj.fact.spec.display(obj.old_value) if obj.old_value is not None else "–"

    @admin.display(description="nieuwe waarde")
    def new_shown(self, obj):
        return obj.fact.spec.display(obj.new_value) if obj.new_value is not None else "–"
