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
parent's confirmation page. One mail thread per process sends in batches (``send_batch``),
so a rush of parents costs a few statements per batch, not per request. A process that stops before a queued mail went out leaves the
request "pending"; ``retry_notifications`` sends it after REQUEST_NOTIFY_GRACE_SECONDS.
"""

import atexit
import contextlib
import logging
import threading
import time
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import connections
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from .choices import EventType, Kind, NotifyOutcome, NotifyState, Recipient, Status
from .models import AssessmentRequest, Request, RequestEvent
from .org_facts import org_facts

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


def _event(req, recipient, outcome, error="") -> RequestEvent:
    """A line for the request's history: which mail, and what became of it."""
    return RequestEvent(
        request_id=req.pk,
        at=timezone.now(),
        type=EventType.NOTIFY,
        from_value=recipient,
        to_value=outcome,
        detail=error[:60],
    )


def _pending(req: Request, seen: list[tuple[str, str]], events: list) -> list[str]:
    """The mails this request still owes, in order. ``seen``: its settled mails and
    whether it was ever "niet bereikt" (type, recipient). Withheld mails are left out and
    noted in ``events``, so staff see why the parent has no mail from us."""
    done = {recipient for kind, recipient in seen if kind == EventType.NOTIFY}
    parts = [INTAKE]
    if req.email:
        parts.append(PARENT)
        if any(kind == EventType.STATUS for kind, _ in seen):
            parts.append(UNREACHED)
    pending = [part for part in parts if part not in done]
    if PARENT in pending and not may_name_us(req):
        pending.remove(PARENT)
        events.append(_event(req, PARENT, NotifyOutcome.WITHHELD))
    if UNREACHED in pending and not may_mail_unreached(req):
        pending.remove(UNREACHED)
        why = NotifyOutcome.WITHHELD if req.kind == Kind.ASSESSMENT else NotifyOutcome.NOT_ASKED
        events.append(_event(req, UNREACHED, why))
    return pending


def _claim(reqs: list[Request]) -> list[Request]:
    """The requests this process may send for: each one's attempt counted up here, in
    one statement per attempt count; a request another process claimed first (it read
    the same count) is left to it."""
    by_attempts = defaultdict(list)
    for req in reqs:
        by_attempts[req.notify_attempts].append(req.pk)
    table, pk = Request._meta.db_table, Request._meta.pk.column
    claimed = set()
    with connections[Request.objects.db].cursor() as cursor:
        for attempts, pks in by_attempts.items():
            marks = ", ".join(["%s"] * len(pks))
            cursor.execute(
                f"UPDATE {table} SET notify_attempts = notify_attempts + 1 "  # noqa: S608
                f"WHERE notify_attempts = %s AND {pk} IN ({marks}) RETURNING {pk}",
                [attempts, *pks],
            )
            claimed.update(row[0] for row in cursor.fetchall())
    return [req for req in reqs if req.pk in claimed]


def send_notifications(*, request_id: int) -> bool | None:
    """Send what is still unsent for this request. True: all sent; False: a failure
    was recorded; None: nothing to do (spam, gone, or another process is on it)."""
    return send_batch([request_id])[request_id]


def send_batch(request_ids) -> dict[int, bool | None]:
    """Send what is still unsent for each of these requests, over one connection to the
    relay and with a few statements for all of them (a rush of parents sends its mail in
    batches). Per request as ``send_notifications`` says.

    The intake notice goes first and each message is tried on its own, so a parent's
    mistyped address never keeps the notice from intake (or the other way round). Each
    request's history gets its lines as soon as its mails went out.
    """
    results: dict[int, bool | None] = dict.fromkeys(request_ids)
    # With the assessment's row (a LEFT JOIN): may_name_us() then needs no query of its own.
    candidates = list(
        Request.objects.select_related("assessmentrequest")
        .filter(pk__in=results, is_suspected_spam=False)
        .exclude(notify_state=NotifyState.SENT)
        .order_by("pk")
    )
    reqs = _claim(candidates)
    if not reqs:
        return results
    seen = _settled(reqs)
    todo = []
    for req in reqs:
        events = []
        todo.append((req, _pending(req, seen[req.pk], events), events))
    errors = _send_all(todo)
    for req in reqs:
        results[req.pk] = req.pk not in errors
    _note_outcome(reqs, errors)
    return results


def _settled(reqs) -> dict[int, list[tuple[str, str]]]:
    """In one query: each request's settled mails, and whether it was ever "niet bereikt"
    (type, recipient)."""
    seen = defaultdict(list)
    for request_id, kind, recipient in RequestEvent.objects.filter(
        Q(type=EventType.NOTIFY, to_value__in=SETTLED)
        | Q(type=EventType.STATUS, to_value=Status.UNREACHED),
        request_id__in=[req.pk for req in reqs],
    ).values_list("request_id", "type", "from_value"):
        seen[request_id].append((kind, recipient))
    return seen


def _send_all(todo) -> dict[int, str]:
    """Send each (request, its pending mails, its history lines so far) over one relay
    connection; the error (its class) per request that had one."""
    errors: dict[int, str] = {}
    try:
        relay = get_connection(fail_silently=False) if any(p for _, p, _ in todo) else None
        with relay or contextlib.nullcontext():
            for req, pending, events in todo:
                for part in pending:
                    try:
                        message = BUILD[part](req)
                        message.connection = relay
                        message.send()
                    except Exception as exc:  # SMTP refusal, a broken template, ...
                        errors.setdefault(req.pk, type(exc).__name__)
                        events.append(_event(req, part, NotifyOutcome.FAILED, type(exc).__name__))
                    else:
                        events.append(_event(req, part, NotifyOutcome.SENT))
                RequestEvent.objects.bulk_create(events)
                events.clear()
    except Exception as exc:  # no connection at all: DNS, refused, TLS, timeout
        failed = []
        for req, pending, events in todo:
            if pending and req.pk not in errors:
                errors[req.pk] = type(exc).__name__
                failed.append(_event(req, "", NotifyOutcome.FAILED, type(exc).__name__))
            failed.extend(events)
        RequestEvent.objects.bulk_create(failed)
    return errors


def _note_outcome(reqs, errors: dict[int, str]) -> None:
    """Each request's notification state: sent, or failed with its error (retried)."""
    for req in reqs:
        if req.pk in errors:
            Request.objects.filter(pk=req.pk).update(
                notify_state=NotifyState.FAILED, notify_error=errors[req.pk][:200]
            )
            logger.warning(
                "E-mail for request %s failed (%s); will be retried", req.reference, errors[req.pk]
            )
    sent = [req.pk for req in reqs if req.pk not in errors]
    if sent:
        Request.objects.filter(pk__in=sent).update(
            notify_state=NotifyState.SENT, notify_error="", notified_at=timezone.now()
        )


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


class _MailThread:
    """One thread per process that sends the mail of stored requests in batches: it
    waits REQUEST_NOTIFY_GATHER_SECONDS after the first request it is handed, so the
    requests of a rush share one batch (a few statements and one relay connection for
    all of them instead of for each). What it still holds when the process stops is sent
    before the process exits; a request it never got to stays "pending" and
    retry_notifications sends it after REQUEST_NOTIFY_GRACE_SECONDS."""

    BATCH = 100

    def __init__(self):
        self._ids: list[int] = []
        self._waiting = threading.Condition()
        self._thread = None
        atexit.register(self.flush)

    def put(self, request_id: int) -> None:
        with self._waiting:
            self._ids.append(request_id)
            self._waiting.notify()
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="mail", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            with self._waiting:
                self._waiting.wait_for(lambda: self._ids)
            time.sleep(settings.REQUEST_NOTIFY_GATHER_SECONDS)
            self._send(self._take())

    def _take(self) -> list[int]:
        with self._waiting:
            ids, self._ids = self._ids, []
        return ids

    def _send(self, ids: list[int]) -> None:
        for start in range(0, len(ids), self.BATCH):
            batch = ids[start : start + self.BATCH]
            try:
                send_batch(batch)
            except Exception:  # never lose the thread; the requests stay pending
                logger.exception("E-mail for %d request(s) not sent; will be retried", len(batch))
            finally:
                connections.close_all()  # this thread's own database connection

    def flush(self) -> None:
        """Send what is still waiting (at exit: a worker that is recycled or stopped)."""
        self._send(self._take())


_mail_thread = _MailThread()


def send_soon(*, request_id: int) -> None:
    """Send a request's e-mails without keeping the parent waiting (after commit)."""
    if settings.REQUEST_NOTIFY_IN_BACKGROUND:
        _mail_thread.put(request_id)
    else:
        send_notifications(request_id=request_id)
