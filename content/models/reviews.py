"""Named clinical review: who checked a page's content, with their public name and profession."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class StaffProfile(models.Model):
    """How a staff member is named on the site when they reviewed a page."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="content_profile",
        verbose_name="medewerker",
    )
    public_name = models.CharField(
        "naam op de site",
        max_length=120,
        help_text="Staat onder pagina's die deze medewerker controleerde. Bijvoorbeeld: "
        "'Drs. A. de Vries'. Let op: dit is openbaar.",
    )
    profession = models.CharField(
        "beroep",
        max_length=120,
        help_text="Bijvoorbeeld: 'GZ-psycholoog' of 'orthopedagoog generalist'. Openbaar.",
    )

    class Meta:
        verbose_name = "profiel van een inhoudelijk deskundige"
        verbose_name_plural = "profielen van inhoudelijk deskundigen"
        ordering = ["public_name"]

    def __str__(self):
        return f"{self.public_name}, {self.profession}"

    @property
    def is_complete(self) -> bool:
        return bool(self.public_name.strip() and self.profession.strip())


class PageReview(models.Model):
    """One clinical review of a page's live copy, with the reviewer's name as shown then."""

    page = models.ForeignKey(
        "content.Page", on_delete=models.CASCADE, related_name="reviews", verbose_name="pagina"
    )
    version = models.ForeignKey(
        "content.Version",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="gecontroleerde versie",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="gecontroleerd door",
    )
    reviewer_name = models.CharField("naam", max_length=120)
    reviewer_profession = models.CharField("beroep", max_length=120)
    reviewed_on = models.DateField("gecontroleerd op", default=timezone.localdate)
    next_review_due = models.DateField("volgende controle")

    class Meta:
        verbose_name = "inhoudelijke controle"
        verbose_name_plural = "inhoudelijke controles"
        ordering = ["-reviewed_on", "-pk"]

    def __str__(self):
        return f"{self.page}: {self.reviewer_name} ({self.reviewed_on:%d-%m-%Y})"
