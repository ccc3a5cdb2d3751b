"""Reference numbers (OZ-2026-00042) as the journal, the manifest and the restore read them.

A reference names its counter (prefix and year) and its number. After a restore each
counter must continue above the highest number ever seen anywhere, so that no parent is
given a reference another parent already has on a confirmation page or in an e-mail.
"""

import re
from collections.abc import Iterable

from django.apps import apps

REFERENCE_RE = re.compile(r"^(?P<prefix>[A-Z]{1,4})-(?P<year>\d{4})-(?P<number>\d{1,9})$")

Counters = dict[tuple[str, int], int]


def parse(reference: str) -> tuple[str, int, int] | None:
    """(prefix, year, number) of a reference, or None for anything else."""
    match = REFERENCE_RE.match(reference or "")
    if not match:
        return None
    return match["prefix"], int(match["year"]), int(match["number"])


def highest(references: Iterable[str]) -> Counters:
    """The highest number per (prefix, year) among these references."""
    found: Counters = {}
    for reference in references:
        parsed = parse(reference)
        if parsed:
            prefix, year, number = parsed
            found[prefix, year] = max(found.get((prefix, year), 0), number)
    return found


def merge(*maps: Counters) -> Counters:
    merged: Counters = {}
    for found in maps:
        for key, number in found.items():
            merged[key] = max(merged.get(key, 0), number)
    return merged


def format_reference(prefix: str, year: int, number: int) -> str:
    return f"{prefix}-{year}-{number:05d}"


def _counter_model():
    return apps.get_model("requests_app", "ReferenceCounter")


def stored_counters() -> Counters:
    """What the ReferenceCounter rows say was handed out last."""
    return {
        (prefix, year): last
        for prefix, year, last in _counter_model().objects.values_list(
            "prefix", "year", "last_number"
        )
    }


def references_in_database() -> Counters:
    """The highest reference in every ``reference`` column of the requests app.

    Read generically (every model with a field called ``reference``: requests, the purge
    log, the access log), so a restructured app needs no change here.
    """
    found: Counters = {}
    for model in apps.get_app_config("requests_app").get_models():
        if model._meta.proxy or "reference" not in {f.name for f in model._meta.concrete_fields}:
            continue
        values = model._base_manager.values_list("reference", flat=True).distinct().iterator()
        found = merge(found, highest(values))
    return found


def continue_counters(seen: Counters) -> dict[str, int]:
    """Raise each counter to at least the highest number seen; return what changed."""
    model = _counter_model()
    changed = {}
    for (prefix, year), number in sorted(seen.items()):
        counter, _ = model.objects.get_or_create(prefix=prefix, year=year)
        if counter.last_number < number:
            counter.last_number = number
            counter.save(update_fields=["last_number"])
            changed[f"{prefix}-{year}"] = number
    return changed
