"""Onderzoek aanvragen: the form behind the steps, its rules across questions, and the
check page ("Controleer uw gegevens") made from the same answers staff will read."""

from crispy_forms.layout import Fieldset
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import format_html

from content.cache import get_site_context

from ..choices import Authority, Channel, DayPart, HelpSoFar, Relation, YesNoUnknown
from ..models import AssessmentRequest
from ..org_facts import org_facts
from ..questions import ASSESSMENT, age_on
from ..spam import HONEYPOT_FIELD
from .base import (
    FIELDSET_TEMPLATE,
    PublicForm,
    fieldset,
    first_input_id,
    honeypot,
    question_form,
)
from .carry import carried_inputs
from .steps import STEPS, Step

# The fields, one per question, made from the declarations.
AssessmentQuestions = question_form(
    "AssessmentQuestions", PublicForm, AssessmentRequest, ASSESSMENT
)


class AssessmentForm(AssessmentQuestions):
    markers = {
        "relation_other": "alleen bij ‘Anders’",
        "help_other": "alleen bij ‘Anders’",
        "child_informed": "",
        # One of the two is needed; the step's introduction and the hints say so.
        "phone": "",
        "email": "",
    }

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

    def is_asked(self, name) -> bool:
        """Whether the form asks this question now (some depend on earlier answers)."""
        if name == "child_informed":
            return self.asks_child_consent()
        if name == "recognised_signs":
            return bool(self.signs)
        return True

    def visible_fields(self, step: Step):
        return [name for name in step.names if self.is_asked(name)]

    # -- validation ------------------------------------------------------------------
    def clean_child_birth_date(self):
        birth = self.cleaned_data.get("child_birth_date")
        if birth is None:
            return birth
        widget = self.fields["child_birth_date"].widget
        if birth > self.today:
            widget.error_parts = {"day", "month", "year"}
            raise ValidationError("De geboortedatum moet vandaag of eerder zijn.", code="future")
        age, org = age_on(birth, self.today), org_facts()
        ages = org.assessment_ages
        if ages and not ages["min"] <= age < ages["max"]:
            widget.error_parts = {"day", "month", "year"}
            raise ValidationError(
                f"Wij doen onderzoek bij kinderen en jongeren {org.assessment_ages_text}. "
                f"Uw kind is {age} jaar. Bel ons gerust op {org.phone}. Dan denken wij met "
                "u mee.",
                code="outside_ages",
            )
        if age >= settings.REQUEST_PLAUSIBLE_CHILD_AGE:
            widget.error_parts = {"year"}
            raise ValidationError(
                f"Klopt het jaar? Met deze geboortedatum is uw kind nu {age} jaar. Deze "
                f"aanvraag is voor kinderen en jongeren. Bel ons gerust op {org.phone}.",
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
        return [value for value in HelpSoFar.values if value in chosen]

    def clean_best_moments(self):
        chosen = self.cleaned_data.get("best_moments") or []
        return [value for value in DayPart.values if value in chosen]

    def clean(self):
        data = super().clean()
        self._clean_other(
            "relation", Relation.OTHER, "relation_other", "Vul in wat u van het kind bent."
        )
        self._clean_other(
            "help_so_far", HelpSoFar.OTHER, "help_other", "Vul in welke andere hulp er is geweest."
        )
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
        self._clean_child_consent(data)
        self._clean_contact(data)
        return data

    def _clean_other(self, name, other, words_field, message):
        """‘Anders’ needs the parent's own words; any other answer drops them."""
        data = self.cleaned_data
        chosen = data.get(name)
        if chosen == other or (isinstance(chosen, list) and other in chosen):
            if not data.get(words_field) and words_field not in self.errors:
                self.add_error(words_field, ValidationError(message, code="required"))
        elif name in data:
            data[words_field] = ""

    def _clean_child_consent(self, data):
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

    def _clean_contact(self, data):
        phone, email = data.get("phone"), data.get("email")
        phone_ok, email_ok = not self.has_error("phone"), not self.has_error("email")
        if not phone and not email and phone_ok and email_ok:
            # Beside both fields (either one answers it); the summary lists it once.
            for name in ("phone", "email"):
                self.add_error(
                    name,
                    ValidationError(
                        "Vul een telefoonnummer of een e-mailadres in, of allebei.",
                        code="no_contact",
                    ),
                )
        channel = data.get("preferred_channel")
        if channel == Channel.PHONE and not phone and phone_ok and email:
            message = "U koos telefoon, maar vulde geen telefoonnummer in. Vul uw nummer in, of kies e-mail."
        elif channel == Channel.EMAIL and not email and email_ok and phone:
            message = "U koos e-mail, maar vulde geen e-mailadres in. Vul uw e-mailadres in, of kies telefoon."
        else:
            return
        self.add_error("preferred_channel", ValidationError(message, code="channel_missing"))

    # -- the pages -------------------------------------------------------------------
    def step_has_errors(self, step: Step) -> bool:
        return any(name in self.errors for name in step.names)

    def step_helper(self, step: Step):
        fields = [*self.visible_fields(step), *step.after(self)]
        return self.helper(fieldset(step.title, step.why, *fields), honeypot())

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
        return carried_inputs(self, [*shown, HONEYPOT_FIELD])

    def summary(self):
        """The check page: per step, (anchor, label, answers) made from the questions'
        declarations and the answers as they will be stored (``self.instance``, filled
        in by a valid form), the same way the staff page shows them."""
        sections = []
        for step in STEPS:
            rows = []
            for q in step.questions:
                if not q.has_row(self.instance) or not self.is_asked(q.name):
                    continue
                label = self.fields[q.name].label
                rows.append(
                    {
                        "anchor": first_input_id(self[q.name]),
                        "label": label,
                        "values": q.answer(self.instance),
                    }
                )
            sections.append({"step": step, "rows": rows})
        return sections
