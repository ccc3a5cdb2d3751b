"""The organisation's facts as stored: a proposal, and what was confirmed (and by whom)."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from ..facts.registry import BY_KEY


class Fact(models.Model):
    """One fact of the organisation. ``confirmed_value`` is what parents may see.

    Editors change ``value`` (a proposal); someone allowed to confirm copies it to
    ``confirmed_value``. Until then parents keep seeing the last confirmed value, or
    nothing at all.
    """

    class State(models.TextChoices):
        CONFIRMED = "confirmed", "Bevestigd"
        CONCEPT = "concept", "Concept"
        CHANGED = "changed", "Gewijzigd: wacht op bevestiging"

    # One of the keys declared in content/facts/registry.py (no choices here: declaring a
    # new fact must not need a migration).
    key = models.CharField("feit", max_length=40, unique=True)
    value = models.JSONField("voorstel", null=True, blank=True)
    confirmed_value = models.JSONField("bevestigde waarde", null=True, blank=True, editable=False)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="bevestigd door",
    )
    confirmed_at = models.DateTimeField("bevestigd op", null=True, blank=True, editable=False)
    source = models.CharField(
        "bron",
        max_length=200,
        blank=True,
        help_text="Waar de bevestiging op steunt. Bijvoorbeeld: 'besluit directie 3 maart'.",
    )
    updated_at = models.DateTimeField("laatst gewijzigd", auto_now=True)

    class Meta:
        verbose_name = "feit van de organisatie"
        verbose_name_plural = "feiten van de organisatie"
        ordering = ["pk"]
        permissions = [("confirm_fact", "Mag feiten van de organisatie bevestigen")]

    def __str__(self):
        return self.spec.label if self.spec else self.key

    @property
    def spec(self):
        return BY_KEY.get(self.key)

    @property
    def state(self) -> str:
        if self.confirmed_value is None:
            return self.State.CONCEPT
        if self.value != self.confirmed_value:
            return self.State.CHANGED
        return self.State.CONFIRMED

    def get_state_display(self) -> str:
        return self.State(self.state).label


class FactChange(models.Model):
    """Who proposed, confirmed or withdrew which value, and when. Append-only."""

    class Action(models.TextChoices):
        PROPOSED = "proposed", "Voorgesteld"
        CONFIRMED = "confirmed", "Bevestigd"
        WITHDRAWN = "withdrawn", "Bevestiging ingetrokken"

    fact = models.ForeignKey(
        Fact, on_delete=models.CASCADE, related_name="changes", verbose_name="feit"
    )
    action = models.CharField("handeling", max_length=12, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="door",
    )
    username = models.CharField("gebruikersnaam", max_length=150, blank=True)
    at = models.DateTimeField("tijdstip", default=timezone.now)
    old_value = models.JSONField("oude waarde", null=True, blank=True)
    new_value = models.JSONField("nieuwe waarde", null=True, blank=True)

    class Meta:
        verbose_name = "wijziging van een feit"
        verbose_name_plural = "wijzigingen van feiten"
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.fact}: {self.get_action_display()}"
