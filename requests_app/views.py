"""The parents' side: the two forms, their confirmation pages, the rate-limit page.

The assessment request is a few short steps and a review page. What the parent typed
travels with each POST in hidden fields; nothing is stored until they press
"Aanvraag versturen" on the review page, after giving consent. Why not the session:
no health data of a child is kept on our side before consent, a draft never expires
while a parent is typing, and any host can serve any step. Nothing personal is ever
put in a URL. Every page here sends ``Cache-Control: no-store``.
"""

import uuid

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from .forms import REVIEW, STEP_BY_SLUG, STEPS, AssessmentForm, CallbackForm
from .models import Kind, Request
from .notifications import mails_the_parent, may_name_us
from .spam import (
    HONEYPOT_FIELD,
    is_flooding,
    is_rate_limited,
    new_ticket,
    read_ticket,
    spam_reasons,
    was_rate_limited,
)
from .submission import (
    ConfirmationExpired,
    confirmation_url,
    request_for_confirmation,
    store_request,
)

ACTION_NEXT, ACTION_BACK, ACTION_SEND, ACTION_CHANGE = "verder", "terug", "versturen", "wijzig:"


def _already_stored(ticket) -> Request | None:
    if ticket is None:
        return None
    return (
        Request.objects.only("pk", "kind", "reference", "is_suspected_spam", "spam_reasons")
        .filter(submission_token=ticket.token)
        .first()
    )


def _store(request, form, kind):
    """Store a valid form once, also over the rate limit (flagged), and say so."""
    if is_flooding(request):
        response = render(request, "requests_app/flooded.html", status=429)
        add_never_cache_headers(response)
        return response
    ticket = read_ticket(request.POST.get("ticket"))
    reasons = spam_reasons(
        honeypot=form.cleaned_data.get(HONEYPOT_FIELD),
        ticket=ticket,
        rate_limited=is_rate_limited(request),
    )
    token = ticket.token if ticket else uuid.uuid4()
    req, _created = store_request(form, kind=kind, token=token, spam_reasons=reasons)
    return _stored(request, req)


def _stored(request, req):
    """Where a stored request leads: its confirmation page or, when it came in over the
    rate limit, a page that says it arrived and that a person looks at it first."""
    if was_rate_limited(req):
        return rate_limited(request, req)
    return redirect(confirmation_url(req))


def rate_limited(request, req):
    # Rendered rather than redirected: the 429 tells logs and clients what happened, and
    # a reload re-posts the same ticket, which lands here again and stores nothing new.
    context = {"reference": req.reference, "is_callback": req.kind == Kind.CALLBACK}
    response = render(request, "requests_app/rate_limited.html", context, status=429)
    add_never_cache_headers(response)
    return response


# ---------------------------------------------------------------------------
# Onderzoek aanvragen
# ---------------------------------------------------------------------------
def _fresh(data):
    """An unbound form showing what was typed, without errors (a step not yet tried)."""
    initial = {
        name: field.widget.value_from_datadict(data, {}, name)
        for name, field in AssessmentForm.base_fields.items()
    }
    return AssessmentForm(initial=initial)


def _done_steps(data) -> set[str]:
    return set(data.get("klaar", "").split(",")) & set(STEP_BY_SLUG)


def _render_step(request, form, step, done, *, show_errors=False):
    shown = form.visible_fields(step)
    errors = form.error_items(shown) if show_errors else []
    context = {
        "form": form,
        "step": step,
        "step_number": STEPS.index(step) + 1,
        "step_count": len(STEPS),
        "is_first": step is STEPS[0],
        "helper": form.step_helper(step),
        "carried": form.carried_inputs(shown),
        "errors": errors,
        "done": ",".join(sorted(done)),
        "is_urgent": step is not STEPS[0] and form["is_urgent"].value() == "ja",
    }
    return render(request, "requests_app/assessment_step.html", context)


def _render_review(request, form, done, *, show_errors=False):
    display = form if show_errors else _fresh(request.POST)
    context = {
        "sections": form.summary(),
        "form": display,
        "helper": display.review_helper(),
        "carried": display.carried_inputs(["consent"]),
        "errors": display.error_items(["consent"]) if show_errors else [],
        "done": ",".join(sorted(done)),
        "step_marker": REVIEW,
        "is_urgent": form.cleaned_data.get("is_urgent"),
    }
    return render(request, "requests_app/assessment_review.html", context)


def _send(request, done):
    stored = _already_stored(read_ticket(request.POST.get("ticket")))
    if stored is not None:
        return _stored(request, stored)
    form = AssessmentForm(request.POST)
    if not form.is_valid():
        for step in STEPS:
            if form.step_has_errors(step):
                return _render_step(request, form, step, done, show_errors=True)
        return _render_review(request, form, done, show_errors=True)
    return _store(request, form, Kind.ASSESSMENT)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def assessment(request):
    if request.method in ("GET", "HEAD"):
        form = AssessmentForm(initial={"ticket": new_ticket()})
        return _render_step(request, form, STEPS[0], set())

    data = request.POST
    action = data.get("actie") or ACTION_NEXT
    current = STEP_BY_SLUG.get(data.get("stap", ""))
    done = _done_steps(data)

    if action == ACTION_SEND:
        return _send(request, done)
    if action.startswith(ACTION_CHANGE):
        target = STEP_BY_SLUG.get(action.removeprefix(ACTION_CHANGE), STEPS[0])
        return _render_step(request, _fresh(data), target, done)
    if action == ACTION_BACK:
        index = STEPS.index(current) if current else len(STEPS)
        return _render_step(request, _fresh(data), STEPS[max(index - 1, 0)], done)

    form = AssessmentForm(data)
    form.is_valid()
    if current is not None:
        if form.step_has_errors(current):
            return _render_step(request, form, current, done, show_errors=True)
        done.add(current.slug)
    for step in STEPS:
        if step.slug not in done or form.step_has_errors(step):
            # Not answered yet, or no longer complete after a change to an earlier step
            # (a new birth date can make the child's own consent a question).
            done.discard(step.slug)
            return _render_step(request, _fresh(data), step, done)
    return _render_review(request, form, done)


@never_cache
@require_safe
def assessment_done(request, token):
    return _confirmation(request, token, Kind.ASSESSMENT, "requests_app/assessment_done.html")


# ---------------------------------------------------------------------------
# Bel mij terug
# ---------------------------------------------------------------------------
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def callback(request):
    if request.method in ("GET", "HEAD"):
        form = CallbackForm(initial={"ticket": new_ticket()})
        return _render_callback(request, form)
    stored = _already_stored(read_ticket(request.POST.get("ticket")))
    if stored is not None:
        return _stored(request, stored)
    form = CallbackForm(request.POST)
    if not form.is_valid():
        return _render_callback(request, form, show_errors=True)
    return _store(request, form, Kind.CALLBACK)


def _render_callback(request, form, *, show_errors=False):
    context = {
        "form": form,
        "helper": form.form_helper(),
        "errors": form.error_items() if show_errors else [],
    }
    return render(request, "requests_app/callback_form.html", context)


@never_cache
@require_safe
def callback_done(request, token):
    return _confirmation(request, token, Kind.CALLBACK, "requests_app/callback_done.html")


def _confirmation(request, token, kind, template):
    try:
        req = request_for_confirmation(token, kind)
    except ConfirmationExpired:
        return render(request, "requests_app/confirmation_expired.html", status=410)
    if req is None:
        raise Http404("Onbekende bevestiging")
    context = {
        "reference": req.reference,
        "gave_email": bool(req.email),
        "mail_follows": mails_the_parent(req),
        "may_name_us": may_name_us(req),
    }
    return render(request, template, context)
