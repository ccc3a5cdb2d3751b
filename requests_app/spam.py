"""Spam defence without third parties: a honeypot, a minimum fill time, a rate limit.

Suspected spam is not refused: it is stored, flagged and kept out of the normal queue
(a person decides), so a real parent with an unlucky browser is never lost. That holds
for the rate limit too: parents behind one mobile carrier or school network share an
address, so a submission over the limit is kept and flagged "te vaak verstuurd", and the
parent is told it arrived and will be looked at.
"""

import logging
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django_ratelimit.core import is_ratelimited

from site_config.client_ip import client_ip

from .choices import SpamReason

logger = logging.getLogger(__name__)

TICKET_SALT = "requests_app.form-ticket"
RATE_GROUP = "requests_app:submit"
FLOOD_GROUP = "requests_app:flood"

HONEYPOT_FIELD = "homepage"


def rate_key(group, request) -> str:
    # The same reading of X-Forwarded-For as the login lock-out (TRUSTED_PROXY_COUNT).
    return client_ip(request)


def _over(request, group: str, rate: str) -> bool:
    """Count one submission for this client in ``group``; True once ``rate`` is exceeded.

    Fails open: when the shared cache is down a parent's request is worth more than
    the limit (the honeypot and the fill time still flag what looks automated).
    """
    try:
        return bool(is_ratelimited(request, group=group, key=rate_key, rate=rate, increment=True))
    except Exception as exc:  # any cache client error
        logger.warning("Rate limit not checked: cache unavailable (%s)", type(exc).__name__)
        return False


def is_rate_limited(request) -> bool:
    """Over the normal limit: the request is still stored, flagged for a person to see."""
    return _over(request, RATE_GROUP, settings.REQUEST_RATE_LIMIT)


def is_flooding(request) -> bool:
    """Over the hard ceiling: nothing more is stored from this address for a while."""
    return _over(request, FLOOD_GROUP, settings.REQUEST_FLOOD_LIMIT)


@dataclass(frozen=True)
class Ticket:
    """Issued with a fresh form: the submission's idempotency token and when it started."""

    token: uuid.UUID
    started: float

    def seconds_taken(self, now=None) -> float:
        return (now or time.time()) - self.started


def new_ticket() -> str:
    # Whole seconds, rounded down: a fill time is never negative.
    return signing.dumps({"k": uuid.uuid4().hex, "t": int(time.time())}, salt=TICKET_SALT)


def read_ticket(value) -> Ticket | None:
    """The ticket a form carried, or None when it is missing or was tampered with."""
    if not value or not isinstance(value, str) or len(value) > 200:
        return None
    try:
        data = signing.loads(value, salt=TICKET_SALT)
        return Ticket(token=uuid.UUID(hex=data["k"]), started=float(data["t"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


@dataclass(frozen=True)
class Verdict:
    """Why a submission looks automated (SpamReason codes; none: it does not) and how
    many seconds the form took, for staff to judge."""

    reasons: tuple[str, ...]
    fill_seconds: int | None


def judge(*, honeypot: str, ticket: Ticket | None, rate_limited=False) -> Verdict:
    reasons, seconds = [], None
    if honeypot:
        reasons.append(SpamReason.HONEYPOT)
    if ticket is None:
        reasons.append(SpamReason.NO_TICKET)
    else:
        seconds = round(max(ticket.seconds_taken(), 0))
        if ticket.seconds_taken() < settings.REQUEST_MIN_FILL_SECONDS:
            reasons.append(SpamReason.TOO_FAST)
    if rate_limited:
        reasons.append(SpamReason.RATE_LIMITED)
    return Verdict(tuple(reasons), seconds)


def was_rate_limited(req) -> bool:
    """Whether this request was stored over the rate limit (and waits for a person)."""
    return req.is_suspected_spam and SpamReason.RATE_LIMITED in (req.spam_reasons or [])
