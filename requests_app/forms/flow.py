"""The assessment's flow between steps: the one owner of what each button does.

What the parent typed travels with each POST in hidden fields; nothing is stored until
they press "Aanvraag versturen" on the check page, after giving consent. Why not the
session: no health data of a child is kept on our side before consent, a draft never
expires while a parent is typing, and any host can serve any step.
"""

from dataclasses import dataclass, field

from .assessment import AssessmentForm
from .steps import REVIEW, REVIEW_FIELDS, STEP_BY_SLUG, STEPS

ACTION_NEXT, ACTION_BACK, ACTION_SEND, ACTION_CHANGE = "verder", "terug", "versturen", "wijzig:"
STEP_TEMPLATE = "requests_app/assessment_step.html"
REVIEW_TEMPLATE = "requests_app/assessment_review.html"


@dataclass
class Page:
    """What to show: a template and its context."""

    template: str
    context: dict = field(default_factory=dict)


def fresh(data):
    """An unbound form showing what was typed, without errors (a step not yet tried)."""
    initial = {
        name: f.widget.value_from_datadict(data, {}, name)
        for name, f in AssessmentForm.base_fields.items()
    }
    return AssessmentForm(initial=initial)


def first_page(ticket: str) -> Page:
    return step_page(AssessmentForm(initial={"ticket": ticket}), STEPS[0], set())


def step_page(form, step, done, *, show_errors=False) -> Page:
    shown = form.visible_fields(step)
    return Page(
        STEP_TEMPLATE,
        {
            "form": form,
            "step": step,
            "step_number": STEPS.index(step) + 1,
            "step_count": len(STEPS),
            "is_first": step is STEPS[0],
            "helper": form.step_helper(step),
            "carried": form.carried_inputs(shown),
            "errors": form.error_items(shown) if show_errors else [],
            "done": ",".join(sorted(done)),
            "is_urgent": step is not STEPS[0] and form["is_urgent"].value() == "ja",
        },
    )


def review_page(form, data, done, *, show_errors=False) -> Page:
    display = form if show_errors else fresh(data)
    return Page(
        REVIEW_TEMPLATE,
        {
            "sections": form.summary(),
            "form": display,
            "helper": display.review_helper(),
            "carried": display.carried_inputs(REVIEW_FIELDS),
            "errors": display.error_items(REVIEW_FIELDS) if show_errors else [],
            "done": ",".join(sorted(done)),
            "step_marker": REVIEW,
            "is_urgent": form.cleaned_data.get("is_urgent"),
        },
    )


def send(data, done) -> Page | AssessmentForm:
    """A valid form to store, or the first page with something to fix."""
    form = AssessmentForm(data)
    if form.is_valid():
        return form
    for step in STEPS:
        if form.step_has_errors(step):
            return step_page(form, step, done, show_errors=True)
    return review_page(form, data, done, show_errors=True)


def next_page(data) -> Page | AssessmentForm:
    """What a POST leads to: another step, the check page, or a valid form to store."""
    action = data.get("actie") or ACTION_NEXT
    current = STEP_BY_SLUG.get(data.get("stap", ""))
    done = set(data.get("klaar", "").split(",")) & set(STEP_BY_SLUG)

    if action == ACTION_SEND:
        return send(data, done)
    if action.startswith(ACTION_CHANGE):
        target = STEP_BY_SLUG.get(action.removeprefix(ACTION_CHANGE), STEPS[0])
        return step_page(fresh(data), target, done)
    if action == ACTION_BACK:
        index = STEPS.index(current) if current else len(STEPS)
        return step_page(fresh(data), STEPS[max(index - 1, 0)], done)

    form = AssessmentForm(data)
    form.is_valid()
    if current is not None:
        if form.step_has_errors(current):
            return step_page(form, current, done, show_errors=True)
        done.add(current.slug)
    for step in STEPS:
        if step.slug not in done or form.step_has_errors(step):
            # Not answered yet, or no longer complete after a change to an earlier step
            # (a new birth date can make the child's own consent a question).
            done.discard(step.slug)
            return step_page(fresh(data), step, done)
    return review_page(form, data, done)
