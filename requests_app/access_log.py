"""The access log (NEN 7513): who looked at or changed which request, and when.

Lists count as looking: every queue page, search result and AVG candidate list writes one
line per request shown ("In een lijst getoond"), and a search one line of its own, also
when it found nothing. A search term is a name, an e-mail address or a phone number, so
the log keeps a keyed hash of it (``search_digest``), never the term: two searches for the
same family carry the same digest, and an auditor on the server can compute the digest of
a name or number (``manage.py who_searched``) to find them. Without the key (the
installation's SECRET_KEY) the digest tells nothing, not even by trying every phone number.
"""

import unicodedata

from django.conf import settings
from django.utils.crypto import salted_hmac

from .choices import AccessAction
from .models import AccessLogEntry, Request
from .phones import phone_in_search
from .text import without_invisible_formatting

DIGEST_SALT = "requests_app.access_log.search"
DIGEST_LENGTH = 16  # hex characters: 64 bits, plenty to tell searches apart


def log_access(user, action: str, requests, detail: str = "") -> None:
    """Append one line per request; `requests` is one Request or several."""
    if isinstance(requests, Request):
        requests = [requests]
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(
            user=user,
            action=action,
            request_id_value=r.pk,
            reference=r.reference,
            detail=detail[:200],
        )
        for r in requests
    )


def _normalised(term: str) -> str:
    """One spelling per term: a phone number as stored (E.164), other text folded."""
    phone = phone_in_search(term)
    if phone:
        return phone
    text = unicodedata.normalize("NFKC", without_invisible_formatting(term or ""))
    return " ".join(text.casefold().split())


def search_digest(term: str, *, secret: str | None = None) -> str:
    """A keyed hash of a search term (``#`` and 16 hex digits), the same for every spelling."""
    mac = salted_hmac(DIGEST_SALT, _normalised(term), secret=secret, algorithm="sha256")
    return "#" + mac.hexdigest()[:DIGEST_LENGTH]


def search_digests(term: str) -> list[str]:
    """The term's digest under the current key and each older one (SECRET_KEY_FALLBACKS)."""
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return list(dict.fromkeys(search_digest(term, secret=key) for key in keys))


def _results(count: int) -> str:
    return f"{count} resulta{'at' if count == 1 else 'ten'}"


def log_listing(user, requests, *, where: str, terms=(), total: int | None = None) -> None:
    """A list of requests was shown to `user`: one line per request, and for a search
    one more line with the digest of each term and how many requests it found (`total`,
    which may be more than the page shows)."""
    requests = list(requests)
    digests = " ".join(search_digest(t) for t in terms if t and t.strip())
    lines = []
    if digests:
        count = len(requests) if total is None else total
        lines.append(
            AccessLogEntry(
                user=user,
                action=AccessAction.SEARCH,
                detail=f"{where}: zoekterm {digests}, {_results(count)}"[:200],
            )
        )
    detail = f"{where}, zoekterm {digests}" if digests else where
    lines += [
        AccessLogEntry(
            user=user,
            action=AccessAction.LISTED,
            request_id_value=r.pk,
            reference=r.reference,
            detail=detail[:200],
        )
        for r in requests
    ]
    AccessLogEntry.objects.bulk_create(lines)


def entries_for(request):
    """The log lines about one request, newest first, with their staff member: who opened,
    changed, exported or erased it (being listed in the queue is counted apart)."""
    return (
        AccessLogEntry.objects.filter(request_id_value=request.pk)
        .exclude(action=AccessAction.LISTED)
        .select_related("user")
    )


def times_listed(request) -> int:
    """How often the request was shown in a list (queue, search result, AVG lookup)."""
    return AccessLogEntry.objects.filter(
        request_id_value=request.pk, action=AccessAction.LISTED
    ).count()
