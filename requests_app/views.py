"""The parents' side: the two forms, their confirmation pages, the rate-limit page.

Thin: the assessment's steps are run by ``forms.flow``; storing is ``submission``;
spam checks are ``spam``. Nothing personal is ever put in a URL. Every page here sends
``Cache-Control: no-store``.
"""

import uuid

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.html import escape
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from content.page_cache import render_kept

from .choices import Kind
from .first_step import first_step
from .forms import flow
from .forms.callback import CallbackForm
from .lookups import stored_with
from .models import Request
from .notifications import mails_the_parent, may_name_us
from .org_facts import org_facts
from .spam import (
    HONEYPOT_FIELD,
    is_flooding,
    is_rate_limited,
    judge,
    read_ticket,
    was_rate_limited,
)
from .submission import (
    ConfirmationExpired,
    confirmation_url,
    request_for_confirmation,
    store_request,
)


def _render(request, template, context=None, status=None):
    """A page of the forms, with the organisation's facts as ``org``."""
    return render(request, template, {"org": org_facts(), **(context or {})}, status=status)


def _already_stored(request) -> Request | None:
    ticket = read_ticket(request.POST.get("ticket"))
    return None if ticket is None else stored_with(ticket.token)


def _store(request, form, kind):
    """Store a valid form once, also over the rate limit (flagged), and say so."""
    if is_flooding(request):
        response = _render(request, "requests_app/flooded.html", status=429)
        add_never_cache_headers(response)
        return response
    ticket = read_ticket(request.POST.get("ticket"))
    verdict = judge(
        honeypot=form.cleaned_data.get(HONEYPOT_FIELD),
        ticket=ticket,
        rate_limited=is_rate_limited(request),
    )
    token = ticket.token if ticket else uuid.uuid4()
    # Both views asked _already_stored() for this ticket a moment ago.
    req, _created = store_request(
        form, kind=kind, token=token, verdict=verdict, looked_up=ticket is not None
    )
    return _stored(request, req)


def _stored(request, req):
    """Where a stored request leads: its confirmation page or, when it came in over the
    rate limit, a page that says it arrived and that a person looks at it first."""
    if not was_rate_limited(req):
        return redirect(confirmation_url(req))
    # Rendered rather than redirected: the 429 tells logs and clients what happened, and
    # a reload re-posts the same ticket, which lands here again and stores nothing new.
    context = {"reference": req.reference, "is_callback": req.kind == Kind.CALLBACK}
    response = _render(request, "requests_app/rate_limited.html", context, status=429)
    add_never_cache_headers(response)
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def assessment(request):
    if request.method in ("GET", "HEAD"):

        def render_first(ticket, csrf_token):
            page = flow.first_page(ticket)
            return _render(request, page.template, {**page.context, **_token(csrf_token)})

        return first_step(request, "assessment", render_first)
    if request.POST.get("actie") == flow.ACTION_SEND:
        stored = _already_stored(request)
        if stored is not None:
            return _stored(request, stored)
    outcome = flow.next_page(request.POST)
    if isinstance(outcome, flow.Page):
        return _render(request, outcome.template, outcome.context)
    return _store(request, outcome, Kind.ASSESSMENT)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def callback(request):
    if request.method in ("GET", "HEAD"):
        return first_step(
            request,
            "callback",
            lambda ticket, csrf_token: _render_callback(
                request, CallbackForm(initial={"ticket": ticket}), extra=_token(csrf_token)
            ),
        )
    stored = _already_stored(request)
    if stored is not None:
        return _stored(request, stored)
    form = CallbackForm(request.POST)
    if not form.is_valid():
        return _render_callback(request, form, show_errors=True)
    return _store(request, form, Kind.CALLBACK)


def _render_callback(request, form, *, show_errors=False, extra=None):
    context = {
        "form": form,
        "helper": form.form_helper(),
        "errors": form.error_items() if show_errors else [],
        **(extra or {}),
    }
    return _render(request, "requests_app/callback_form.html", context)


def _token(csrf_token) -> dict:
    """A placeholder for the CSRF token in a page kept for others (requests_app/first_step)."""
    return {"csrf_token": csrf_token} if csrf_token else {}


@never_cache
@require_safe
def assessment_done(request, token):
    return _confirmation(request, token, Kind.ASSESSMENT, "requests_app/assessment_done.html")


@never_cache
@require_safe
def callback_done(request, token):
    return _confirmation(request, token, Kind.CALLBACK, "requests_app/callback_done.html")


def _confirmation(request, token, kind, template):
    try:
        req = request_for_confirmation(token, kind)
    except ConfirmationExpired:
        return _render(request, "requests_app/confirmation_expired.html", status=410)
    if req is None:
        raise Http404("Onbekende bevestiging")
    variant = {
        "gave_email": bool(req.email),
        "mail_follows": mails_the_parent(req),
        "may_name_us": may_name_us(req),
    }
    # The same page for every parent with the same answers but for the reference: rendered
    # once per content version and kept with a placeholder (content/page_cache.py).
    key = "requests:done:" + template + ":" + "".join(str(int(v)) for v in variant.values())
    return render_kept(
        request,
        key,
        {"reference": escape(req.reference)},
        lambda names: _render(request, template, {**variant, **names}),
    )
