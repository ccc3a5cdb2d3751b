"""Form fields for the parents' forms: text that refuses control characters, Dutch phone
numbers stored in E.164, yes/no radios and a date typed as day, month and year."""

import datetime
import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator

from ..phones import normalise_phone

# Characters a person never types on purpose. Tabs and line breaks are allowed in
# multi-line text only; NUL would also be refused by PostgreSQL.
_ALLOWED_MULTILINE = {"\n", "\r", "\t"}
CONTROL_CHARACTER_MESSAGE = (
    "Hier staat een teken dat wij niet kunnen lezen. Haal het weg of typ de tekst opnieuw."
)


def _has_control_characters(value: str, multiline: bool) -> bool:
    for ch in value:
        if unicodedata.category(ch) == "Cc" and not (multiline and ch in _ALLOWED_MULTILINE):
            return True
    return False


def _is_invisible(value: str) -> bool:
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in value)


class TextField(forms.CharField):
    """A CharField for what parents type: NFC-normalised, no control characters.

    The browser gets no ``maxlength``: it would cut off pasted text without a word.
    The server checks the length and says so.
    """

    def __init__(self, *, multiline=False, **kwargs):
        self.multiline = multiline
        kwargs.setdefault("widget", forms.Textarea if multiline else forms.TextInput)
        super().__init__(**kwargs)
        self.validators = [
            v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)
        ]

    def to_python(self, value):
        value = super().to_python(value)
        if value and _is_invisible(value):
            # Only zero-width spaces, byte-order or direction marks: nothing anyone can
            # read, so it counts as not filled in (strip() leaves these characters).
            return self.empty_value
        return unicodedata.normalize("NFC", value) if value else value

    def validate(self, value):
        # Checked before the length, so a pasted binary blob gets the clearer message.
        if value and _has_control_characters(value, self.multiline):
            raise ValidationError(CONTROL_CHARACTER_MESSAGE, code="control_character")
        super().validate(value)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        attrs.pop("minlength", None)
        return attrs


class PhoneNumberField(TextField):
    """A phone number in any usual Dutch way (06…, +31 6…, 0031…, spaces, dashes); E.164 out."""

    default_error_messages = {
        "invalid": "Vul een geldig telefoonnummer in, zoals 06 12345678 of 0493 327506.",
        # Usually a number with a remark behind it ("06 ... na 18 uur").
        "max_length": "Vul alleen het telefoonnummer in, zonder andere tekst. "
        "Bijvoorbeeld: 06 12345678.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "spellcheck": "false"}),
        )
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        number = normalise_phone(value)
        if number is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number


class EmailAddressField(forms.EmailField):
    """An e-mail address; like every text input here, without a silent ``maxlength``.

    Control characters get the same plain message as in a text field: Django accepts them
    in a quoted address ("..."@example.org), but no parent means them.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 254)
        kwargs.setdefault(
            "widget",
            forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        )
        super().__init__(**kwargs)
        self.validators = [
            v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)
        ]

    def validate(self, value):
        if value and _has_control_characters(value, multiline=False):
            raise ValidationError(CONTROL_CHARACTER_MESSAGE, code="control_character")
        super().validate(value)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


YES_NO = [("ja", "Ja"), ("nee", "Nee")]


class YesNoField(forms.TypedChoiceField):
    """Two radios, Ja and Nee, cleaned to a bool. Never a lone checkbox: 'no' is an answer."""

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", YES_NO)
        kwargs.setdefault("widget", forms.RadioSelect)
        super().__init__(coerce=lambda v: v == "ja", empty_value=None, **kwargs)


# A date as three inputs (GOV.UK pattern): day, month, year.
DATE_PARTS = ("day", "month", "year")
PART_NAMES = {"day": "de dag", "month": "de maand", "year": "het jaar"}

MONTH_NAMES = {
    "jan": 1,
    "januari": 1,
    "feb": 2,
    "febr": 2,
    "februari": 2,
    "mrt": 3,
    "maa": 3,
    "maart": 3,
    "apr": 4,
    "april": 4,
    "mei": 5,
    "jun": 6,
    "juni": 6,
    "jul": 7,
    "juli": 7,
    "aug": 8,
    "augustus": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "okt": 10,
    "oct": 10,
    "oktober": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_DIGITS = re.compile(r"[0-9]{1,4}")


class DatePartsWidget(forms.MultiWidget):
    """Three labelled text inputs; only the parts that are wrong are marked invalid."""

    template_name = "requests_app/widgets/date_parts.html"

    def __init__(self, attrs=None):
        base = {"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false"}
        widgets = {
            "dag": forms.TextInput(attrs={**base, "class": "form-control"}),
            "maand": forms.TextInput(attrs={**base, "class": "form-control"}),
            "jaar": forms.TextInput(attrs={**base, "class": "form-control"}),
        }
        super().__init__(widgets, attrs)
        # Set by DatePartsField.clean: which of day, month, year to mark as wrong.
        self.error_parts = set()

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [str(value.day), str(value.month), str(value.year)]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        labels = ("Dag", "Maand", "Jaar")
        for part, label, sub in zip(
            DATE_PARTS, labels, context["widget"]["subwidgets"], strict=True
        ):
            sub["label"] = label
            sub["part"] = part
            sub_attrs = sub["attrs"]
            invalid = sub_attrs.pop("aria-invalid", None) and (
                not self.error_parts or part in self.error_parts
            )
            if invalid:
                sub_attrs["aria-invalid"] = "true"
                sub_attrs["class"] = sub_attrs.get("class", "") + " is-invalid"
        return context


class DatePartsHiddenWidget(forms.MultiWidget):
    """The same three values carried as hidden inputs between the form's steps."""

    def __init__(self, attrs=None):
        super().__init__(
            {"dag": forms.HiddenInput, "maand": forms.HiddenInput, "jaar": forms.HiddenInput},
            attrs,
        )

    def decompress(self, value):
        return DatePartsWidget.decompress(self, value)


class DatePartsField(forms.MultiValueField):
    widget = DatePartsWidget
    hidden_widget = DatePartsHiddenWidget

    def __init__(self, *, noun="De datum", **kwargs):
        self.noun = noun
        fields = (
            forms.CharField(required=False),
            forms.CharField(required=False),
            forms.CharField(required=False),
        )
        super().__init__(fields, require_all_fields=False, **kwargs)

    def _error(self, message, code, parts):
        self.widget.error_parts = set(parts)
        return ValidationError(message, code=code)

    def clean(self, value):
        self.widget.error_parts = set()
        if not isinstance(value, list | tuple) or len(value) != 3:
            value = [None, None, None]
        raw = dict(zip(DATE_PARTS, ((v or "").strip() for v in value), strict=True))
        missing = [p for p in DATE_PARTS if not raw[p]]
        if len(missing) == 3:
            if self.required:
                raise self._error(self.error_messages["required"], "required", DATE_PARTS)
            return None
        if missing:
            names = " en ".join(PART_NAMES[p] for p in missing)
            raise self._error(
                f"{self.noun} moet compleet zijn: vul ook {names} in.", "incomplete", missing
            )

        day = raw["day"] if _DIGITS.fullmatch(raw["day"]) else None
        month = raw["month"]
        if _DIGITS.fullmatch(month):
            month = int(month)
        else:
            month = MONTH_NAMES.get(month.lower().rstrip("."))
        wrong = [p for p, ok in (("day", day), ("month", month)) if not ok]
        if wrong:
            raise self._error(f"{self.noun} moet een echte datum zijn.", "invalid", wrong)
        if not re.fullmatch(r"[0-9]{4}", raw["year"]):
            raise self._error(
                "Vul het jaar in met 4 cijfers, bijvoorbeeld 2015.", "invalid_year", ["year"]
            )
        try:
            date = datetime.date(int(raw["year"]), month, int(day))
        except ValueError:
            if not 1 <= month <= 12:
                parts = ["month"]
            elif int(raw["year"]) < 1:
                parts = ["year"]
            else:
                parts = ["day"]
            raise self._error(f"{self.noun} moet een echte datum zijn.", "invalid", parts) from None
        return date

    def compress(self, data_list):  # pragma: no cover - clean() does the work
        raise NotImplementedError


# Fields only the server reads, and the plain messages every field falls back on.
def too_long(limit: int, what: str = "Uw tekst") -> str:
    return f"{what} is te lang: gebruik niet meer dan {limit} tekens (nu %(show_value)s)."


EMAIL_ERRORS = {
    "invalid": "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
    "max_length": too_long(254, "Het e-mailadres"),
}

# Django's own messages, to recognise a field that has not been given a plain one.
_DJANGO_REQUIRED = forms.Field.default_error_messages["required"]
_DJANGO_INVALID_CHOICE = (
    forms.ChoiceField.default_error_messages["invalid_choice"],
    forms.MultipleChoiceField.default_error_messages["invalid_choice"],
)
NOT_ON_THE_LIST = "Kies een van de antwoorden bij deze vraag."


def plain_invalid_choice(field: forms.ChoiceField) -> None:
    """An answer that is not on the list (a tampered or outdated page) gets the field's own
    plain question, never Django's "Selecteer een geldige keuze. <what was sent> ..."."""
    if field.error_messages.get("invalid_choice") not in _DJANGO_INVALID_CHOICE:
        return
    required = field.error_messages.get("required")
    message = NOT_ON_THE_LIST if required is _DJANGO_REQUIRED else required
    field.error_messages["invalid_choice"] = message
    field.error_messages["invalid_list"] = message


class ServerOnlyField(forms.CharField):
    """A value only the server reads (the ticket, the honeypot): never an error for the
    parent. What is wrong with it makes the request suspect (see spam.py), not refused."""

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)
        self.validators = []


class SignsField(forms.MultipleChoiceField):
    """The signs a parent ticked. A sign an editor removed while the parent was typing is
    left out (the form keeps only current ones), not sent back as an error."""

    def valid_value(self, value):
        return True


# Builders: a question (questions.py) makes its form field with one of these, passing
# its label, help text and choices.
def radio(widget_class=forms.RadioSelect):
    return widget_class(attrs={"class": "form-check-input"})


SHORT_NAME_ATTRS = {"autocomplete": "off", "spellcheck": "false", "class": "form-control--medium"}
PLACE_ATTRS = {"autocomplete": "address-level2", "class": "form-control--medium"}
PHONE_ATTRS = {
    "type": "tel",
    "autocomplete": "tel",
    "spellcheck": "false",
    "class": "form-control--medium",
}


def _messages(required=None, **more):
    return {**({"required": required} if required else {}), **more}


def name_field(*, label, help_text, choices=()):
    return TextField(
        label=label,
        max_length=120,
        error_messages=_messages("Vul uw naam in.", max_length=too_long(120, "Uw naam")),
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )


def text_field(max_length, required, noun, attrs):
    def build(*, label, help_text, choices=()):
        return TextField(
            label=label,
            help_text=help_text,
            max_length=max_length,
            error_messages=_messages(required, max_length=too_long(max_length, noun)),
            widget=forms.TextInput(attrs=dict(attrs)),
        )

    return build


def optional_text_field(max_length):
    def build(*, label, help_text, choices=()):
        return TextField(
            label=label,
            help_text=help_text,
            required=False,
            max_length=max_length,
            error_messages={"max_length": too_long(max_length)},
        )

    return build


def free_text_field(max_length, required, attrs):
    def build(*, label, help_text, choices=()):
        return TextField(
            multiline=True,
            label=label,
            help_text=help_text,
            required=bool(required),
            max_length=max_length,
            error_messages=_messages(required, max_length=too_long(max_length)),
            widget=forms.Textarea(attrs=dict(attrs)),
        )

    return build


def yes_no_field(required):
    def build(*, label, help_text, choices=()):
        return YesNoField(
            label=label, help_text=help_text, error_messages=_messages(required), widget=radio()
        )

    return build


def choice_field(required, invalid=None):
    def build(*, label, help_text, choices=()):
        return forms.ChoiceField(
            label=label,
            help_text=help_text,
            choices=list(choices),
            required=bool(required),
            error_messages=_messages(required, **({"invalid_choice": invalid} if invalid else {})),
            widget=radio(),
        )

    return build


def multiple_choice_field(required):
    def build(*, label, help_text, choices=()):
        return forms.MultipleChoiceField(
            label=label,
            help_text=help_text,
            choices=list(choices),
            required=bool(required),
            error_messages=_messages(required),
            widget=radio(forms.CheckboxSelectMultiple),
        )

    return build


def signs_field(*, label, help_text, choices=()):
    # The choices are the signs editors keep; the form sets them when it is made.
    return SignsField(
        label=label, help_text=help_text, required=False, widget=radio(forms.CheckboxSelectMultiple)
    )


def birth_date_field(*, label, help_text, choices=()):
    return DatePartsField(
        noun="De geboortedatum",
        label=label,
        help_text=help_text,
        error_messages={"required": "Vul de geboortedatum van uw kind in."},
    )


def phone_field(required):
    def build(*, label, help_text, choices=()):
        return PhoneNumberField(
            label=label,
            help_text=help_text,
            required=bool(required),
            error_messages=_messages(required),
            widget=forms.TextInput(attrs=dict(PHONE_ATTRS)),
        )

    return build


def email_field(*, label, help_text, choices=()):
    return EmailAddressField(
        label=label, help_text=help_text, required=False, error_messages=EMAIL_ERRORS
    )
