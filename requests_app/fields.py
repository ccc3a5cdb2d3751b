"""Form fields for the parents' forms: text that refuses control characters, Dutch phone
numbers stored in E.164, yes/no radios and a date typed as day, month and year."""

import datetime
import re
import unicodedata

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator

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


def normalise_phone(text: str) -> str | None:
    """A phone number written any usual Dutch way as E.164 (+31612345678); None if it
    is not a valid number. The one parser for the forms, the queue search and the AVG
    lookup, so what a parent typed is found the way it was stored."""
    try:
        number = phonenumbers.parse(text, "NL")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """Show a stored number the way people write it: 06 12345678, +32 ... abroad."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 31
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, fmt)


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


# ---------------------------------------------------------------------------
# A date as three inputs (GOV.UK pattern): day, month, year.
# ---------------------------------------------------------------------------
PARTS = ("day", "month", "year")
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
        for part, label, sub in zip(PARTS, labels, context["widget"]["subwidgets"], strict=True):
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
        raw = dict(zip(PARTS, ((v or "").strip() for v in value), strict=True))
        missing = [p for p in PARTS if not raw[p]]
        if len(missing) == 3:
            if self.required:
                raise self._error(self.error_messages["required"], "required", PARTS)
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
