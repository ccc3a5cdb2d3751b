"""What a parent sent, laid out for reading by staff: sections of label/value pairs.

Values are plain text (or lists of plain text); templates escape them. Nothing here
builds HTML, so a name like ``<script>`` stays text wherever it is shown.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import date_format

from .fields import format_phone
from .forms import age_on
from .models import (
    AssessmentRequest,
    Authority,
    CallbackRequest,
    CallbackTopic,
    Channel,
    DayPart,
    HelpSoFar,
    Kind,
    Relation,
    Request,
    YesNoUnknown,
)


@dataclass
class Row:
    label: str
    value: str = ""
    items: list[str] = field(default_factory=list)  # shown as a list instead of value
    multiline: bool = False  # free text: keep the parent's line breaks


@dataclass
class Section:
    title: str
    rows: list[Row]


def yes_no(value: bool) -> str:
    return "ja" if value else "nee"


def label_of(choices, value, empty="niet ingevuld") -> str:
    if value in (None, ""):
        return empty
    try:
        return choices(value).label
    except ValueError:
        return str(value)


def labels_of(choices, values) -> list[str]:
    return [label_of(choices, v) for v in values or []]


def sign_texts(values) -> list[str]:
    """Sign snapshots are texts; older or richer snapshots may be {"text": ...}."""
    texts = []
    for v in values or []:
        texts.append(str(v.get("text", "")) if isinstance(v, dict) else str(v))
    return [t for t in texts if t]


def when(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "j F Y, H:i")
    return date_format(value, "j F Y")


def details_of(request: Request):
    """The kind's row, fetched if the caller did not select it already."""
    if request.kind == Kind.ASSESSMENT:
        return (
            request
            if isinstance(request, AssessmentRequest)
            else AssessmentRequest.objects.get(pk=request.pk)
        )
    return (
        request
        if isinstance(request, CallbackRequest)
        else CallbackRequest.objects.get(pk=request.pk)
    )


def submission_sections(request: Request, organisation_name: str) -> list[Section]:
    details = details_of(request)
    if isinstance(details, AssessmentRequest):
        return _assessment_sections(details, organisation_name)
    return _callback_sections(details, organisation_name)


def _assessment_sections(r: AssessmentRequest, organisation_name: str) -> list[Section]:
    today = timezone.localdate()
    birth = r.child_birth_date
    birth_text = f"{when(birth)} ({age_on(birth, today)} jaar)" if birth else "niet ingevuld"
    relation = label_of(Relation, r.relation)
    if r.relation == Relation.OTHER and r.relation_other:
        relation = f"{relation}: {r.relation_other}"
    help_items = labels_of(HelpSoFar, r.help_so_far)
    if r.help_other:
        help_items.append(f"Anders: {r.help_other}")
    return [
        Section(
            "Direct gevaar",
            [Row("Direct gevaar gemeld", "ja, direct gevaar gemeld" if r.is_urgent else "nee")],
        ),
        Section(
            "Het kind",
            [
                Row("Voornaam", r.child_first_name),
                Row("Geboortedatum", birth_text),
                Row("Woonplaats", r.child_residence),
            ],
        ),
        Section(
            "De ouder of verzorger",
            [
                Row("Naam", r.contact_name),
                Row("Relatie tot het kind", relation),
                Row("Gezag", label_of(Authority, r.authority)),
                Row(
                    "Andere ouder met gezag weet van deze aanvraag",
                    label_of(YesNoUnknown, r.other_parent_informed),
                ),
                Row(
                    "Kind (12 tot 16 jaar) weet ervan en is het ermee eens",
                    label_of(YesNoUnknown, r.child_informed),
                ),
            ],
        ),
        Section(
            "De vraag",
            [
                Row("Zorgen", r.worries, multiline=True),
                Row("Herkende signalen", items=sign_texts(r.recognised_signs) or ["geen"]),
                Row("Hulp tot nu toe", items=help_items or ["niet ingevuld"]),
            ],
        ),
        Section(
            "Contact",
            [
                Row("Telefoon", format_phone(r.phone) or "niet ingevuld"),
                Row("E-mail", r.email or "niet ingevuld"),
                Row("Voorkeur contact", label_of(Channel, r.preferred_channel)),
                Row(
                    "Beste momenten", items=labels_of(DayPart, r.best_moments) or ["geen voorkeur"]
                ),
            ],
        ),
        Section(
            "Veilig contact",
            [
                Row("Voicemail inspreken", yes_no(r.voicemail_allowed)),
                Row(
                    f"Zeggen dat we van {organisation_name} bellen",
                    yes_no(r.may_name_organisation),
                ),
            ],
        ),
        _consent_section(r),
    ]


def _callback_sections(r: CallbackRequest, organisation_name: str) -> list[Section]:
    moment = (
        f"{when(r.callback_date)}, {label_of(DayPart, r.callback_daypart).lower()}"
        if r.callback_date
        else "niet ingevuld"
    )
    return [
        Section(
            "Terugbellen",
            [
                Row("Naam", r.contact_name),
                Row("Telefoon", format_phone(r.phone) or "niet ingevuld"),
                Row("Wanneer", moment),
                Row("Onderwerp", label_of(CallbackTopic, r.topic)),
                Row("Toelichting", r.note or "geen", multiline=bool(r.note)),
                Row("E-mail voor bevestiging", r.email or "niet ingevuld"),
            ],
        ),
        Section(
            "Veilig contact",
            [
                Row("Voicemail inspreken", yes_no(r.voicemail_allowed)),
                # The callback form does not ask; say so rather than guess.
                Row(
                    f"Zeggen dat we van {organisation_name} bellen",
                    "niet gevraagd: noem de naam pas als u de ouder zelf spreekt",
                ),
            ],
        ),
        _consent_section(r),
    ]


def _consent_section(r: Request) -> Section:
    return Section(
        "Toestemming",
        [
            Row("Toestemming gegeven op", when(r.consent_at)),
            Row("Versie privacyverklaring", r.consent_version),
        ],
    )
