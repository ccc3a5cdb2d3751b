"""One declaration per question the parents' forms ask.

A ``Question`` says everything about one question: its name (the model field), what
the parent reads (label, help), what staff read (their label and section), how an answer
is shown, whether it is free text and which CSV column it fills. The form fields
(``forms/``), the steps, the check page, the staff page, the family dossier and the CSV
export are all made from these, so what the parent checked and what staff read cannot
differ. ``{organisation}`` in a text is the organisation's name from the site's facts.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format

from .choices import (
    Authority,
    CallbackTopic,
    Channel,
    DayPart,
    HelpSoFar,
    Kind,
    Relation,
    YesNoUnknown,
    label,
)
from .forms import fields as f
from .models import AssessmentRequest, CallbackRequest
from .phones import format_phone

NOT_FILLED = "Niet ingevuld"
WORRIES_MAX = AssessmentRequest._meta.get_field("worries").max_length
NOTE_MAX = CallbackRequest._meta.get_field("note").max_length


def age_on(birth_date: datetime.date, today: datetime.date) -> int:
    """Completed years, the way a birthday counts them (29 February: 1 March in other years)."""
    years = today.year - birth_date.year
    if (today.month, today.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def yes_no(value) -> str:
    return "Ja" if value else "Nee"


@dataclass(frozen=True)
class Question:
    name: str
    label: str
    staff_label: str
    field: Callable | None  # builds the form field from label and help; None: staff only
    help: str = ""
    choices: tuple = ()  # (code, the words the parent chose) for choice questions
    show: Callable | None = None  # (question, request) -> list of texts
    empty: str = NOT_FILLED
    free_text: bool = False
    listed: bool = False  # several answers, shown as a list
    csv: str = ""  # the CSV column it fills; "" leaves it out of the export
    staff_section: str = ""  # the staff page's section, when not the step's
    has_row: Callable = lambda request: True
    # The answer as an instruction for whoever calls the parent: (text, restricts). The
    # request's page and the call page show these above the phone number.
    caller_rule: Callable | None = None

    def choice_label(self, code) -> str:
        return dict(self.choices).get(code, code)

    def answer(self, request) -> list[str]:
        """The answer as text, the same on the check page, the staff page and the CSV."""
        if self.show is not None:
            values = self.show(self, request)
        else:
            value = getattr(request, self.name)
            if isinstance(value, bool):
                values = [yes_no(value)]
            elif isinstance(value, list):
                values = [self.choice_label(v) for v in value]
            elif self.choices:
                values = [self.choice_label(value)] if value else []
            else:
                values = [value] if value else []
        return [str(v) for v in values if v not in (None, "")] or [self.empty]

    def answer_text(self, request) -> str:
        return ", ".join(self.answer(request))

    def form_field(self):
        return self.field(label=self.label, help_text=self.help, choices=self.choices)


def _birth_date(q, r):
    birth = r.child_birth_date
    return [f"{date_format(birth, 'j F Y')} ({age_on(birth, timezone.localdate())} jaar)"]


def _with_other(other_field):
    """A choice whose ‘Anders’ carries the parent's own words: ‘Anders: oma’."""

    def show(q, r):
        value = getattr(r, q.name)
        codes = value if isinstance(value, list) else [value]
        words = getattr(r, other_field)
        return [
            f"{q.choice_label(c)}: {words}" if c == "other" and words else q.choice_label(c)
            for c in codes
            if c
        ]

    return show


def _phone(q, r):
    return [format_phone(r.phone)]


def _callback_moment(q, r):
    if not r.callback_date:
        return []
    return [
        f"{date_format(r.callback_date, 'j F Y')}, {label(DayPart, r.callback_daypart).lower()}"
    ]


def _never_asked(text):
    return lambda q, r: [text]


def _child_consent_asked(r) -> bool:
    return r.child_informed != YesNoUnknown.NOT_APPLICABLE


ORGANISATION = "{organisation}"
SAFE_CONTACT = "Veilig contact"

# The safe-contact answers in plain words, for the caller (Question.caller_rule).
NO_VOICEMAIL = "Geen voicemail inspreken"
VOICEMAIL_OK = "Voicemail inspreken mag"
NAME_ONLY_TO_PARENT = "Noem onze naam pas als u de ouder zelf spreekt"
NAME_OK = "U mag zeggen dat u van {organisation} belt, ook als iemand anders opneemt"


def _voicemail_rule(r):
    return (VOICEMAIL_OK, False) if r.voicemail_allowed else (NO_VOICEMAIL, True)


def _name_rule(r):
    return (NAME_OK, False) if r.may_name_organisation else (NAME_ONLY_TO_PARENT, True)


# -- shared by both forms ------------------------------------------------------------
CONTACT_NAME = Question("contact_name", "Uw naam", "Naam", f.name_field, csv="naam")
VOICEMAIL = Question(
    "voicemail_allowed",
    "Mogen wij een bericht inspreken als u niet opneemt?",
    "Voicemail inspreken",
    f.yes_no_field("Kies of wij een bericht mogen inspreken."),
    csv="voicemail mag",
    staff_section=SAFE_CONTACT,
    caller_rule=_voicemail_rule,
)

# -- Onderzoek aanvragen ------------------------------------------------------------
ASSESSMENT = (
    Question(
        "is_urgent",
        "Is er nu direct gevaar voor uw kind of voor iemand anders?",
        "Direct gevaar gemeld",
        f.yes_no_field("Kies ‘Ja’ of ‘Nee’: is er nu direct gevaar?"),
        csv="spoed gemeld",
    ),
    Question(
        "child_first_name",
        "Voornaam van uw kind",
        "Voornaam",
        f.text_field(80, "Vul de voornaam van uw kind in.", "De voornaam", f.SHORT_NAME_ATTRS),
    ),
    Question(
        "child_birth_date",
        "Geboortedatum van uw kind",
        "Geboortedatum",
        f.birth_date_field,
        help="Bijvoorbeeld: 27 3 2014",
        show=_birth_date,
    ),
    Question(
        "child_residence",
        "Woonplaats van uw kind",
        "Woonplaats",
        f.text_field(80, "Vul de woonplaats van uw kind in.", "De woonplaats", f.PLACE_ATTRS),
        help="De plaats waar uw kind woont. Bijvoorbeeld: Gemert.",
    ),
    CONTACT_NAME,
    Question(
        "relation",
        "Wat bent u van het kind?",
        "Relatie tot het kind",
        f.choice_field("Kies wat u van het kind bent."),
        choices=tuple(Relation.choices),
        show=_with_other("relation_other"),
    ),
    Question(
        "relation_other",
        "Anders, namelijk",
        "Relatie (anders)",
        f.optional_text_field(80),
        help="Alleen nodig als u ‘Anders’ koos. Bijvoorbeeld: oma.",
        has_row=lambda r: False,  # shown within the relation's answer
    ),
    Question(
        "authority",
        "Wie heeft het gezag over uw kind?",
        "Gezag",
        f.choice_field("Kies wie het gezag heeft. Weet u het niet? Kies dan ‘Weet ik niet’."),
        help="Gezag betekent: wie de belangrijke beslissingen over het kind mag nemen.",
        choices=tuple(Authority.choices),
    ),
    Question(
        "other_parent_informed",
        "Weet de andere ouder met gezag van deze aanvraag?",
        "Andere ouder met gezag weet van deze aanvraag",
        f.choice_field("Kies of de andere ouder met gezag van deze aanvraag weet."),
        help="Hebben twee ouders samen het gezag? Dan is voor onderzoek bij een kind onder "
        "de 16 jaar meestal toestemming van allebei nodig.",
        choices=(
            (YesNoUnknown.YES, "Ja"),
            (YesNoUnknown.NO, "Nee"),
            (YesNoUnknown.NOT_APPLICABLE, "Er is geen andere ouder met gezag"),
        ),
    ),
    Question(
        "child_informed",
        "Weet uw kind van deze aanvraag, en vindt uw kind het goed?",
        "Kind (12 tot 16 jaar) weet ervan en is het ermee eens",
        f.choice_field(None),
        help="Uw kind is tussen 12 en 16 jaar. Dan beslist uw kind mee: voor onderzoek is "
        "ook de toestemming van uw kind nodig.",
        choices=((YesNoUnknown.YES, "Ja"), (YesNoUnknown.NO, "Nee, nog niet")),
        has_row=_child_consent_asked,
    ),
    Question(
        "worries",
        "Waarover maakt u zich zorgen?",
        "Zorgen",
        f.free_text_field(
            WORRIES_MAX,
            "Schrijf op waarover u zich zorgen maakt.",
            {"rows": 8, "spellcheck": "true"},
        ),
        help="Bijvoorbeeld: wat doet uw kind, sinds wanneer, en hoe vaak? "
        f"U kunt niet meer dan {WORRIES_MAX} tekens gebruiken.",
        free_text=True,
        csv="zorgen of toelichting",
    ),
    Question(
        "recognised_signs",
        "Welke signalen herkent u bij uw kind?",
        "Herkende signalen",
        f.signs_field,
        help="Kies alles wat past.",
        # A snapshot of the sign texts as the parent saw them (editors may reword signs).
        show=lambda q, r: [
            s.get("text", "") if isinstance(s, dict) else s for s in r.recognised_signs or []
        ],
        empty="Geen",
        listed=True,
    ),
    Question(
        "help_so_far",
        "Welke hulp is er al geweest?",
        "Hulp tot nu toe",
        f.multiple_choice_field(
            "Kies welke hulp er al is geweest. Was er nog geen hulp? Kies dan ‘Nog geen hulp’."
        ),
        help="Kies alles wat past.",
        choices=tuple(HelpSoFar.choices),
        show=_with_other("help_other"),
        listed=True,
    ),
    Question(
        "help_other",
        "Andere hulp, namelijk",
        "Andere hulp",
        f.optional_text_field(200),
        help="Alleen nodig als u ‘Anders’ koos. Bijvoorbeeld: school of kinderarts.",
        has_row=lambda r: False,  # shown within the help's answer
    ),
    Question(
        "phone",
        "Telefoonnummer",
        "Telefoon",
        f.phone_field(required=None),
        help="Bijvoorbeeld: 06 12345678. Vul een telefoonnummer of een e-mailadres in, of allebei.",
        show=_phone,
        csv="telefoon",
    ),
    Question(
        "email",
        "E-mailadres",
        "E-mail",
        f.email_field,
        help="Wij sturen u een bevestiging met het nummer van uw aanvraag. Kiest u hieronder "
        "dat wij niet mogen zeggen dat wij van {organisation} zijn? Dan sturen wij geen "
        "bevestiging.",
        csv="e-mail",
    ),
    Question(
        "preferred_channel",
        "Hoe wilt u dat wij contact met u opnemen?",
        "Voorkeur contact",
        f.choice_field("Kies hoe wij contact met u opnemen: telefoon of e-mail."),
        choices=tuple(Channel.choices),
    ),
    Question(
        "best_moments",
        "Wanneer kunnen wij u het best bellen?",
        "Beste momenten",
        f.multiple_choice_field(None),
        help="Kies alles wat past.",
        choices=tuple(DayPart.choices),
        empty="Maakt niet uit",
        listed=True,
    ),
    VOICEMAIL,
    Question(
        "may_name_organisation",
        "Mogen wij zeggen dat wij van {organisation} zijn?",
        "Zeggen dat we van {organisation} bellen",
        f.yes_no_field("Kies of wij mogen zeggen dat wij van {organisation} zijn."),
        help="Bijvoorbeeld als iemand anders de telefoon opneemt. Kies ‘Nee’ als het niet "
        "veilig is dat anderen weten dat u hulp zoekt. Dan sturen wij u ook geen "
        "bevestiging per e-mail.",
        staff_section=SAFE_CONTACT,
        caller_rule=_name_rule,
    ),
)

# -- Bel mij terug ------------------------------------------------------------------
CALLBACK = (
    CONTACT_NAME,
    Question(
        "phone",
        "Telefoonnummer",
        "Telefoon",
        f.phone_field(required="Vul uw telefoonnummer in."),
        help="Bijvoorbeeld: 06 12345678",
        show=_phone,
        csv="telefoon",
    ),
    VOICEMAIL,
    Question(
        "callback_date",
        "Op welke dag kunnen wij u bellen?",
        "Wanneer",
        # The days on offer change daily: forms/callback.py gives the field its days.
        f.choice_field("Kies een dag.", invalid="Kies een van de dagen hieronder."),
        show=_callback_moment,
    ),
    Question(
        "callback_daypart",
        "Welk dagdeel?",
        "Dagdeel",
        f.choice_field("Kies een dagdeel.", invalid="Kies een van de dagdelen hieronder."),
        choices=tuple(DayPart.choices),
        has_row=lambda r: False,  # shown within "Wanneer"
    ),
    Question(
        "topic",
        "Waarover wilt u praten?",
        "Onderwerp",
        f.choice_field("Kies waarover u wilt praten."),
        choices=tuple(CallbackTopic.choices),
    ),
    Question(
        "note",
        "Wilt u er iets over vertellen?",
        "Toelichting",
        f.free_text_field(NOTE_MAX, None, {"rows": 4}),
        help=f"Kort is goed. U kunt niet meer dan {NOTE_MAX} tekens gebruiken.",
        free_text=True,
        empty="Geen",
        csv="zorgen of toelichting",
    ),
    Question(
        "email",
        "E-mailadres",
        "E-mail voor bevestiging",
        f.email_field,
        help="Vult u dit in? Dan sturen wij u een bevestiging met het nummer van uw verzoek.",
        csv="e-mail",
    ),
    Question(
        "may_name_organisation",
        "",
        "Zeggen dat we van {organisation} bellen",
        None,
        # The callback form does not ask; say so rather than guess.
        show=_never_asked(
            f"niet gevraagd: {NAME_ONLY_TO_PARENT[0].lower()}{NAME_ONLY_TO_PARENT[1:]}"
        ),
        staff_section=SAFE_CONTACT,
        caller_rule=lambda r: (NAME_ONLY_TO_PARENT, True),
    ),
)

QUESTIONS = {Kind.ASSESSMENT: ASSESSMENT, Kind.CALLBACK: CALLBACK}


def form_questions(kind) -> tuple[Question, ...]:
    """The questions the kind's form asks, in the order it asks them."""
    return tuple(q for q in QUESTIONS[kind] if q.field is not None)


# The export's question columns; the free text comes last and only with its permission.
CSV_COLUMNS = ("spoed gemeld", "naam", "telefoon", "e-mail", "voicemail mag")
CSV_FREE_TEXT = "zorgen of toelichting"


def csv_question(kind, column) -> Question | None:
    return next((q for q in QUESTIONS[kind] if q.csv == column), None)
