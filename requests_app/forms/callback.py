"""Bel mij terug: a short form for a phone call on a day and part of the day we can call
(requests_app/moments.py: only what the organisation's confirmed hours allow)."""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import formats, timezone

from content.cache import per_version

from ..choices import DayPart, Kind
from ..models import CallbackRequest
from ..moments import callback_days, daypart_choices, dayparts_on
from ..org_facts import org_facts
from ..questions import form_questions
from ..workdays import is_working_day
from .base import PublicForm, fieldset, honeypot, question_form
from .fields import radio


def _offer(today: datetime.date):
    """(days, their radios, the radios for the parts of the day) the form offers from
    ``today``: made once per content version and day, not for every form."""
    offers = per_version("callback_offers", dict, shared=False)
    key = (today, settings.REQUEST_CALLBACK_DAYS)
    offer = offers.get(key)
    if offer is None:
        hours = org_facts().opening_hours
        days = callback_days(today, settings.REQUEST_CALLBACK_DAYS, hours)
        day_choices = [(d.isoformat(), formats.date_format(d, "l j F")) for d in days]
        offer = (days, day_choices, daypart_choices(hours, days))
        if len(offers) > 8:  # yesterday's offers
            offers.clear()
        offers[key] = offer
    return offer


class CallbackDayField(forms.ChoiceField):
    """A day from the offered list; a day offered yesterday stays valid past midnight."""

    def __init__(self, *, days, hours, choices, **kwargs):
        self.days = days
        self.hours = hours
        super().__init__(choices=choices, **kwargs)

    def valid_value(self, value):
        try:
            day = datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            return False
        return (
            bool(self.days)
            and timezone.localdate() <= day <= self.days[-1]
            and is_working_day(day)
            and bool(dayparts_on(self.hours, day))
        )

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
        self.hours = org_facts().opening_hours
        self.today = today or timezone.localdate()
        days, day_choices, part_choices = _offer(self.today)
        declared = self.fields["callback_date"]
        day = CallbackDayField(
            days=days,
            hours=self.hours,
            choices=day_choices,
            label=declared.label,
            help_text=declared.help_text,
            error_messages=declared.error_messages,
            widget=radio(),
        )
        day.marker = declared.marker
        self.fields["callback_date"] = day
        self.fields["callback_daypart"].choices = part_choices

    def clean(self):
        data = super().clean()
        day, part = data.get("callback_date"), data.get("callback_daypart")
        if day and part and part not in dayparts_on(self.hours, day):
            offered = [DayPart(p).label.lower() for p in dayparts_on(self.hours, day)]
            self.add_error(
                "callback_daypart",
                ValidationError(
                    f"Op {formats.date_format(day, 'l')} kunnen wij u alleen "
                    f"{' of '.join(offered)} bellen. Kies een ander dagdeel of een andere dag.",
                    code="daypart_closed",
                ),
            )
        return data

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
