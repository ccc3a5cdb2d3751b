"""After a restore: erase again what the journal says was erased, and record it.

Every erasure in the journal is applied, not only those after the backup's time: one erased
before the backup finds nothing to erase, and trusting no clock (hosts' clocks differ, a
backup's time is the snapshot's) means nobody erased slips through a gap between them.
"""

import datetime

from django.apps import apps

from .journal import Erasure

REPLAYED_BY = "herstel (wisjournaal)"


def _chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def erase_again(erasures: dict[str, Erasure]) -> tuple[list[str], list[str]]:
    """Delete requests the journal names; add their purge-log lines where missing.

    Returns (references erased again, references newly written to the purge log). Deleting
    a request removes its details, notes and history with it, as erasure does; the access
    log keeps its lines, as it does after any erasure.
    """
    request_model = apps.get_model("requests_app", "Request")
    purge_log = apps.get_model("requests_app", "PurgeLogEntry")
    erased, logged = [], []
    for chunk in _chunks(sorted(erasures)):
        rows = {
            row["reference"]: row
            for row in request_model._base_manager.filter(reference__in=chunk).values(
                "pk", "reference", "kind", "created_at", "closed_at"
            )
        }
        if rows:
            request_model._base_manager.filter(pk__in=[r["pk"] for r in rows.values()]).delete()
            erased += sorted(rows)
        already = set(
            purge_log.objects.filter(reference__in=chunk).values_list("reference", flat=True)
        )
        missing = [reference for reference in chunk if reference not in already]
        purge_log.objects.bulk_create(
            purge_log(
                at=erasures[reference].at,
                reference=reference,
                kind=erasures[reference].kind or rows.get(reference, {}).get("kind", ""),
                received_at=rows.get(reference, {}).get("created_at"),
                closed_at=rows.get(reference, {}).get("closed_at"),
                reason=erasures[reference].reason,
                performed_by=REPLAYED_BY,
            )
            for reference in missing
        )
        logged += missing
    return erased, logged


def lost_references(
    issued: dict[str, datetime.datetime], erasures: dict[str, Erasure], since: datetime.datetime
) -> list[str]:
    """References handed out since the backup (per the journal) with no request restored.

    Requests sent after the backup: the parent has the reference on a confirmation, and
    intake may have its e-mail. Staff can ask those parents to send it again. (A margin of
    an hour before the backup's time allows for hosts whose clocks differ.)
    """
    request_model = apps.get_model("requests_app", "Request")
    since = since - datetime.timedelta(hours=1)
    candidates = sorted(r for r, at in issued.items() if at >= since and r not in erasures)
    present = set()
    for chunk in _chunks(candidates):
        present |= set(
            request_model._base_manager.filter(reference__in=chunk).values_list(
                "reference", flat=True
            )
        )
    return [reference for reference in candidates if reference not in present]
