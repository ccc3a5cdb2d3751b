"""Versions of what parents read: a page's title, summary and sections, or the signs list.

Each save by an editor keeps a version; one goes live when an inhoudelijk deskundige who
wrote none of the pending changes approves it. Every version is kept, with its author,
who decided and when. The logic lives in content/publishing.py.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Version(models.Model):
    class Subject(models.TextChoices):
        PAGE = "page", "Pagina"
        SIGNS = "signs", "Lijst met signalen"

    class State(models.TextChoices):
        PENDING = "pending", "Wacht op goedkeuring"
        APPROVED = "approved", "Goedgekeurd"
        SUPERSEDED = "superseded", "Vervangen door een nieuwere versie"
        WITHDRAWN = "withdrawn", "Ingetrokken"

    subject = models.CharField("onderwerp", max_length=8, choices=Subject.choices)
    page = models.ForeignKey(
        "content.Page",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="versions",
        verbose_name="pagina",
    )
    number = models.PositiveIntegerField("versie")
    data = models.JSONField("inhoud", default=dict)
    state = models.CharField("status", max_length=12, choices=State.choices, db_index=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="geschreven door",
    )
    created_at = models.DateTimeField("opgeslagen op", default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="goedgekeurd door",
    )
    decided_at = models.DateTimeField("goedgekeurd op", null=True, blank=True)
    restored_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="teruggezet van",
    )
    note = models.CharField("toelichting", max_length=200, blank=True)

    class Meta:
        verbose_name = "versie"
        verbose_name_plural = "versies"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject", "page", "number"], name="content_version_number_unique"
            ),
            models.UniqueConstraint(
                fields=["subject", "number"],
                condition=models.Q(page__isnull=True),
                name="content_signs_version_number_unique",
            ),
        ]
        permissions = [
            ("approve_version", "Mag wijzigingen van anderen goedkeuren en versies terugzetten")
        ]

    def __str__(self):
        what = self.page.title if self.page_id else self.get_subject_display()
        return f"{what}, versie {self.number}"

    @property
    def author_name(self) -> str:
        if self.author is None:
            return "startinhoud" if self.note else "onbekend"
        return self.author.get_full_name() or self.author.get_username()
