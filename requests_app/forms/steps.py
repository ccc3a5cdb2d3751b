"""The assessment form's steps: which questions each asks, why, and what it adds.

Staff read the same answers in sections of their own (``staff_title``); a question may
name another section (``Question.staff_section``).
"""

from collections.abc import Callable
from dataclasses import dataclass

from crispy_forms.layout import HTML
from django.template.loader import render_to_string

from ..questions import ASSESSMENT, Question

QUESTION_BY_NAME = {q.name: q for q in ASSESSMENT}


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    why: str
    names: tuple[str, ...]
    staff_title: str
    # Layout items shown after the questions (urgent help, a notice); given the form.
    after: Callable = lambda form: ()

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(QUESTION_BY_NAME[name] for name in self.names)


def urgent_help(form):
    """On the first step: what to do in danger, before anything else is asked."""
    return [HTML(render_to_string("includes/urgent_help.html", {"variant": "form"}))]


def age_notice(form):
    """On the step about the parent: from 16 the child decides for itself."""
    age = form.child_age()
    if age is None or age < 16:
        return []
    return [
        HTML(
            '<div class="notice"><p class="mb-0">Uw kind is 16 jaar of ouder. '
            "Vanaf 16 jaar beslist uw kind zelf over onderzoek en hulp. "
            "Bespreek deze aanvraag daarom met uw kind.</p></div>"
        )
    ]


STEPS = (
    Step(
        "gevaar",
        "Eerst een belangrijke vraag",
        "Wij vragen dit eerst. Dan weten wij of uw aanvraag voorrang moet krijgen.",
        ("is_urgent",),
        "Direct gevaar",
        after=urgent_help,
    ),
    Step(
        "kind",
        "Over uw kind",
        "Zo weten wij over wie uw vraag gaat, en welke hulp past bij de leeftijd van uw kind.",
        ("child_first_name", "child_birth_date", "child_residence"),
        "Het kind",
    ),
    Step(
        "u",
        "Over u",
        "Voor onderzoek bij een kind is toestemming nodig van wie het gezag heeft. "
        "Daarom vragen wij wie u bent en wie over uw kind beslist.",
        (
            "contact_name",
            "relation",
            "relation_other",
            "authority",
            "other_parent_informed",
            "child_informed",
        ),
        "De ouder of verzorger",
        after=age_notice,
    ),
    Step(
        "vraag",
        "Uw vraag",
        "Hoe beter wij uw zorgen begrijpen, hoe beter wij kunnen helpen. "
        "Schrijf het in uw eigen woorden. Er is geen goed of fout.",
        ("worries", "recognised_signs", "help_so_far", "help_other"),
        "De vraag",
    ),
    Step(
        "contact",
        "Hoe wij contact met u opnemen",
        "Vul een telefoonnummer of een e-mailadres in, of allebei. Wij gebruiken ze alleen "
        "voor uw aanvraag. Is het niet veilig als iemand anders hoort of leest dat u hulp "
        "zoekt? Vertel ons hieronder wat wel kan.",
        (
            "phone",
            "email",
            "preferred_channel",
            "best_moments",
            "voicemail_allowed",
            "may_name_organisation",
        ),
        "Contact",
    ),
)
STEP_BY_SLUG = {step.slug: step for step in STEPS}
REVIEW = "controleren"
REVIEW_FIELDS = ("consent",)
