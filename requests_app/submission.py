"""Storing a request: one transaction, a reference number, e-mail only after commit."""

import functools

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from .backup import journal as backup_journal
from .choices import REFERENCE_PREFIX, EventType, Kind, SpamMark
from .lookups import for_confirmation, stored_with
from .models import ReferenceCounter, Request
from .notifications import send_soon
from .services import record_event
from .spam import Verdict

CONFIRMATION_SALT = "requests_app.confirmation"
CONFIRMATION_URL_NAME = {Kind.ASSESSMENT: "assessment_done", Kind.CALLBACK: "callback_done"}


_COUNTER = ReferenceCounter._meta.db_table
# One statement takes the next number: the first request of a year creates its counter.
# Works on PostgreSQL and SQLite (3.35+) alike.
_NEXT_NUMBER = (
    f"INSERT INTO {_COUNTER} (prefix, year, last_number) VALUES (%s, %s, 1) "  # noqa: S608
    f"ON CONFLICT (prefix, year) DO UPDATE SET last_number = {_COUNTER}.last_number + 1 "
    "RETURNING last_number"
)


def next_reference(kind: str, today=None) -> str:
    """Hand out the next number for this kind and year, e.g. OZ-2026-00042.

    In a short transaction of its own, before the request is stored: the counter's row is
    locked only for this one statement, so concurrent submissions wait for each other's
    number, not for each other's whole submission. A submission that fails after taking
    its number leaves a gap in the numbers, never a number given twice.
    """
    prefix = REFERENCE_PREFIX[Kind(kind)]
    year = (today or timezone.localdate()).year
    # One statement: outside a transaction it commits on its own (no BEGIN and COMMIT).
    with connection.cursor() as cursor:
        cursor.execute(_NEXT_NUMBER, [prefix, year])
        (number,) = cursor.fetchone()
    return backup_journal.issued(f"{prefix}-{year}-{number:05d}")


def store_request(
    form, *, kind: str, token, verdict: Verdict | None = None, looked_up: bool = False
) -> tuple[Request, bool]:
    """Save the form's request once per token. Returns (request, created).

    A repeated submit with the same token (double click, back and resubmit, a retried
    POST) returns the request stored the first time, even when both arrive together.
    ``looked_up``: the caller has just found no request with this token (``stored_with``),
    so it is not asked again; two that arrive together are still told apart by the
    token's unique index.
    """
    instance = form.save(commit=False)
    instance.kind = kind
    instance.submission_token = token
    instance.consent_at = timezone.now()
    instance.consent_version = settings.PRIVACY_STATEMENT_VERSION
    verdict = verdict or Verdict((), None)
    instance.is_suspected_spam = bool(verdict.reasons)
    instance.spam_reasons = list(verdict.reasons)
    instance.fill_seconds = verdict.fill_seconds
    # A repeated submit (double click, back and resubmit) takes no number of its own.
    if not looked_up:
        existing = stored_with(token)
        if existing is not None:
            return existing, False
    instance.reference = next_reference(kind)
    try:
        with transaction.atomic():
            instance.save()
            record_event(instance, EventType.CREATED)
            if instance.is_suspected_spam:
                record_event(instance, EventType.SPAM, to_value=SpamMark.SUSPECTED)
            else:
                transaction.on_commit(
                    functools.partial(send_soon, request_id=instance.pk), robust=True
                )
    except IntegrityError:
        existing = stored_with(token)
        if existing is None:
            raise
        return existing, False
    return instance, True


def confirmation_url(req: Request) -> str:
    """A link to the confirmation that cannot be guessed and stops working after a day."""
    value = signing.dumps(req.pk, salt=f"{CONFIRMATION_SALT}.{req.kind}")
    return reverse(f"requests_app:{CONFIRMATION_URL_NAME[Kind(req.kind)]}", args=[value])


class ConfirmationExpired(Exception):
    pass


def request_for_confirmation(value: str, kind: str) -> Request | None:
    """The request a confirmation link points to; None if the link was not ours.

    Raises ConfirmationExpired for a genuine link that is too old.
    """
    if len(value) > 200:
        return None
    try:
        pk = signing.loads(
            value,
            salt=f"{CONFIRMATION_SALT}.{kind}",
            max_age=settings.REQUEST_CONFIRMATION_MAX_AGE,
        )
    except signing.SignatureExpired:
        raise ConfirmationExpired from None
    except signing.BadSignature:
        return None
    if type(pk) is not int:  # not bool either: True == 1
        return None
    return for_confirmation(pk, kind)
