"""E-mail about a new request, sent after the transaction commits.

Two messages, neither with personal data beyond the parent's own address:

* to the intake mailbox: the reference, the kind, "SPOED" when danger was reported,
  and a link to the request in the admin;
* to the parent, when they gave an e-mail address: the reference, what happens next and
  how to reach us. No names, no worries, nothing about health. Not at all when the parent
  said we may not tell anyone we are Bijzonder Jeugdwerk (see ``may_name_us``).

And one more when a request moves to "niet bereikt": to the parent, that we tried to call
and our phone number, only where ``may_mail_unreached`` allows it.

Sending never raises: a failure is recorded on the request (the error's class only) and
``manage.py retry_notifications`` tries again. Each message that went out is recorded in
the request's history, so a retry never sends it twice.

Mail leaves the request's thread (``send_soon``): a slow or refusing relay never holds the
parent's confirmation page. A process that stops before a queued mail went out leaves the
request "pending"; ``retry_notifications`` sends it after REQUEST_NOTIFY_GRACE_SECONDS.
"""

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import connections
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from .choices import EventType, Kind, NotifyOutcome, NotifyState, Recipient, Status
from .models import AssessmentRequest, Request
from .org_facts import org_facts
from .services import record_event

logger = logging.getLogger(__name__)

INTAKE, PARENT, UNREACHED = Recipient.INTAKE, Recipient.PARENT, Recipient.PARENT_UNREACHED
# A mail with one of these outcomes is settled: a retry never sends it (again).
SETTLED = [NotifyOutcome.SENT, NotifyOutcome.WITHHELD, NotifyOutcome.NOT_ASKED]


def may_name_us(req: Request) -> bool:
    """Whether the parent allowed us to show that they are in touch with us.

    A parent who answered "Nee" to "Mogen wij zeggen dat wij van Bijzonder Jeugdwerk
    zijn?" gets no e-mail from us at all. A neutral sender and subject would not hide
    us: the sender's domain, the reply address and our phone number would still tell,
    and a mail in a shared inbox is what that answer asks us to avoid. The parent keeps
    the reference from the confirmation page. The callback form does not ask.
    """
    if req.kind != Kind.ASSESSMENT:
        return True
    details = req if isinstance(req, AssessmentRequest) else req.assessmentrequest
    return details.may_name_organisation


def may_mail_unreached(req: Request) -> bool:
    """Whether a parent we could not reach gets the short "we tried to call you" e-mail.

    Only when they gave an e-mail address and answered "Ja" to "Mogen wij zeggen dat wij
    van Bijzonder Jeugdwerk zijn?". The callback form does not ask that question, and its
    e-mail field promises a confirmation and nothing else: a parent who asked to be phoned
    gets no later mail they did not expect (someone else may read that inbox by then).
    Staff see the request under "niet bereikt" and decide (README: *The callback desk*).
    """
    return bool(req.email) and req.kind == Kind.ASSESSMENT and may_name_us(req)


def mails_the_parent(req: Request) -> bool:
    """Whether the parent gets a confirmation by e-mail (once it is not suspected spam)."""
    return bool(req.email) and may_name_us(req)


def _admin_link(req: Request) -> str:
    try:
        path = reverse("admin:requests_app_request_change", args=[req.pk])
    except NoReverseMatch:  # the admin is not mounted (a stripped-down test setup)
        path = "/" + settings.ADMIN_PATH
    return settings.SITE_URL + path


def intake_message(req: Request) -> EmailMessage:
    context = {
        "reference": req.reference,
        "kind": Kind(req.kind).label,
        "urgent": req.is_urgent,
        "admin_link": _admin_link(req),
    }
    subject = f"Nieuwe aanvraag {req.reference} ({context['kind']})"
    if req.is_urgent:
        subject = f"SPOED – {subject}"
    return EmailMessage(
        subject=subject,
        body=render_to_string("emails/intake_notice.txt", context).strip() + "\n",
        to=[settings.INTAKE_EMAIL],
    )


def parent_message(req: Request) -> EmailMessage:
    org = org_facts()
    context = {"reference": req.reference, "kind": req.kind, "org": org}
    what = "terugbelverzoek" if req.kind == Kind.CALLBACK else "aanvraag"
    return EmailMessage(
        subject=f"Wij hebben uw {what} ontvangen ({req.reference})",
        body=render_to_string("emails/parent_confirmation.txt", context).strip() + "\n",
        to=[req.email],
        # From settings, never from content editors can change: replies may carry health data.
        reply_to=[settings.PARENT_REPLY_TO] if settings.PARENT_REPLY_TO else None,
    )


def unreached_message(req: Request) -> EmailMessage:
    context = {"reference": req.reference, "org": org_facts()}
    return EmailMessage(
        subject=f"Wij konden u niet bereiken ({req.reference})",
        body=render_to_string("emails/parent_unreached.txt", context).strip() + "\n",
        to=[req.email],
        reply_to=[settings.PARENT_REPLY_TO] if settings.PARENT_REPLY_TO else None,
    )


BUILD = {INTAKE: intake_message, PARENT: parent_message, UNREACHED: unreached_message}


def _record(req, recipient, outcome, error=""):
    record_event(req, EventType.NOTIFY, from_value=recipient, to_value=outcome, detail=error)


def _pending(req: Request) -> list[str]:
    """The mails this request still owes, in order; withheld ones are recorded (so staff
    see why the parent has no mail from us) and left out."""
    # One query: the mails settled, and whether the request was ever "niet bereikt".
    seen = list(
        req.events.filter(
            Q(type=EventType.NOTIFY, to_value__in=SETTLED)
            | Q(type=EventType.STATUS, to_value=Status.UNREACHED)
        ).values_list("type", "from_value")
    )
    done = {recipient for kind, recipient in seen if kind == EventType.NOTIFY}
    parts = [INTAKE]
    if req.email:
        parts.append(PARENT)
        if any(kind == EventType.STATUS for kind, _ in seen):
            parts.append(UNREACHED)
    pending = [part for part in parts if part not in done]
    if PARENT in pending and not may_name_us(req):
        pending.remove(PARENT)
        _record(req, PARENT, NotifyOutcome.WITHHELD)
    if UNREACHED in pending and not may_mail_unreached(req):
        pending.remove(UNREACHED)
        why = NotifyOutcome.WITHHELD if req.kind == Kind.ASSESSMENT else NotifyOutcome.NOT_ASKED
        _record(req, UNREACHED, why)
    return pending


def send_notifications(*, request_id: int) -> bool | None:
    """Send what is still unsent for this request. True: all sent; False: a failure
    was recorded; None: nothing to do (spam, gone, or another process is on it).

    The intake notice goes first and each message is tried on its own, so a parent's
    mistyped address never keeps the notice from intake (or the other way round).
    """
    # With the assessment's row (a LEFT JOIN): may_name_us() then needs no query of its own.
    req = Request.objects.select_related("assessmentrequest").filter(pk=request_id).first()
    if req is None or req.is_suspected_spam or req.notify_state == NotifyState.SENT:
        return None
    # Claim this attempt: a second process that read the same count updates no row.
    claimed = Request.objects.filter(pk=req.pk, notify_attempts=req.notify_attempts).update(
        notify_attempts=F("notify_attempts") + 1
    )
    if not claimed:
        return None

    errors = []
    try:
        pending = _pending(req)
        if pending:
            with get_connection(fail_silently=False) as connection:
                for part in pending:
                    try:
                        message = BUILD[part](req)
                        message.connection = connection
                        message.send()
                    except Exception as exc:  # SMTP refusal, a broken template, ...
                        errors.append(type(exc).__name__)
                        _record(req, part, NotifyOutcome.FAILED, type(exc).__name__)
                    else:
                        _record(req, part, NotifyOutcome.SENT)
    except Exception as exc:  # no connection at all: DNS, refused, TLS, timeout
        errors.append(type(exc).__name__)
        _record(req, "", NotifyOutcome.FAILED, type(exc).__name__)

    if errors:
        Request.objects.filter(pk=req.pk).update(
            notify_state=NotifyState.FAILED, notify_error=errors[0][:200]
        )
        logger.warning(
            "E-mail for request %s failed (%s); will be retried", req.reference, errors[0]
        )
        return False
    Request.objects.filter(pk=req.pk).update(
        notify_state=NotifyState.SENT, notify_error="", notified_at=timezone.now()
    )
    return True


def retry_candidates(now=None):
    """Requests whose e-mail failed, or is pending for longer than a normal send takes.

    After REQUEST_NOTIFY_MAX_ATTEMPTS tries a request is left alone (a mistyped address
    will never work); the admin still shows it as failed.
    """
    now = now or timezone.now()
    grace = timedelta(seconds=settings.REQUEST_NOTIFY_GRACE_SECONDS)
    return (
        Request.objects.not_spam()
        .filter(
            Q(notify_state=NotifyState.FAILED)
            | (
                Q(notify_state=NotifyState.PENDING, created_at__lt=now - grace)
                # Just moved to "niet bereikt": its mail is on its way (send_soon) and
                # gets the same grace, counted from that move.
                & ~Q(status=Status.UNREACHED, status_changed_at__gte=now - grace)
            )
        )
        .filter(notify_attempts__lt=settings.REQUEST_NOTIFY_MAX_ATTEMPTS)
        .order_by("created_at")
    )


_executor = None
_executor_lock = threading.Lock()


def _mail_thread() -> ThreadPoolExecutor:
    global _executor
    with _executor_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="mail")
    return _executor


def _send_in_background(request_id: int) -> None:
    try:
        send_notifications(request_id=request_id)
    except Exception:  # never lose the thread; the request stays pending and is retried
        logger.exception("E-mail for request id %s not sent; will be retried", request_id)
    finally:
        connections.close_all()  # this thread's own database connection


def send_soon(*, request_id: int) -> None:
    """Send a request's e-mails without keeping the parent waiting (after commit)."""
    if settings.REQUEST_NOTIFY_IN_BACKGROUND:
        _mail_thread().submit(_send_in_background, request_id)
    else:
        send_notifications(request_id=request_id)
