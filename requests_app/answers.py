"""What a parent sent, laid out for staff: sections of rows, made from the questions.

The staff page, the family dossier (AVG) and the CSV export read answers here; the
parent's check page reads the same ``Question.answer``. Values are plain text;
templates escape them, so a name like ``<script>`` stays text wherever it is shown.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format

from .choices import Kind
from .forms.steps import STEPS
from .models import AssessmentRequest, CallbackRequest, Request
from .questions import CALLBACK, ORGANISATION, QUESTIONS, csv_question
from .text import without_invisible_formatting


@dataclass
class Row:
    label: str
    values: list[str]
    listed: bool = False  # several answers: shown as a list
    multiline: bool = False  # free text: keep the parent's line breaks

    @property
    def value(self) -> str:
        return self.values[0] if self.values else ""


@dataclass
class Section:
    title: str
    rows: list[Row]


def details_of(request: Request):
    """The kind's row, fetched if the caller did not select it already."""
    model = AssessmentRequest if request.kind == Kind.ASSESSMENT else CallbackRequest
    if isinstance(request, model):
        return request
    cached = getattr(request, model._meta.model_name, None)
    return cached if cached is not None else model.objects.get(pk=request.pk)


def _sections(details, groups, organisation_name) -> list[Section]:
    sections: dict[str, Section] = {}
    for title, questions in groups:
        for q in questions:
            if not q.has_row(details):
                continue
            section_title = q.staff_section or title
            section = sections.setdefault(section_title, Section(section_title, []))
            section.rows.append(
                Row(
                    q.staff_label.replace(ORGANISATION, organisation_name),
                    # Rows stored before the forms removed invisible formatting may hold it.
                    [without_invisible_formatting(v) for v in q.answer(details)],
                    listed=q.listed,
                    multiline=q.free_text,
                )
            )
    return list(sections.values())


def submission_sections(request: Request, organisation_name: str) -> list[Section]:
    details = details_of(request)
    if request.kind == Kind.ASSESSMENT:
        groups = [(step.staff_title, step.questions) for step in STEPS]
    else:
        groups = [("Terugbellen", CALLBACK)]
    return [*_sections(details, groups, organisation_name), _consent_section(details)]


@dataclass
class CallerRule:
    text: str
    restricts: bool  # a "don't": shown first and marked, so a hurried caller sees it


def caller_rules(request: Request, organisation_name: str) -> list[CallerRule]:
    """The safe-contact answers as instructions for the caller, the don'ts first."""
    details = details_of(request)
    rules = []
    for q in QUESTIONS[request.kind]:
        if q.caller_rule is not None:
            text, restricts = q.caller_rule(details)
            rules.append(CallerRule(text.replace(ORGANISATION, organisation_name), restricts))
    return sorted(rules, key=lambda rule: not rule.restricts)


def when(value) -> str:
    return date_format(timezone.localtime(value), "j F Y, H:i") if value else ""


def _consent_section(r: Request) -> Section:
    return Section(
        "Toestemming",
        [
            Row("Toestemming gegeven op", [when(r.consent_at)]),
            Row("Versie privacyverklaring", [r.consent_version]),
        ],
    )


def csv_answer(request: Request, column: str) -> str:
    """One question's answer in a CSV cell; '' when the kind does not ask it."""
    q = csv_question(request.kind, column)
    return q.answer_text(details_of(request)) if q else ""
