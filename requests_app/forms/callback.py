"""Bel mij terug: a short form for a phone call on a working day and day part."""

import datetime

from django import forms
from django.conf import settings
from django.utils import formats, timezone

from ..choices import DayPart, Kind
from ..models import CallbackRequest
from ..org_facts import org_facts
from ..questions import form_questions
from ..workdays import is_working_day, working_days_after
from .base import PublicForm, fieldset, honeypot, question_form
from .fields import radio

NOON = datetime.time(12, 0)
SIX_PM = datetime.time(18, 0)


def _hhmm(t: datetime.time) -> str:
    return f"{t:%-H.%M}"


def dayparts_within(opens: datetime.time | None, closes: datetime.time | None):
    """The day parts that fall (partly) within the opening hours, with their hours.

    Without confirmed hours: morning and afternoon, and no hours promised.
    """
    if opens is None or closes is None:
        return [(part.value, part.label) for part in (DayPart.MORNING, DayPart.AFTERNOON)]
    spans = [
        (DayPart.MORNING, opens, min(closes, NOON)),
        (DayPart.AFTERNOON, max(opens, NOON), min(closes, SIX_PM)),
        (DayPart.EVENING, max(opens, SIX_PM), closes),
    ]
    return [
        (part.value, f"{part.label} (tussen {_hhmm(start)} en {_hhmm(end)} uur)")
        for part, start, end in spans
        if start < end
    ]


def callback_days(today: datetime.date, count: int | None = None):
    """The days a parent may choose: the coming working days, starting tomorrow."""
    return working_days_after(today, count or settings.REQUEST_CALLBACK_DAYS)


class CallbackDayField(forms.ChoiceField):
    """A day from the offered list; a day offered yesterday stays valid past midnight."""

    def __init__(self, *, days, **kwargs):
        self.days = days
        choices = [(d.isoformat(), formats.date_format(d, "l j F")) for d in days]
        super().__init__(choices=choices, **kwargs)

    def valid_value(self, value):
        try:
            day = datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            return False
        return timezone.localdate() <= day <= self.days[-1] and is_working_day(day)

    def clean(self, value):
        value = super().clean(value)
        return datetime.date.fromisoformat(value) if value else None


# The fields, one per question, made from the declarations; the day is made per form.
CallbackQuestions = question_form(
    "CallbackQuestions", PublicForm, CallbackRequest, form_questions(Kind.CALLBACK)
)


class CallbackForm(CallbackQuestions):
    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        facts = org_facts()
        self.today = today or timezone.localdate()
        declared = self.fields["callback_date"]
        day = CallbackDayField(
            days=callback_days(self.today),
            label=declared.label,
            help_text=declared.help_text,
            error_messages=declared.error_messages,
            widget=radio(),
        )
        day.marker = declared.marker
        self.fields["callback_date"] = day
        self.fields["callback_daypart"].choices = dayparts_within(facts.opens_at, facts.closes_at)

    def form_helper(self):
        return self.helper(
            fieldset(
                "Uw gegevens", None, "contact_name", "phone", "voicemail_allowed", heading="h2"
            ),
            fieldset(
                "Wanneer kunnen wij u bellen?",
                None,
                "callback_date",
                "callback_daypart",
                heading="h2",
            ),
            fieldset("Uw vraag", None, "topic", "note", heading="h2"),
            fieldset("Bevestiging en toestemming", None, "email", "consent", heading="h2"),
            honeypot(),
        )
