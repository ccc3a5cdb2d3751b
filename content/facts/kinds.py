"""What kind of value a fact holds: how editors enter it, how it is checked and stored,
and what the public API hands out. Stored values are JSON; the API gives Python values."""

import datetime

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError

from .hours import WEEKDAYS, OpeningHours


class Kind:
    """A plain text fact."""

    max_length = 300

    def form_field(self, *, label, help_text) -> forms.Field:
        return forms.CharField(
            label=label,
            help_text=help_text,
            required=False,
            max_length=self.max_length,
            widget=forms.TextInput(attrs={"size": 60}),
        )

    def to_json(self, cleaned):
        """The form's cleaned value as stored JSON; None when nothing was entered."""
        return cleaned or None

    def initial(self, stored):
        """The stored JSON as the form field's initial value."""
        return stored

    def public(self, stored):
        """The stored JSON as the value templates and code receive."""
        return stored

    def display(self, stored) -> str:
        value = self.public(stored)
        return "" if value is None else str(value)


class EmailKind(Kind):
    def form_field(self, *, label, help_text):
        return forms.EmailField(
            label=label,
            help_text=help_text,
            required=False,
            error_messages={"invalid": "Dit is geen geldig e-mailadres, zoals info@voorbeeld.nl."},
        )


class PhoneKind(Kind):
    def form_field(self, *, label, help_text):
        return PhoneField(label=label, help_text=help_text, required=False)


class PhoneField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        try:
            number = phonenumbers.parse(value, "NL")
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise ValidationError(
                "Dit is geen geldig telefoonnummer, zoals 0493 - 327506.", code="invalid"
            )
        return value


class WorkingDaysKind(Kind):
    """A number of working days, e.g. the response time."""

    def form_field(self, *, label, help_text):
        return forms.IntegerField(
            label=label,
            help_text=help_text,
            required=False,
            min_value=1,
            max_value=60,
            error_messages={
                "min_value": "Vul een aantal werkdagen van 1 of meer in.",
                "max_value": "Vul een aantal werkdagen van ten hoogste 60 in.",
                "invalid": "Vul een heel getal in, bijvoorbeeld 3.",
            },
        )

    def to_json(self, cleaned):
        return cleaned

    def display(self, stored):
        if stored is None:
            return ""
        return f"{stored} werkdag{'' if stored == 1 else 'en'}"


class PlacesKind(Kind):
    """A list of place names, one per line."""

    def form_field(self, *, label, help_text):
        return forms.CharField(
            label=label,
            help_text=help_text,
            required=False,
            widget=forms.Textarea(attrs={"rows": 6, "cols": 40}),
        )

    def to_json(self, cleaned):
        names = [line.strip() for line in (cleaned or "").splitlines() if line.strip()]
        return names or None

    def initial(self, stored):
        return "\n".join(stored or [])

    def public(self, stored):
        return tuple(stored) if stored else None

    def display(self, stored):
        return ", ".join(stored or [])


class AgeRangeField(forms.MultiValueField):
    def __init__(self, **kwargs):
        fields = (
            forms.IntegerField(min_value=0, max_value=30),
            forms.IntegerField(min_value=1, max_value=30),
        )
        widget = forms.MultiWidget(
            {
                "van": forms.NumberInput(attrs={"min": 0, "max": 30, "aria-label": "Vanaf"}),
                "tot": forms.NumberInput(attrs={"min": 1, "max": 30, "aria-label": "Tot"}),
            }
        )
        super().__init__(fields, widget=widget, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list or all(v in (None, "") for v in data_list):
            return None
        low, high = data_list
        if low is None or high is None:
            raise ValidationError("Vul beide leeftijden in, of geen van beide.", code="incomplete")
        if high <= low:
            raise ValidationError(
                "De tweede leeftijd moet hoger zijn dan de eerste.", code="age_order"
            )
        return {"min": low, "max": high}


class AgeRangeKind(Kind):
    """Ages in completed years: from ``min`` up to (not including) ``max``."""

    def form_field(self, *, label, help_text):
        return AgeRangeField(label=label, help_text=help_text, required=False)

    def to_json(self, cleaned):
        return cleaned

    def initial(self, stored):
        return [stored["min"], stored["max"]] if stored else [None, None]

    def display(self, stored):
        return f"van {stored['min']} tot {stored['max']} jaar" if stored else ""


class WeekHoursWidget(forms.MultiWidget):
    template_name = "admin/content/fact/week_hours.html"

    def __init__(self):
        widgets = {}
        for name in WEEKDAYS:
            widgets[f"{name}_van"] = forms.TimeInput(
                attrs={"type": "time", "aria-label": f"{name} vanaf"}
            )
            widgets[f"{name}_tot"] = forms.TimeInput(
                attrs={"type": "time", "aria-label": f"{name} tot"}
            )
        super().__init__(widgets)

    def decompress(self, value):
        return value or [None] * 14

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        subs = context["widget"]["subwidgets"]
        context["widget"]["days"] = [
            (day, subs[2 * i], subs[2 * i + 1]) for i, day in enumerate(WEEKDAYS)
        ]
        return context


class WeekHoursField(forms.MultiValueField):
    def __init__(self, **kwargs):
        fields = tuple(forms.TimeField(required=False) for _ in range(14))
        super().__init__(fields, widget=WeekHoursWidget(), require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list:
            return None
        days, problems = {}, []
        for i, name in enumerate(WEEKDAYS):
            opens, closes = data_list[2 * i], data_list[2 * i + 1]
            if opens is None and closes is None:
                continue
            if opens is None or closes is None:
                problems.append(f"Vul voor {name} een begin- én eindtijd in, of laat beide leeg.")
            elif closes <= opens:
                problems.append(f"Op {name} moet de eindtijd na de begintijd liggen.")
            else:
                days[str(i + 1)] = [opens.strftime("%H:%M"), closes.strftime("%H:%M")]
        if problems:
            raise ValidationError(problems, code="hours")
        return days or None


class WeekHoursKind(Kind):
    def form_field(self, *, label, help_text):
        return WeekHoursField(label=label, help_text=help_text, required=False)

    def to_json(self, cleaned):
        return cleaned

    def initial(self, stored):
        values = []
        for i in range(7):
            span = (stored or {}).get(str(i + 1))
            values += [datetime.time.fromisoformat(t) for t in span] if span else [None, None]
        return values

    def public(self, stored):
        return OpeningHours.from_json(stored)


TEXT = Kind()
EMAIL = EmailKind()
PHONE = PhoneKind()
WORKING_DAYS = WorkingDaysKind()
PLACES = PlacesKind()
AGE_RANGE = AgeRangeKind()
WEEK_HOURS = WeekHoursKind()
