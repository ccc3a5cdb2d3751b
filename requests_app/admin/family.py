"""The AVG pages: a family's data on request (right of access), and erasing it.

A lookup by e-mail address, phone number or reference lists every request that matches,
with the parent's and the child's name, reference, kind, date and status. Both contact
details were typed by parents, and one phone number may be a youth worker's who asked for
several families: so nothing is shown or erased for a match alone. Staff tick the
requests that belong to the person asking, record how they checked who that is, and act
on the ticked ones only: show or download them (right of access), or erase them after a
confirmation that names what will go. Every list, look and erasure is in the access log.
"""

import re
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from .. import access_log, answers, history
from ..choices import AccessAction, IdentityCheck, Kind, PurgeReason
from ..models import Request
from ..org_facts import org_facts
from ..phones import format_phone, normalise_phone
from ..retention import erase_requests
from ..text import without_invisible_formatting
from .detail import PERM_FAMILY

FAMILY_URL = "admin:requests_app_request_family"
ACTION, SHOW, DOWNLOAD = "actie", "tonen", "downloaden"
CONFIRM_STEP = "bevestigen"
CHANGED = "Er is intussen iets veranderd. Controleer de lijst en vink opnieuw aan."


class FamilyLookupForm(forms.Form):
    email = forms.EmailField(label="E-mailadres", required=False)
    phone = forms.CharField(
        label="Telefoonnummer",
        required=False,
        max_length=30,
        help_text="In elke schrijfwijze, bijvoorbeeld 06-12345678 of +31 6 1234 5678.",
    )
    reference = forms.CharField(
        label="Referentie",
        required=False,
        max_length=20,
        help_text="Uit de bevestiging die de ouder kreeg, bijvoorbeeld OZ-2026-00042.",
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

    def clean_reference(self):
        return self.cleaned_data["reference"].strip().upper()

    def clean(self):
        data = super().clean()
        if not any(data.get(name) for name in self.fields) and not self.errors:
            raise ValidationError(
                "Vul een e-mailadres, een telefoonnummer of een referentie in.", code="required"
            )
        return data

    def terms(self) -> list[str]:
        """What was searched for, for the access log (which keeps only a digest of each)."""
        return [self.cleaned_data.get(name, "") for name in self.fields]

    def requests(self):
        data = self.cleaned_data
        matches = Request.objects.of_family(email=data.get("email", ""), phone=data["phone"])
        if data.get("reference"):
            matches = matches | Request.objects.filter(reference__iexact=data["reference"])
        return matches.select_related("assessmentrequest").order_by("created_at", "pk")

    def matched_by(self, request: Request) -> list[str]:
        data = self.cleaned_data
        return [
            label
            for label, hit in (
                (
                    "e-mailadres",
                    data.get("email") and request.email.lower() == data["email"].lower(),
                ),
                ("telefoonnummer", data.get("phone") and request.phone == data["phone"]),
                ("referentie", data.get("reference") and request.reference == data["reference"]),
            )
            if hit
        ]


# A note about how identity was checked goes into the logs: no numbers or addresses.
_PERSONAL_LOOKING = re.compile(r"\d{3,}|@")


class FamilySelectionForm(forms.Form):
    """The requests that belong to the person asking, and how staff checked who that is."""

    requests = forms.ModelMultipleChoiceField(
        label="Aanvragen van de vrager",
        queryset=Request.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Vink de aanvragen aan die bij de vrager horen.",
            "invalid_choice": CHANGED,
            "invalid_pk_value": CHANGED,
        },
    )
    identity_check = forms.ChoiceField(
        label="Hoe hebt u gecontroleerd wie de vrager is?",
        choices=IdentityCheck.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies hoe u hebt gecontroleerd wie de vrager is.",
            "invalid_choice": "Kies hoe u hebt gecontroleerd wie de vrager is.",
        },
    )
    identity_note = forms.CharField(
        label="Toelichting (niet verplicht)",
        required=False,
        max_length=100,
        help_text="Kort, en zonder persoonsgegevens: geen namen, nummers of adressen. "
        "Bijvoorbeeld: ‘vragen over de aanvraag goed beantwoord’. Dit komt in het toegangslog.",
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requests"].queryset = candidates

    def clean_identity_note(self):
        note = " ".join(without_invisible_formatting(self.cleaned_data["identity_note"]).split())
        if _PERSONAL_LOOKING.search(note):
            raise ValidationError(
                "Schrijf hier geen nummers of e-mailadressen, alleen hoe u het controleerde.",
                code="personal",
            )
        return note

    def clean(self):
        data = super().clean()
        if data.get("identity_check") == IdentityCheck.OTHER and not data.get("identity_note"):
            self.add_error("identity_note", "Schrijf kort hoe u het hebt gecontroleerd.")
        return data

    def chosen(self) -> list[Request]:
        return list(self.cleaned_data["requests"].order_by("created_at", "pk"))

    def log_detail(self, what: str) -> str:
        """For the access log: what was done and how identity was checked (code, note)."""
        note = self.cleaned_data.get("identity_note")
        return f"{what}; identiteit: {self.cleaned_data['identity_check']}" + (
            f"; {note}" if note else ""
        )


class FamilyEraseConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label="Ik weet dat dit niet ongedaan kan worden gemaakt.",
        required=True,
        error_messages={"required": "Vink aan dat u weet dat wissen niet terug te draaien is."},
    )


@dataclass
class Candidate:
    """One request in the lookup's list: enough to tell whose it is, no more."""

    request: Request
    parent_name: str
    child_name: str
    matched_by: list[str] = field(default_factory=list)
    checked: bool = False


def candidate(request: Request, lookup: FamilyLookupForm | None = None, checked=()) -> Candidate:
    child = request.assessmentrequest.child_first_name if request.kind == Kind.ASSESSMENT else ""
    return Candidate(
        request,
        without_invisible_formatting(request.contact_name),
        without_invisible_formatting(child),
        lookup.matched_by(request) if lookup else [],
        str(request.pk) in checked,
    )


def family_dossier(request: Request, organisation_name: str) -> dict:
    return {
        "request": request,
        "sections": answers.submission_sections(request, organisation_name),
        "notes": list(request.notes.select_related("author")),
        "calls": list(request.call_attempts.select_related("caller")),
        "history": [
            {"at": e.at, "actor": e.actor, "summary": history.event_summary(e)}
            for e in request.events.select_related("actor")
        ],
        "access": list(access_log.entries_for(request)),
        "listed": access_log.times_listed(request),
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


def _family_page(model_admin, request, lookup, selection=None, found=None, dossier=None):
    """The lookup, and when it found requests, their list to tick (logged as shown)."""
    context = _page(model_admin, request, "Gegevens van een gezin (AVG)", form=lookup)
    if found is not None:
        checked = request.POST.getlist("requests") if selection is not None else []
        context.update(
            searched=True,
            found=found,
            candidates=[candidate(r, lookup, checked) for r in found],
            selection=selection or FamilySelectionForm(candidates=Request.objects.none()),
            dossier=dossier,
        )
        access_log.log_listing(request.user, found, where="AVG-zoeklijst", terms=lookup.terms())
    return TemplateResponse(request, "admin/requests_app/request/family.html", context)


def family_view(model_admin, request):
    """Right of access: find the requests, tick the asker's, show or download those."""
    _check(model_admin, request)
    if request.method != "POST":
        initial = {}
        # Coming from a request's page: its id (not its contact data) is in the URL.
        if request.GET.get("aanvraag", "").isdigit():
            source = get_object_or_404(Request, pk=request.GET["aanvraag"])
            initial = {"email": source.email, "phone": format_phone(source.phone)}
            # Its contact data is now on screen: that is a look at the request.
            access_log.log_access(
                request.user, AccessAction.VIEW, source, "contactgegevens voor inzage gezin"
            )
        return _family_page(model_admin, request, FamilyLookupForm(initial=initial))
    lookup = FamilyLookupForm(request.POST)
    if not lookup.is_valid():
        return _family_page(model_admin, request, lookup)
    found = lookup.requests()
    action = request.POST.get(ACTION)
    if action not in (SHOW, DOWNLOAD):
        return _family_page(model_admin, request, lookup, found=list(found))
    selection = FamilySelectionForm(request.POST, candidates=found)
    if not selection.is_valid():
        return _family_page(model_admin, request, lookup, selection, list(found))
    chosen = selection.chosen()
    access_log.log_access(
        request.user,
        AccessAction.FAMILY_EXPORT,
        chosen,
        selection.log_detail("inzage gezin (AVG)"),
    )
    name = org_facts().organisation_name
    dossier = [family_dossier(r, name) for r in chosen]
    if action == DOWNLOAD:
        context = _page(model_admin, request, "Inzage", found=chosen, dossier=dossier)
        response = TemplateResponse(
            request, "admin/requests_app/request/family_document.html", context
        )
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="inzage-{stamp}.html"'
        response["Cache-Control"] = "no-store"
        return response
    return _family_page(model_admin, request, lookup, selection, list(found), dossier)


def family_erase_view(model_admin, request):
    """Right to erasure: the ticked requests only, after a confirmation that names them."""
    _check(model_admin, request)
    lookup = FamilyLookupForm(request.POST or None)
    if request.method != "POST" or not lookup.is_valid():
        return HttpResponseRedirect(reverse(FAMILY_URL))
    found = lookup.requests()
    selection = FamilySelectionForm(request.POST, candidates=found)
    confirming = request.POST.get("stap") == CONFIRM_STEP
    if not selection.is_valid():
        if confirming:
            messages.warning(request, CHANGED)
        return _family_page(model_admin, request, lookup, selection, list(found))
    chosen = selection.chosen()
    confirm = FamilyEraseConfirmForm(request.POST if confirming else None)
    if confirming and confirm.is_valid():
        erased = erase_requests(
            chosen,
            actor=request.user,
            reason=PurgeReason.ERASURE,
            identity_check=selection.cleaned_data["identity_check"],
            log_detail=selection.log_detail("gewist op verzoek (AVG)"),
        )
        model_admin.message_user(
            request,
            f"{len(erased)} aanvra{'ag' if len(erased) == 1 else 'gen'} gewist: "
            f"{', '.join(erased)}. Dit staat in de wislog.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:requests_app_request_changelist"))
    going = (
        Request.objects.filter(pk__in=[r.pk for r in chosen])
        .select_related("assessmentrequest")
        .annotate(
            notes_count=Count("notes", distinct=True), events_count=Count("events", distinct=True)
        )
        .order_by("created_at", "pk")
    )
    access_log.log_listing(request.user, going, where="AVG-wissen bevestigen")
    context = _page(
        model_admin,
        request,
        "Gegevens van een gezin wissen (AVG)",
        form=lookup,
        selection=selection,
        confirm=confirm,
        identity_label=IdentityCheck(selection.cleaned_data["identity_check"]).label,
        going=[(candidate(r), r.notes_count, r.events_count) for r in going],
    )
    return TemplateResponse(request, "admin/requests_app/request/family_erase.html", context)
