"""The two public forms: Onderzoek aanvragen (in steps) and Bel mij terug.

Markup follows the NL Design System and GOV.UK form guidance through crispy-forms with
our own field and fieldset templates (``templates/requests_app/crispy/``): label, hint,
error text, then the input; "(optioneel)" on optional fields; radios and checkboxes
in a fieldset; no ``required`` attributes (the form has ``novalidate``; the server says
what is missing, in Dutch).
"""

import datetime
from dataclasses import dataclass, field

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Field, Fieldset, Layout
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html

from content.cache import get_site_context

from .fields import PARTS as DATE_PARTS
from .fields import (
    DatePartsField,
    DatePartsWidget,
    EmailAddressField,
    PhoneNumberField,
    TextField,
    YesNoField,
    format_phone,
)
from .models import (
    AssessmentRequest,
    Authority,
    CallbackRequest,
    CallbackTopic,
    Channel,
    DayPart,
    HelpSoFar,
    Relation,
    YesNoUnknown,
)
from .moments import callback_days, daypart_choices, dayparts_on
from .spam import HONEYPOT_FIELD

FIELD_TEMPLATE = "requests_app/crispy/field.html"
FIELDSET_TEMPLATE = "requests_app/crispy/fieldset.html"
HONEYPOT_TEMPLATE = "requests_app/crispy/honeypot.html"

WORRIES_MAX = AssessmentRequest._meta.get_field("worries").max_length
NOTE_MAX = CallbackRequest._meta.get_field("note").max_length


def age_on(birth_date: datetime.date, today: datetime.date) -> int:
    """Completed years, the way a birthday counts them (29 February: 1 March in other years)."""
    years = today.year - birth_date.year
    if (today.month, today.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def _too_long(limit: int, what: str = "Uw tekst") -> str:
    return f"{what} is te lang: gebruik niet meer dan {limit} tekens (nu %(show_value)s)."


EMAIL_ERRORS = {
    "invalid": "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
    "max_length": _too_long(254, "Het e-mailadres"),
}


def _radio(widget_class=forms.RadioSelect):
    return widget_class(attrs={"class": "form-check-input"})


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
    left out (clean_recognised_signs keeps only current ones), not sent back as an error."""

    def valid_value(self, value):
        return True


def name_field():
    return TextField(
        label="Uw naam",
        max_length=120,
        error_messages={"required": "Vul uw naam in.", "max_length": _too_long(120, "Uw naam")},
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )


def phone_input():
    return forms.TextInput(
        attrs={
            "type": "tel",
            "autocomplete": "tel",
            "spellcheck": "false",
            "class": "form-control--medium",
        }
    )


def voicemail_field():
    return YesNoField(
        label="Mogen wij een bericht inspreken als u niet opneemt?",
        error_messages={"required": "Kies of wij een bericht mogen inspreken."},
        widget=_radio(),
    )


class PublicForm(forms.ModelForm):
    """What both forms share: the honeypot, the ticket, Dutch errors in field order."""

    use_required_attribute = False

    homepage = ServerOnlyField(
        label="Laat dit veld leeg",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    ticket = ServerOnlyField(widget=forms.HiddenInput)

    consent = forms.BooleanField(
        label="Ik geef Bijzonder Jeugdwerk toestemming om deze gegevens te gebruiken "
        "voor mijn aanvraag.",
        error_messages={
            "required": "Geef toestemming door het vakje aan te vinken. Zonder toestemming "
            "kunnen wij uw aanvraag niet behandelen."
        },
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )

    # Fields that are optional only in some cases: a marker other than "(optioneel)".
    markers = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, f in self.fields.items():
            f.marker = self.markers.get(name, "" if f.required else "optioneel")
            if isinstance(f, forms.ChoiceField):
                plain_invalid_choice(f)
        privacy_url = reverse("content:page", kwargs={"slug": "privacyverklaring"})
        self.fields["consent"].help_text = format_html(
            'Lees in onze <a href="{}" target="_blank" rel="noopener">privacyverklaring '
            "(opent in een nieuw tabblad)</a> hoe wij met uw gegevens omgaan.",
            privacy_url,
        )

    def error_items(self, names=None):
        """(anchor id, message) for each error, in the order the fields appear."""
        names = list(self.fields) if names is None else names
        items = []
        for name in names:
            if name in self.errors:
                bf = self[name]
                for message in self.errors[name]:
                    items.append((error_anchor(bf), message))
        return items

    def helper(self, *layout):
        helper = FormHelper(self)
        helper.form_tag = False
        helper.disable_csrf = True
        helper.field_template = FIELD_TEMPLATE
        helper.layout = Layout(*layout)
        return helper


def first_input_id(bf) -> str:
    """The id of the field's first input: where a link to the field should land."""
    widget = bf.field.widget
    if isinstance(widget, forms.MultiWidget | forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{bf.auto_id}_0"
    return bf.id_for_label


def error_anchor(bf) -> str:
    """Where the error summary's link should land: the first input that needs fixing."""
    widget = bf.field.widget
    if isinstance(widget, DatePartsWidget) and widget.error_parts:
        return f"{bf.auto_id}_{min(DATE_PARTS.index(p) for p in widget.error_parts)}"
    return first_input_id(bf)


def step_fieldset(title, why, *fields, heading="h1"):
    legend = format_html('<{} class="form-step__heading">{}</{}>', heading, title, heading)
    parts = [HTML(format_html('<p class="form-step__why">{}</p>', why))] if why else []
    return Fieldset(legend, *parts, *fields, css_class="form-step", template=FIELDSET_TEMPLATE)


def honeypot():
    return Field(HONEYPOT_FIELD, template=HONEYPOT_TEMPLATE)


# ---------------------------------------------------------------------------
# Onderzoek aanvragen
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    why: str
    fields: tuple[str, ...]
    extra: tuple = field(default=())


URGENT_HELP = (
    '<div class="urgent-help"><p class="urgent-help__title"><strong>Bij direct gevaar</strong></p>'
    '<ul><li>Bel <a href="tel:112">112</a>.</li>'
    "<li>Zorgen over mishandeling of huiselijk geweld? Bel Veilig Thuis: "
    '<a href="tel:08002000">0800-2000</a> (gratis, dag en nacht).</li></ul>'
    "<p>Daarna kunt u dit formulier gewoon verder invullen.</p></div>"
)

STEPS = (
    Step(
        "gevaar",
        "Eerst een belangrijke vraag",
        "Wij vragen dit eerst. Dan weten wij of uw aanvraag voorrang moet krijgen.",
        ("is_urgent",),
        extra=(HTML(URGENT_HELP),),
    ),
    Step(
        "kind",
        "Over uw kind",
        "Zo weten wij over wie uw vraag gaat, en welke hulp past bij de leeftijd van uw kind.",
        ("child_first_name", "child_birth_date", "child_residence"),
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
    ),
    Step(
        "vraag",
        "Uw vraag",
        "Hoe beter wij uw zorgen begrijpen, hoe beter wij kunnen helpen. "
        "Schrijf het in uw eigen woorden. Er is geen goed of fout.",
        ("worries", "recognised_signs", "help_so_far", "help_other"),
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
    ),
)
STEP_BY_SLUG = {step.slug: step for step in STEPS}
REVIEW = "controleren"
REVIEW_FIELDS = ("consent",)


# The parent reads these; the model's labels are for staff, who know the jargon.
AUTHORITY_CHOICES = [
    (value, {Authority.GUARDIAN: "Een voogd (bijvoorbeeld Jeugdbescherming)"}.get(value, label))
    for value, label in Authority.choices
]


class AssessmentForm(PublicForm):
    markers = {
        "relation_other": "alleen bij ‘Anders’",
        "help_other": "alleen bij ‘Anders’",
        "child_informed": "",
        # One of the two is needed; the step's introduction and the hints say so.
        "phone": "",
        "email": "",
    }

    is_urgent = YesNoField(
        label="Is er nu direct gevaar voor uw kind of voor iemand anders?",
        error_messages={"required": "Kies ‘Ja’ of ‘Nee’: is er nu direct gevaar?"},
        widget=_radio(),
    )

    child_first_name = TextField(
        label="Voornaam van uw kind",
        max_length=80,
        error_messages={
            "required": "Vul de voornaam van uw kind in.",
            "max_length": _too_long(80, "De voornaam"),
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "class": "form-control--medium"}
        ),
    )
    child_birth_date = DatePartsField(
        noun="De geboortedatum",
        label="Geboortedatum van uw kind",
        help_text="Bijvoorbeeld: 27 3 2014",
        error_messages={"required": "Vul de geboortedatum van uw kind in."},
    )
    child_residence = TextField(
        label="Woonplaats van uw kind",
        help_text="De plaats waar uw kind woont. Bijvoorbeeld: Gemert.",
        max_length=80,
        error_messages={
            "required": "Vul de woonplaats van uw kind in.",
            "max_length": _too_long(80, "De woonplaats"),
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "address-level2", "class": "form-control--medium"}
        ),
    )

    contact_name = name_field()
    relation = forms.ChoiceField(
        label="Wat bent u van het kind?",
        choices=Relation.choices,
        error_messages={"required": "Kies wat u van het kind bent."},
        widget=_radio(),
    )
    relation_other = TextField(
        label="Anders, namelijk",
        help_text="Alleen nodig als u ‘Anders’ koos. Bijvoorbeeld: oma.",
        required=False,
        max_length=80,
        error_messages={"max_length": _too_long(80)},
    )
    authority = forms.ChoiceField(
        label="Wie heeft het gezag over uw kind?",
        help_text="Gezag betekent: wie de belangrijke beslissingen over het kind mag nemen.",
        choices=AUTHORITY_CHOICES,
        error_messages={
            "required": "Kies wie het gezag heeft. Weet u het niet? Kies dan ‘Weet ik niet’."
        },
        widget=_radio(),
    )
    other_parent_informed = forms.ChoiceField(
        label="Weet de andere ouder met gezag van deze aanvraag?",
        help_text="Hebben twee ouders samen het gezag? Dan is voor onderzoek bij een kind "
        "onder de 16 jaar meestal toestemming van allebei nodig.",
        choices=[
            (YesNoUnknown.YES, "Ja"),
            (YesNoUnknown.NO, "Nee"),
            (YesNoUnknown.NOT_APPLICABLE, "Er is geen andere ouder met gezag"),
        ],
        error_messages={"required": "Kies of de andere ouder met gezag van deze aanvraag weet."},
        widget=_radio(),
    )
    child_informed = forms.ChoiceField(
        label="Weet uw kind van deze aanvraag, en vindt uw kind het goed?",
        help_text="Uw kind is tussen 12 en 16 jaar. Dan beslist uw kind mee: "
        "voor onderzoek is ook de toestemming van uw kind nodig.",
        choices=[(YesNoUnknown.YES, "Ja"), (YesNoUnknown.NO, "Nee, nog niet")],
        required=False,
        widget=_radio(),
    )

    worries = TextField(
        multiline=True,
        label="Waarover maakt u zich zorgen?",
        help_text="Bijvoorbeeld: wat doet uw kind, sinds wanneer, en hoe vaak? "
        f"U kunt niet meer dan {WORRIES_MAX} tekens gebruiken.",
        max_length=WORRIES_MAX,
        error_messages={
            "required": "Schrijf op waarover u zich zorgen maakt.",
            "max_length": _too_long(WORRIES_MAX),
        },
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "true"}),
    )
    recognised_signs = SignsField(
        label="Welke signalen herkent u bij uw kind?",
        help_text="Kies alles wat past.",
        required=False,
        widget=_radio(forms.CheckboxSelectMultiple),
    )
    help_so_far = forms.MultipleChoiceField(
        label="Welke hulp is er al geweest?",
        help_text="Kies alles wat past.",
        choices=HelpSoFar.choices,
        error_messages={
            "required": "Kies welke hulp er al is geweest. Was er nog geen hulp? "
            "Kies dan ‘Nog geen hulp’."
        },
        widget=_radio(forms.CheckboxSelectMultiple),
    )
    help_other = TextField(
        label="Andere hulp, namelijk",
        help_text="Alleen nodig als u ‘Anders’ koos. Bijvoorbeeld: school of kinderarts.",
        required=False,
        max_length=200,
        error_messages={"max_length": _too_long(200)},
    )

    phone = PhoneNumberField(
        label="Telefoonnummer",
        help_text="Bijvoorbeeld: 06 12345678. Vul een telefoonnummer of een e-mailadres in, "
        "of allebei.",
        required=False,
        widget=phone_input(),
    )
    email = EmailAddressField(
        label="E-mailadres",
        help_text="Wij sturen u een bevestiging met het nummer van uw aanvraag. Kiest u "
        "hieronder dat wij niet mogen zeggen dat wij van Bijzonder Jeugdwerk zijn? "
        "Dan sturen wij geen bevestiging.",
        required=False,
        error_messages=EMAIL_ERRORS,
    )
    preferred_channel = forms.ChoiceField(
        label="Hoe wilt u dat wij contact met u opnemen?",
        choices=Channel.choices,
        error_messages={"required": "Kies hoe wij contact met u opnemen: telefoon of e-mail."},
        widget=_radio(),
    )
    best_moments = forms.MultipleChoiceField(
        label="Wanneer kunnen wij u het best bellen?",
        help_text="Kies alles wat past.",
        choices=DayPart.choices,
        required=False,
        widget=_radio(forms.CheckboxSelectMultiple),
    )
    voicemail_allowed = voicemail_field()
    may_name_organisation = YesNoField(
        label="Mogen wij zeggen dat wij van Bijzonder Jeugdwerk zijn?",
        help_text="Bijvoorbeeld als iemand anders de telefoon opneemt. Kies ‘Nee’ als het "
        "niet veilig is dat anderen weten dat u hulp zoekt. Dan sturen wij u ook geen "
        "bevestiging per e-mail.",
        error_messages={
            "required": "Kies of wij mogen zeggen dat wij van Bijzonder Jeugdwerk zijn."
        },
        widget=_radio(),
    )

    class Meta:
        model = AssessmentRequest
        fields = [
            "is_urgent",
            "child_first_name",
            "child_birth_date",
            "child_residence",
            "contact_name",
            "relation",
            "relation_other",
            "authority",
            "other_parent_informed",
            "child_informed",
            "worries",
            "recognised_signs",
            "help_so_far",
            "help_other",
            "phone",
            "email",
            "preferred_channel",
            "best_moments",
            "voicemail_allowed",
            "may_name_organisation",
        ]

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        # The approved signs list, as the symptoms page shows it (content.publishing).
        self.signs = list(get_site_context().signs)
        self.fields["recognised_signs"].choices = [(str(pk), text) for pk, text in self.signs]

    # -- the child's age decides which consent questions apply ---------------------
    def child_age(self):
        """The child's age from the typed date, or None while it is not a valid date."""
        if hasattr(self, "cleaned_data"):
            birth = self.cleaned_data.get("child_birth_date")
        else:
            bf = self["child_birth_date"]
            saved = bf.field.widget.error_parts
            try:
                birth = bf.field.clean(bf.value())
            except ValidationError:
                birth = None
            finally:
                bf.field.widget.error_parts = saved
            if birth and (birth > self.today or age_on(birth, self.today) >= 100):
                birth = None
        return age_on(birth, self.today) if birth else None

    def asks_child_consent(self, age=None):
        age = self.child_age() if age is None else age
        return age is not None and 12 <= age < 16

    def visible_fields(self, step: Step):
        names = list(step.fields)
        if step.slug == "u" and not self.asks_child_consent():
            names.remove("child_informed")
        if step.slug == "vraag" and not self.signs:
            names.remove("recognised_signs")
        return names

    # -- validation ------------------------------------------------------------------
    def clean_child_birth_date(self):
        birth = self.cleaned_data.get("child_birth_date")
        if birth is None:
            return birth
        if birth > self.today:
            self.fields["child_birth_date"].widget.error_parts = {"day", "month", "year"}
            raise ValidationError("De geboortedatum moet vandaag of eerder zijn.", code="future")
        age = age_on(birth, self.today)
        site = get_site_context()
        ages = site.facts.assessment_ages
        if ages and not ages["min"] <= age < ages["max"]:
            self.fields["child_birth_date"].widget.error_parts = {"day", "month", "year"}
            raise ValidationError(
                f"Wij doen onderzoek bij kinderen en jongeren "
                f"{site.facts.shown['assessment_ages']}. Uw kind is {age} jaar. "
                f"Bel ons gerust op {site.phone}. Dan denken wij met u mee.",
                code="outside_ages",
            )
        if age >= settings.REQUEST_PLAUSIBLE_CHILD_AGE:
            self.fields["child_birth_date"].widget.error_parts = {"year"}
            raise ValidationError(
                f"Klopt het jaar? Met deze geboortedatum is uw kind nu {age} jaar. Deze "
                f"aanvraag is voor kinderen en jongeren. Bel ons gerust op {site.phone}.",
                code="implausible_age",
            )
        return birth

    def clean_recognised_signs(self):
        # A snapshot of the texts the parent saw: editors may reword a sign later.
        chosen = set(self.cleaned_data.get("recognised_signs") or [])
        return [text for pk, text in self.signs if str(pk) in chosen]

    def clean_help_so_far(self):
        chosen = self.cleaned_data.get("help_so_far") or []
        if HelpSoFar.NONE in chosen and len(chosen) > 1:
            raise ValidationError(
                "U koos ‘Nog geen hulp’ en ook een soort hulp. Kies een van beide.",
                code="exclusive",
            )
        return [value for value, _ in HelpSoFar.choices if value in chosen]

    def clean_best_moments(self):
        chosen = self.cleaned_data.get("best_moments") or []
        return [value for value, _ in DayPart.choices if value in chosen]

    def clean(self):
        data = super().clean()
        if data.get("relation") == Relation.OTHER:
            if not data.get("relation_other") and "relation_other" not in self.errors:
                self.add_error(
                    "relation_other",
                    ValidationError("Vul in wat u van het kind bent.", code="required"),
                )
        elif "relation" in data:
            data["relation_other"] = ""

        if HelpSoFar.OTHER in (data.get("help_so_far") or []):
            if not data.get("help_other") and "help_other" not in self.errors:
                self.add_error(
                    "help_other",
                    ValidationError("Vul in welke andere hulp er is geweest.", code="required"),
                )
        elif "help_so_far" in data:
            data["help_other"] = ""

        if (
            data.get("authority") == Authority.BOTH_PARENTS
            and data.get("other_parent_informed") == YesNoUnknown.NOT_APPLICABLE
        ):
            self.add_error(
                "other_parent_informed",
                ValidationError(
                    "U koos dat beide ouders samen het gezag hebben. "
                    "Kies dan of de andere ouder van deze aanvraag weet: ‘Ja’ of ‘Nee’.",
                    code="both_parents",
                ),
            )

        birth = data.get("child_birth_date")
        if birth is not None and self.asks_child_consent(age_on(birth, self.today)):
            if not data.get("child_informed") and "child_informed" not in self.errors:
                self.add_error(
                    "child_informed",
                    ValidationError(
                        "Kies of uw kind van deze aanvraag weet en het goedvindt.",
                        code="required",
                    ),
                )
        else:
            # Not asked at this age, so not shown: whatever came along (a tampered value)
            # must not hold up the form with an error the parent cannot see.
            self.errors.pop("child_informed", None)
            data["child_informed"] = YesNoUnknown.NOT_APPLICABLE

        phone, email = data.get("phone"), data.get("email")
        if not phone and not email and not self.has_error("phone") and not self.has_error("email"):
            self.add_error(
                "phone",
                ValidationError(
                    "Vul een telefoonnummer of een e-mailadres in, of allebei.", code="no_contact"
                ),
            )
        channel = data.get("preferred_channel")
        if channel == Channel.PHONE and not phone and not self.has_error("phone") and email:
            self.add_error(
                "preferred_channel",
                ValidationError(
                    "U koos telefoon, maar vulde geen telefoonnummer in. "
                    "Vul uw nummer in, of kies e-mail.",
                    code="channel_missing",
                ),
            )
        if channel == Channel.EMAIL and not email and not self.has_error("email") and phone:
            self.add_error(
                "preferred_channel",
                ValidationError(
                    "U koos e-mail, maar vulde geen e-mailadres in. "
                    "Vul uw e-mailadres in, of kies telefoon.",
                    code="channel_missing",
                ),
            )
        return data

    # -- steps -----------------------------------------------------------------------
    def step_has_errors(self, step: Step) -> bool:
        return any(name in self.errors for name in step.fields)

    def step_helper(self, step: Step):
        fields = list(self.visible_fields(step))
        if step.slug == "gevaar":
            fields = [*fields, *step.extra]
        if step.slug == "u":
            age = self.child_age()
            if age is not None and age >= 16:
                fields.append(
                    HTML(
                        '<div class="notice"><p class="mb-0">Uw kind is 16 jaar of ouder. '
                        "Vanaf 16 jaar beslist uw kind zelf over onderzoek en hulp. "
                        "Bespreek deze aanvraag daarom met uw kind.</p></div>"
                    )
                )
        return self.helper(step_fieldset(step.title, step.why, *fields), honeypot())

    def review_helper(self):
        return self.helper(
            Fieldset(
                format_html('<h2 class="form-step__heading">{}</h2>', "Toestemming"),
                "consent",
                css_class="form-step",
                template=FIELDSET_TEMPLATE,
            ),
            honeypot(),
        )

    def carried_inputs(self, shown):
        """(name, value) of what was typed on the other pages, to carry as hidden inputs.

        Values go back exactly as the browser sent them (raw, not cleaned), so the next
        POST is the same as if every step had been on one page.
        """
        pairs = []
        for name, f in self.fields.items():
            if name in shown or name == HONEYPOT_FIELD:
                continue
            value = self[name].value()
            if isinstance(f.widget, forms.MultiWidget):
                if not isinstance(value, list | tuple):
                    value = f.widget.decompress(value)
                pairs += [
                    (name + suffix, v)
                    for suffix, v in zip(f.widget.widgets_names, value, strict=False)
                    if v not in (None, "")
                ]
            elif isinstance(f.widget, forms.CheckboxInput):
                if value:
                    pairs.append((name, "on"))
            elif isinstance(value, list | tuple):
                pairs += [(name, v) for v in value]
            elif value not in (None, ""):
                pairs.append((name, value))
        return pairs

    # -- the review page ("Controleer uw gegevens") ----------------------------------
    def summary(self):
        """Sections of (label, values, anchor) rows; call only when every step is valid."""
        d = self.cleaned_data
        label = {name: self.fields[name].label for name in self.fields}

        def choice(name, value):
            return dict(self.fields[name].choices).get(value, value)

        def yes_no(value):
            return "Ja" if value else "Nee"

        birth = d["child_birth_date"]
        relation = choice("relation", d["relation"])
        if d["relation"] == Relation.OTHER:
            relation = f"{relation}: {d['relation_other']}"
        help_so_far = [choice("help_so_far", v) for v in d["help_so_far"]]
        if d.get("help_other"):
            help_so_far[-1] = f"{help_so_far[-1]}: {d['help_other']}"

        rows = {
            "gevaar": [("is_urgent", label["is_urgent"], [yes_no(d["is_urgent"])])],
            "kind": [
                ("child_first_name", label["child_first_name"], [d["child_first_name"]]),
                (
                    "child_birth_date",
                    label["child_birth_date"],
                    [f"{formats.date_format(birth, 'j F Y')} ({age_on(birth, self.today)} jaar)"],
                ),
                ("child_residence", label["child_residence"], [d["child_residence"]]),
            ],
            "u": [
                ("contact_name", label["contact_name"], [d["contact_name"]]),
                ("relation", label["relation"], [relation]),
                ("authority", label["authority"], [choice("authority", d["authority"])]),
                (
                    "other_parent_informed",
                    label["other_parent_informed"],
                    [choice("other_parent_informed", d["other_parent_informed"])],
                ),
            ],
            "vraag": [
                ("worries", label["worries"], [d["worries"]]),
                ("help_so_far", label["help_so_far"], help_so_far),
            ],
            "contact": [
                ("phone", label["phone"], [format_phone(d["phone"]) or "Niet ingevuld"]),
                ("email", label["email"], [d["email"] or "Niet ingevuld"]),
                (
                    "preferred_channel",
                    label["preferred_channel"],
                    [choice("preferred_channel", d["preferred_channel"])],
                ),
                (
                    "best_moments",
                    label["best_moments"],
                    [choice("best_moments", v) for v in d["best_moments"]] or ["Maakt niet uit"],
                ),
                ("voicemail_allowed", label["voicemail_allowed"], [yes_no(d["voicemail_allowed"])]),
                (
                    "may_name_organisation",
                    label["may_name_organisation"],
                    [yes_no(d["may_name_organisation"])],
                ),
            ],
        }
        if d["child_informed"] != YesNoUnknown.NOT_APPLICABLE:
            rows["u"].append(
                (
                    "child_informed",
                    label["child_informed"],
                    [choice("child_informed", d["child_informed"])],
                )
            )
        if self.signs:
            rows["vraag"].insert(
                1,
                ("recognised_signs", label["recognised_signs"], d["recognised_signs"] or ["Geen"]),
            )
        return [
            {
                "step": step,
                "rows": [
                    {"anchor": first_input_id(self[name]), "label": text, "values": values}
                    for name, text, values in rows[step.slug]
                ],
            }
            for step in STEPS
        ]


# ---------------------------------------------------------------------------
# Bel mij terug
# ---------------------------------------------------------------------------
class CallbackDayField(forms.ChoiceField):
    """A day from the offered list; a day offered yesterday stays valid past midnight."""

    def __init__(self, *, days, hours, **kwargs):
        self.days = days
        self.hours = hours
        choices = [(d.isoformat(), formats.date_format(d, "l j F")) for d in days]
        super().__init__(choices=choices, **kwargs)

    def valid_value(self, value):
        try:
            day = datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            return False
        today = timezone.localdate()
        from .triage import is_working_day

        return (
            bool(self.days)
            and today <= day <= self.days[-1]
            and is_working_day(day)
            and bool(dayparts_on(self.hours, day))
        )

    def clean(self, value):
        value = super().clean(value)
        return datetime.date.fromisoformat(value) if value else None


class CallbackForm(PublicForm):
    contact_name = name_field()
    phone = PhoneNumberField(
        label="Telefoonnummer",
        help_text="Bijvoorbeeld: 06 12345678",
        error_messages={"required": "Vul uw telefoonnummer in."},
        widget=phone_input(),
    )
    voicemail_allowed = voicemail_field()
    callback_daypart = forms.ChoiceField(
        label="Welk dagdeel?",
        error_messages={
            "required": "Kies een dagdeel.",
            "invalid_choice": "Kies een van de dagdelen hieronder.",
        },
        widget=_radio(),
    )
    topic = forms.ChoiceField(
        label="Waarover wilt u praten?",
        choices=CallbackTopic.choices,
        error_messages={"required": "Kies waarover u wilt praten."},
        widget=_radio(),
    )
    note = TextField(
        multiline=True,
        label="Wilt u er iets over vertellen?",
        help_text=f"Kort is goed. U kunt niet meer dan {NOTE_MAX} tekens gebruiken.",
        required=False,
        max_length=NOTE_MAX,
        error_messages={"max_length": _too_long(NOTE_MAX)},
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    email = EmailAddressField(
        label="E-mailadres",
        help_text="Vult u dit in? Dan sturen wij u een bevestiging met het nummer van uw verzoek.",
        required=False,
        error_messages=EMAIL_ERRORS,
    )

    class Meta:
        model = CallbackRequest
        fields = [
            "contact_name",
            "phone",
            "voicemail_allowed",
            "callback_date",
            "callback_daypart",
            "topic",
            "note",
            "email",
        ]

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.hours = get_site_context().facts.opening_hours
        self.today = today or timezone.localdate()
        days = callback_days(self.today, settings.REQUEST_CALLBACK_DAYS, self.hours)
        self.fields["callback_date"] = CallbackDayField(
            days=days,
            hours=self.hours,
            label="Op welke dag kunnen wij u bellen?",
            error_messages={
                "required": "Kies een dag.",
                "invalid_choice": "Kies een van de dagen hieronder.",
            },
            widget=_radio(),
        )
        self.fields["callback_daypart"].choices = daypart_choices(self.hours, days)

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
            step_fieldset(
                "Uw gegevens",
                None,
                "contact_name",
                "phone",
                "voicemail_allowed",
                heading="h2",
            ),
            step_fieldset(
                "Wanneer kunnen wij u bellen?",
                None,
                "callback_date",
                "callback_daypart",
                heading="h2",
            ),
            step_fieldset("Uw vraag", None, "topic", "note", heading="h2"),
            step_fieldset(
                "Bevestiging en toestemming",
                None,
                "email",
                "consent",
                heading="h2",
            ),
            honeypot(),
        )
