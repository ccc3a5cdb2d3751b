"""What both public forms share: fields made from the questions, the honeypot and the
ticket, consent, Dutch errors in field order, and crispy-forms layout helpers.

Markup follows the NL Design System and GOV.UK form guidance through crispy-forms with
our own field and fieldset templates (``templates/requests_app/crispy/``): label, hint,
error text, then the input; "(optioneel)" on optional fields; radios and checkboxes
in a fieldset; no ``required`` attributes (the form has ``novalidate``; the server says
what is missing, in Dutch).
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Field, Fieldset, Layout
from django import forms
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.html import format_html

from ..org_facts import org_facts
from ..questions import ORGANISATION
from ..spam import HONEYPOT_FIELD
from .fields import DATE_PARTS, DatePartsWidget, ServerOnlyField, plain_invalid_choice

FIELD_TEMPLATE = "requests_app/crispy/field.html"
FIELDSET_TEMPLATE = "requests_app/crispy/fieldset.html"
HONEYPOT_TEMPLATE = "requests_app/crispy/honeypot.html"


def question_form(name, base, model, questions):
    """A ModelForm class whose fields are made from the questions' declarations."""
    meta = type("Meta", (), {"model": model, "fields": [q.name for q in questions]})
    attrs = {q.name: q.form_field() for q in questions if q.field is not None}
    return type(base)(name, (base,), {**attrs, "Meta": meta, "__module__": base.__module__})


def _named(text):
    """`text` with the organisation's name, read when the text is shown (a form that is
    only validated and stored never needs it)."""
    if not isinstance(text, str) or ORGANISATION not in text:
        return text
    return lazy(lambda: text.replace(ORGANISATION, org_facts().organisation_name), str)()


class PublicForm(forms.ModelForm):
    """What both forms share: the honeypot, the ticket, Dutch errors in field order."""

    use_required_attribute = False

    homepage = ServerOnlyField(
        label="Laat dit veld leeg",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    ticket = ServerOnlyField(widget=forms.HiddenInput)

    consent = forms.BooleanField(
        label="Ik geef {organisation} toestemming om deze gegevens te gebruiken voor mijn "
        "aanvraag.",
        error_messages={
            "required": "Geef toestemming door het vakje aan te vinken. Zonder toestemming "
            "kunnen wij uw aanvraag niet behandelen."
        },
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )

    # Fields that are optional only in some cases: a marker other than "(optioneel)".
    markers = {}

    def __init__(self, *args, **kwargs):
        type(self)._prepare()
        super().__init__(*args, **kwargs)
        privacy_url = reverse("content:page", kwargs={"slug": "privacyverklaring"})
        self.fields["consent"].help_text = format_html(
            'Lees in onze <a href="{}" target="_blank" rel="noopener">privacyverklaring '
            "(opent in een nieuw tabblad)</a> hoe wij met uw gegevens omgaan.",
            privacy_url,
        )

    @classmethod
    def _prepare(cls):
        """The markers, the organisation's name and plain errors on the class's own fields,
        once per class: each form gets them with its copy of the fields (Django copies
        ``base_fields`` for every form). The name is read when a text is shown."""
        if cls.__dict__.get("_prepared"):
            return
        for field_name, f in cls.base_fields.items():
            f.marker = cls.markers.get(field_name, "" if f.required else "optioneel")
            f.label = _named(f.label)
            f.help_text = _named(f.help_text)
            f.error_messages = {k: _named(v) for k, v in f.error_messages.items()}
            if isinstance(f, forms.ChoiceField):
                plain_invalid_choice(f)
        cls._prepared = True

    # Errors that stand beside more than one field (phone or e-mail: either answers it);
    # the error summary lists each once, linked to the first of those fields.
    shared_error_codes = frozenset({"no_contact"})

    def error_items(self, names=None):
        """(anchor id, message) for each error, in the order the fields appear."""
        names = list(self.fields) if names is None else names
        items, listed = [], set()
        for name in names:
            for error in self.errors.as_data().get(name, ()):
                if error.code in self.shared_error_codes:
                    if error.code in listed:
                        continue
                    listed.add(error.code)
                items.extend((error_anchor(self[name]), message) for message in error.messages)
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


def fieldset(title, why, *fields, heading="h1"):
    legend = format_html('<{} class="form-step__heading">{}</{}>', heading, title, heading)
    parts = [HTML(format_html('<p class="form-step__why">{}</p>', why))] if why else []
    return Fieldset(legend, *parts, *fields, css_class="form-step", template=FIELDSET_TEMPLATE)


def honeypot():
    return Field(HONEYPOT_FIELD, template=HONEYPOT_TEMPLATE)
