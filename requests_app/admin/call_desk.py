"""The callback desk's screens: "Vandaag bellen" (the day's calls in the order of their
moments) and a request's call page (safe contact first, then the phone number; record an
attempt or agree another moment). Every change goes through ``services``."""

import datetime
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from .. import access_log, answers, services
from ..calls import NOTE_MAX
from ..choices import KIND_SHORT, AccessAction, CallOutcome, DayPart, Kind, label
from ..models import Request
from ..moments import DAYPART_ENDS, moment_text
from ..org_facts import org_facts
from ..phones import format_phone
from ..text import without_invisible_formatting
from .calls import attempts_text

CALLS_URL = "admin:requests_app_request_calls"
CALL_URL = "admin:requests_app_request_call"
PERM_CALL = "requests_app.add_callattempt"


class CallAttemptForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Wat was de uitkomst?",
        choices=CallOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies wat de uitkomst van de belpoging was."},
    )
    note = forms.CharField(
        label="Korte notitie (mag leeg blijven)",
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text="Alleen voor medewerkers; de ouder ziet dit nooit en het wordt nooit gemaild. "
        "Bijvoorbeeld: ‘Zus nam op, ouder is na 16 uur thuis’. Geen medische details.",
        error_messages={"max_length": f"Schrijf niet meer dan {NOTE_MAX} tekens."},
    )

    def __init__(self, *args, voicemail_allowed: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.voicemail_allowed = voicemail_allowed
        if not voicemail_allowed:
            self.fields["outcome"].choices = [
                (
                    value,
                    f"{text} (mag niet bij deze ouder)" if value == CallOutcome.VOICEMAIL else text,
                )
                for value, text in CallOutcome.choices
            ]

    def clean_note(self):
        # Shown beside what the parent sent: no direction overrides (requests_app/text.py).
        return without_invisible_formatting(self.cleaned_data["note"]).strip()

    def clean_outcome(self):
        outcome = self.cleaned_data["outcome"]
        if outcome == CallOutcome.VOICEMAIL and not self.voicemail_allowed:
            raise ValidationError(services.VOICEMAIL_REFUSED, code="no_voicemail")
        return outcome


class MomentForm(forms.Form):
    day = forms.DateField(
        label="Dag",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Vul de dag in die u met de ouder afsprak.",
            "invalid": "Vul een datum in, bijvoorbeeld 14-04-2026.",
        },
    )
    daypart = forms.ChoiceField(
        label="Dagdeel",
        choices=DayPart.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies een dagdeel."},
    )

    def clean_day(self):
        day = self.cleaned_data["day"]
        refusal = services.refuse_moment(day, timezone.localdate())
        if refusal:
            raise ValidationError(refusal, code="day")
        return day


@dataclass
class CallRow:
    request: Request
    kind: str
    moment: str
    late: bool
    attempts: str
    rules: list
    good_now: bool = False


def current_daypart(now: datetime.datetime) -> str:
    for part, end in DAYPART_ENDS.items():
        if now.time() < end:
            return part
    return DayPart.EVENING.value


def _row(obj, organisation_name, now) -> CallRow:
    moment = moment_text(obj.call_date, obj.call_daypart)
    good_now = False
    if obj.kind == Kind.ASSESSMENT and not moment:
        best = obj.assessmentrequest.best_moments or []
        moment = ", ".join(label(DayPart, p).lower() for p in best) or "maakt niet uit"
        good_now = not best or current_daypart(now) in best
    return CallRow(
        request=obj,
        kind=KIND_SHORT.get(obj.kind, obj.kind),
        moment=moment,
        late=obj.call_is_late,
        attempts=attempts_text(obj.attempt_count, obj.last_outcome),
        rules=[r for r in answers.caller_rules(obj, organisation_name) if r.restricts],
        good_now=good_now,
    )


def _page(model_admin, request, title, **context):
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": title,
        "is_nav_sidebar_enabled": False,
        **context,
    }


def calls_today_view(model_admin, request):
    """Today's and earlier calls in the order of their moments, then the phone requests."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    now = timezone.localtime()
    name = org_facts().organisation_name
    rows = Request.objects.with_call_summary(now).select_related(
        "assigned_to", "assessmentrequest", "callbackrequest"
    )
    due = [_row(r, name, now) for r in rows.calls_due(now.date())]
    phone = [_row(r, name, now) for r in rows.phone_requests_to_call()]
    # NEN 7513: names and references on screen, like a queue page.
    access_log.log_listing(request.user, [r.request for r in due + phone], where="vandaag bellen")
    context = _page(
        model_admin,
        request,
        "Vandaag bellen",
        today=now.date(),
        due=due,
        phone=phone,
        can_call=request.user.has_perm(PERM_CALL),
    )
    return TemplateResponse(request, "admin/requests_app/request/calls_today.html", context)


def call_context(obj: Request, organisation_name: str) -> dict:
    """What a caller reads before dialling: on the call page and the request's page."""
    details = answers.details_of(obj)
    chosen = None
    if obj.kind == Kind.CALLBACK:
        chosen = moment_text(details.callback_date, details.callback_daypart)
    return {
        "caller_rules": answers.caller_rules(obj, organisation_name),
        "phone": format_phone(obj.phone),
        "chosen_moment": chosen,
        "agreed_moment": moment_text(obj.agreed_call_date, obj.agreed_call_daypart),
        "attempts": list(obj.call_attempts.select_related("caller")),
    }


def _back(request, obj):
    """Back where the caller came from: "Vandaag bellen" or the request's page."""
    if request.POST.get("terug") == "aanvraag":
        return reverse("admin:requests_app_request_change", args=[obj.pk])
    return reverse(CALLS_URL)


def _save(request, obj, action, attempt_form, moment_form) -> str | None:
    """Apply the posted form; the success message, or None when the form has errors."""
    form = attempt_form if action == "poging" else moment_form
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        if action == "poging":
            services.record_call_attempt(
                obj, data["outcome"], actor=request.user, note=data["note"]
            )
            return (
                f"Belpoging vastgelegd voor {obj.reference}: {label(CallOutcome, data['outcome'])}."
            )
        services.agree_new_moment(obj, data["day"], data["daypart"], actor=request.user)
        return f"Nieuw belmoment voor {obj.reference}: {moment_text(data['day'], data['daypart'])}."
    except services.CallRefused as refused:
        form.add_error(refused.field, ValidationError(str(refused), code="refused"))
        return None


def call_view(model_admin, request, object_id):
    """A request's call page; POST records an attempt ("poging") or a moment ("moment")."""
    obj = get_object_or_404(Request.objects.with_call_summary(), pk=object_id)
    if not model_admin.has_view_permission(request, obj):
        raise PermissionDenied
    can_call = model_admin.has_change_permission(request, obj) and request.user.has_perm(PERM_CALL)
    action = request.POST.get("actie") if request.method == "POST" else None
    if action is not None and not can_call:
        raise PermissionDenied
    attempt_form = CallAttemptForm(
        request.POST if action == "poging" else None, voicemail_allowed=obj.voicemail_allowed
    )
    moment_form = MomentForm(request.POST if action == "moment" else None)
    if action in ("poging", "moment"):
        done = _save(request, obj, action, attempt_form, moment_form)
        if done:
            messages.success(request, done)
            return HttpResponseRedirect(_back(request, obj))
    # The phone number and the safe-contact answers are on screen: a look at the request.
    access_log.log_access(request.user, AccessAction.VIEW, obj, "belscherm")
    name = org_facts().organisation_name
    context = _page(
        model_admin,
        request,
        f"Bellen: {obj.reference}",
        original=obj,
        attempt_form=attempt_form,
        moment_form=moment_form,
        has_errors=bool(attempt_form.errors or moment_form.errors),
        can_call=can_call,
        back=request.POST.get("terug") or request.GET.get("terug", ""),
        **call_context(obj, name),
    )
    return TemplateResponse(request, "admin/requests_app/request/call.html", context)
