"""The AVG pages: a family's data on request (right of access), and erasing it."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from .. import access_log, answers, history
from ..choices import AccessAction, PurgeReason
from ..models import InternalNote, Request, RequestEvent
from ..org_facts import org_facts
from ..phones import format_phone, normalise_phone
from ..retention import erase_requests
from .detail import PERM_FAMILY

FAMILY_URL = "admin:requests_app_request_family"


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

    def requests(self):
        data = self.cleaned_data
        return (
            Request.objects.of_family(email=data.get("email", ""), phone=data.get("phone", ""))
            .select_related("assigned_to")
            .order_by("created_at", "pk")
        )


class FamilyEraseConfirmForm(forms.Form):
    references = forms.CharField(widget=forms.HiddenInput)
    confirm = forms.BooleanField(
        label="Ik weet dat dit niet ongedaan kan worden gemaakt.",
        required=True,
        error_messages={"required": "Vink aan dat u weet dat wissen niet terug te draaien is."},
    )


def family_dossier(request: Request, organisation_name: str) -> dict:
    return {
        "request": request,
        "sections": answers.submission_sections(request, organisation_name),
        "notes": list(request.notes.select_related("author")),
        "history": [
            {"at": e.at, "actor": e.actor, "summary": history.event_summary(e)}
            for e in request.events.select_related("actor")
        ],
        "access": list(access_log.entries_for(request)),
    }


def _check(model_admin, request):
    if not (model_admin.has_view_permission(request) and request.user.has_perm(PERM_FAMILY)):
        raise PermissionDenied


def _page(model_admin, request, title, **context):
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": title,
        **context,
    }


def family_view(model_admin, request):
    """Right of access: everything about one e-mail address or phone number."""
    _check(model_admin, request)
    initial = {}
    # Coming from a request's page: its id (not its contact data) is in the URL.
    if request.method == "GET" and request.GET.get("aanvraag", "").isdigit():
        source = get_object_or_404(Request, pk=request.GET["aanvraag"])
        initial = {"email": source.email, "phone": format_phone(source.phone)}
        # Its contact data is now on screen: that is a look at the request.
        access_log.log_access(
            request.user, AccessAction.VIEW, source, "contactgegevens voor inzage gezin"
        )
    form = FamilyLookupForm(request.POST or None, initial=initial)
    context = _page(model_admin, request, "Gegevens van een gezin (AVG)", form=form)
    if request.method == "POST" and form.is_valid():
        found = list(form.requests())
        name = org_facts().organisation_name
        access_log.log_access(request.user, AccessAction.FAMILY_EXPORT, found, "inzage gezin (AVG)")
        context.update(
            {"dossier": [family_dossier(r, name) for r in found], "found": found, "searched": True}
        )
        if "download" in request.POST and found:
            response = TemplateResponse(
                request, "admin/requests_app/request/family_document.html", context
            )
            stamp = timezone.localdate().isoformat()
            response["Content-Disposition"] = f'attachment; filename="inzage-{stamp}.html"'
            response["Cache-Control"] = "no-store"
            return response
    return TemplateResponse(request, "admin/requests_app/request/family.html", context)


def family_erase_view(model_admin, request):
    """Right to erasure: a confirmation step, then every request of the family goes."""
    _check(model_admin, request)
    form = FamilyLookupForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return HttpResponseRedirect(reverse(FAMILY_URL))
    found = list(form.requests())
    references = sorted(r.reference for r in found)
    # Step two posts "stap"; an unticked box is simply absent from the POST.
    confirming = request.POST.get("stap") == "bevestigen"
    confirm = FamilyEraseConfirmForm(request.POST if confirming else None)
    if confirming and confirm.is_valid():
        if sorted(confirm.cleaned_data["references"].split(",")) != references:
            # Something changed between the two steps: show the new list again.
            messages.warning(request, "Er is intussen iets veranderd. Controleer de lijst opnieuw.")
        else:
            erased = erase_requests(found, actor=request.user, reason=PurgeReason.ERASURE)
            model_admin.message_user(
                request,
                f"{len(erased)} aanvra{'ag' if len(erased) == 1 else 'gen'} gewist: "
                f"{', '.join(erased)}. Dit staat in de wislog.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:requests_app_request_changelist"))
    context = _page(
        model_admin,
        request,
        "Gegevens van een gezin wissen (AVG)",
        form=form,
        found=found,
        confirm=confirm,
        references=",".join(references),
        notes_count=InternalNote.objects.filter(request__in=found).count(),
        events_count=RequestEvent.objects.filter(request__in=found).count(),
    )
    return TemplateResponse(request, "admin/requests_app/request/family_erase.html", context)
