"""Proposing, confirming and withdrawing a fact: the only code that changes one, and
each change is logged (who, when, old and new value)."""

from django.db import transaction
from django.utils import timezone

from ..cache import invalidate
from ..models import Fact, FactChange
from .registry import FACTS


class FactError(Exception):
    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


def may_confirm(user) -> bool:
    return user.is_active and user.has_perm("content.confirm_fact")


def _log(fact, action, user, old, new):
    FactChange.objects.create(
        fact=fact,
        action=action,
        user=user,
        username=user.get_username() if user is not None else "systeem",
        old_value=old,
        new_value=new,
    )


@transaction.atomic
def propose(fact: Fact, value, *, user) -> bool:
    """Store ``value`` as the proposal; parents keep seeing the confirmed value."""
    fact = Fact.objects.select_for_update().get(pk=fact.pk)
    if fact.value == value:
        return False
    old = fact.value
    Fact.objects.filter(pk=fact.pk).update(value=value, updated_at=timezone.now())
    _log(fact, FactChange.Action.PROPOSED, user, old, value)
    return True


@transaction.atomic
def confirm(fact: Fact, *, user, source: str = "") -> Fact:
    """Make the proposal what parents see. Refused for an empty proposal or without the
    permission; nothing changes then."""
    if not may_confirm(user):
        raise FactError(
            "U mag feiten van de organisatie voorstellen, niet bevestigen. Vraag iemand die "
            "namens de organisatie mag bevestigen.",
            "permission",
        )
    fact = Fact.objects.select_for_update().get(pk=fact.pk)
    if fact.value in (None, "", [], {}):
        raise FactError(
            "Een leeg feit kan niet bevestigd worden. Vul eerst een waarde in.", "empty"
        )
    old = fact.confirmed_value
    Fact.objects.filter(pk=fact.pk).update(
        confirmed_value=fact.value,
        confirmed_by=user,
        confirmed_at=timezone.now(),
        source=source or fact.source,
    )
    _log(fact, FactChange.Action.CONFIRMED, user, old, fact.value)
    invalidate()
    fact.refresh_from_db()
    return fact


@transaction.atomic
def withdraw(fact: Fact, *, user) -> bool:
    """Stop showing a confirmed fact (it is no longer true); the proposal stays."""
    if not may_confirm(user):
        raise FactError(
            "Alleen wie feiten mag bevestigen, kan een bevestiging intrekken.", "permission"
        )
    fact = Fact.objects.select_for_update().get(pk=fact.pk)
    if fact.confirmed_value is None:
        return False
    old = fact.confirmed_value
    Fact.objects.filter(pk=fact.pk).update(
        confirmed_value=None, confirmed_by=None, confirmed_at=None
    )
    _log(fact, FactChange.Action.WITHDRAWN, user, old, None)
    invalidate()
    return True


def seed_facts() -> list[str]:
    """Create each declared fact that is missing: its candidate as a concept, or confirmed
    when the organisation's own text states it. Never touches an existing fact."""
    existing = set(Fact.objects.values_list("key", flat=True))
    created = []
    for spec in FACTS:
        if spec.key in existing:
            continue
        Fact.objects.create(
            key=spec.key,
            value=spec.seed,
            confirmed_value=spec.seed if spec.seed_confirmed else None,
            confirmed_at=timezone.now() if spec.seed_confirmed else None,
            source=spec.source,
        )
        created.append(spec.key)
    if created:
        invalidate()
    return created
