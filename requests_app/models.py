"""What parents ask for, and what staff do with it.

One concrete ``Request`` row per submission holds everything the triage queue needs
(kind, reference, status, assignment, contact for family matching); the assessment and
callback details live in child tables (multi-table inheritance), so the queue is one list.

History (``RequestEvent``) records codes and names, never what the parent wrote, so
erasing a request's row and its notes erases its health data. The access log and the
purge log keep the reference and ids only, and outlive the request on purpose.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from .calls import CallAttempt, CallRules
from .choices import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    REFERENCE_PREFIX,
    AccessAction,
    Authority,
    CallbackTopic,
    CallOutcome,
    Channel,
    DayPart,
    EventType,
    HelpSoFar,
    IdentityCheck,
    Kind,
    NotifyState,
    Priority,
    PurgeReason,
    Relation,
    SpamReason,
    Status,
    YesNoUnknown,
    label,
    may_move,
    next_statuses,
)

__all__ = [
    "CLOSED_STATUSES",
    "OPEN_STATUSES",
    "REFERENCE_PREFIX",
    "AccessAction",
    "Authority",
    "CallAttempt",
    "CallOutcome",
    "CallbackTopic",
    "Channel",
    "DayPart",
    "EventType",
    "HelpSoFar",
    "IdentityCheck",
    "Kind",
    "NotifyState",
    "Priority",
    "Relation",
    "SpamReason",
    "Status",
    "YesNoUnknown",
    "may_move",
    "next_statuses",
]

# Danger reported by the parent, or raised to "spoed" by staff: the one rule for "urgent".
URGENT = models.Q(is_urgent=True) | models.Q(priority__gte=Priority.URGENT)


class RequestQuerySet(CallRules, models.QuerySet):
    """The rules for which requests are which, used alike by the admin, the dashboard,
    the commands and the templates (the callback desk's rules: calls.CallRules)."""

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def closed(self):
        return self.filter(status__in=CLOSED_STATUSES)

    def real(self):
        """Not suspected spam (the queue shows these unless asked otherwise)."""
        return self.filter(is_suspected_spam=False)

    def suspected_spam(self):
        return self.filter(is_suspected_spam=True)

    def not_spam(self):
        return self.real().exclude(status=Status.SPAM)

    def in_queue(self):
        """What still needs work: open and not suspected spam (the queue's default)."""
        return self.open().real()

    def urgent(self):
        """Danger reported by the parent, or raised to "spoed" by staff."""
        return self.filter(URGENT)

    def not_urgent(self):
        return self.exclude(URGENT)

    def overdue(self, today=None):
        """Open requests past their due date (see workdays.overdue_cutoff)."""
        from .workdays import overdue_cutoff

        return self.open().filter(created_at__lt=overdue_cutoff(today))

    def with_lateness(self, today=None):
        """Each row annotated with ``is_late``: open and past its due date."""
        from .workdays import overdue_cutoff

        late = models.Q(status__in=OPEN_STATUSES, created_at__lt=overdue_cutoff(today))
        return self.annotate(
            is_late=models.ExpressionWrapper(late, output_field=models.BooleanField())
        )

    def assigned_to(self, user):
        return self.filter(assigned_to=user)

    def unassigned(self):
        return self.filter(assigned_to__isnull=True)

    def notification_failed(self):
        return self.filter(notify_state=NotifyState.FAILED)

    def received_before(self, moment):
        return self.filter(created_at__lt=moment)

    def callbacks_due_on(self, day):
        """Callback requests whose chosen day is `day` (the callback desk's list)."""
        return self.filter(kind=Kind.CALLBACK, callbackrequest__callback_date=day)

    def untouched_since(self, moment):
        """Nothing done by staff since `moment`: no change saved, no status, assignment,
        priority, note or spam judgement (looking at a request does not count)."""
        later = RequestEvent.objects.filter(
            request=models.OuterRef("pk"), actor__isnull=False, at__gte=moment
        )
        return self.filter(updated_at__lt=moment).exclude(models.Exists(later))

    def never_reviewed(self):
        """Suspected spam that no staff member has acted on (still open and flagged)."""
        by_staff = RequestEvent.objects.filter(request=models.OuterRef("pk"), actor__isnull=False)
        return self.suspected_spam().open().exclude(models.Exists(by_staff))

    def of_family(self, *, email: str = "", phone: str = ""):
        """Requests with this e-mail address (any case) or this E.164 phone number."""
        q = models.Q()
        if email:
            q |= models.Q(email__iexact=email.strip())
        if phone:
            q |= models.Q(phone=phone)
        if not q:
            return self.none()
        return self.filter(q)


# The fields the constraint "request_agreed_moment_whole" reads.
AGREED_MOMENT = frozenset({"agreed_call_date", "agreed_call_daypart"})


class Request(models.Model):
    """One request from a parent, of either kind: the row the triage queue lists."""

    kind = models.CharField("soort", max_length=12, choices=Kind.choices, editable=False)
    reference = models.CharField("referentie", max_length=20, unique=True, editable=False)
    # Idempotency: the form carries this token, so a repeated POST finds its request.
    submission_token = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField("ontvangen", default=timezone.now, db_index=True)
    updated_at = models.DateTimeField("laatst gewijzigd", auto_now=True)

    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    status_changed_at = models.DateTimeField("status gewijzigd", default=timezone.now)
    closed_at = models.DateTimeField(
        "afgesloten op",
        null=True,
        blank=True,
        help_text="Wanneer de aanvraag werd afgesloten; de bewaartermijn telt vanaf hier.",
    )
    priority = models.PositiveSmallIntegerField(
        "prioriteit", choices=Priority.choices, default=Priority.NORMAL
    )
    is_urgent = models.BooleanField(
        "spoed (direct gevaar gemeld)",
        default=False,
        help_text="De ouder gaf aan dat er nu direct gevaar is.",
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_requests",
        verbose_name="toegewezen aan",
    )

    # Spam defence: suspected spam is kept, flagged and left out of the normal queue.
    is_suspected_spam = models.BooleanField("vermoedelijk spam", default=False)
    spam_reasons = models.JSONField(
        "reden spamvermoeden", default=list, blank=True, help_text="Codes, zie SpamReason."
    )
    fill_seconds = models.PositiveIntegerField(
        "invultijd (seconden)", null=True, blank=True, editable=False
    )

    # Contact, shared by both kinds (queue search and family matching).
    contact_name = models.CharField("naam", max_length=120)
    email = models.EmailField("e-mailadres", blank=True, db_index=True)
    phone = models.CharField(
        "telefoonnummer",
        max_length=20,
        blank=True,
        db_index=True,
        help_text="Opgeslagen in internationale vorm, bijvoorbeeld +31612345678.",
    )
    voicemail_allowed = models.BooleanField("voicemail inspreken mag", default=False)

    # A moment to call agreed with the parent (services.agree_new_moment): it replaces the
    # callback's chosen moment in the lists; what the parent chose stays as they sent it.
    agreed_call_date = models.DateField("afgesproken beldag", null=True, blank=True)
    agreed_call_daypart = models.CharField(
        "afgesproken dagdeel", max_length=10, choices=DayPart.choices, blank=True
    )
    agreed_at = models.DateTimeField("belmoment afgesproken op", null=True, blank=True)

    consent_at = models.DateTimeField("toestemming gegeven op")
    consent_version = models.CharField("versie privacyverklaring", max_length=40)

    # Notifications are sent after commit; a failure is recorded here and retried.
    notify_state = models.CharField(
        "e-mailmeldingen",
        max_length=10,
        choices=NotifyState.choices,
        default=NotifyState.PENDING,
        db_index=True,
    )
    notify_attempts = models.PositiveSmallIntegerField("verzendpogingen", default=0)
    notify_error = models.CharField(
        "laatste verzendfout",
        max_length=200,
        blank=True,
        help_text="Alleen het soort fout, nooit adressen of inhoud.",
    )
    notified_at = models.DateTimeField("meldingen verstuurd op", null=True, blank=True)

    objects = RequestQuerySet.as_manager()

    class Meta:
        verbose_name = "aanvraag"
        verbose_name_plural = "aanvragen"
        ordering = ["-priority", "-created_at"]
        indexes = [
            models.Index(fields=["status", "-priority", "-created_at"], name="req_queue_idx"),
        ]
        constraints = [
            # An agreed moment is a day and a part of the day, or nothing.
            models.CheckConstraint(
                condition=models.Q(agreed_call_date__isnull=True, agreed_call_daypart="")
                | (models.Q(agreed_call_date__isnull=False) & ~models.Q(agreed_call_daypart="")),
                name="request_agreed_moment_whole",
            ),
        ]
        permissions = [
            ("export_request", "Mag de lijst met aanvragen exporteren (CSV)"),
            ("export_request_worries", "Mag de vrije tekst (zorgen) meenemen in een export"),
            ("family_data", "Mag gegevens van een gezin opvragen en wissen (AVG)"),
        ]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        # A parent who reports danger lands at the top of the queue; staff may lower
        # the priority later (after a call), which is why ordering uses priority only.
        if self._state.adding and self.is_urgent and self.priority == Priority.NORMAL:
            self.priority = Priority.URGENT
        super().save(*args, **kwargs)

    def validate_constraints(self, exclude=None):
        """Django's constraint check; a caller that leaves the agreed moment out (the
        parents' forms) skips the moment's constraint at once. Django skips it then too,
        but only after building its query: 3% of the CPU of a rush of parents. The only
        constraint of these models (tests/requests_app/test_model_checks.py)."""
        if exclude is not None and AGREED_MOMENT & set(exclude):
            return
        super().validate_constraints(exclude=exclude)

    @property
    def counts_as_urgent(self) -> bool:
        """The instance side of ``RequestQuerySet.urgent()``."""
        return self.is_urgent or self.priority >= Priority.URGENT

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def spam_reason_labels(self) -> list[str]:
        labels = []
        for code in self.spam_reasons or []:
            text = label(SpamReason, code)
            if code == SpamReason.TOO_FAST and self.fill_seconds is not None:
                text = f"{text} ({self.fill_seconds} s)"
            labels.append(text)
        return labels


class AssessmentRequest(Request):
    """Onderzoek aanvragen: a psychological assessment for a child."""

    child_first_name = models.CharField("voornaam kind", max_length=80)
    child_birth_date = models.DateField("geboortedatum kind")
    child_residence = models.CharField("woonplaats kind", max_length=80)

    relation = models.CharField("relatie tot het kind", max_length=20, choices=Relation.choices)
    relation_other = models.CharField("relatie (anders)", max_length=80, blank=True)
    authority = models.CharField("gezag", max_length=20, choices=Authority.choices)
    other_parent_informed = models.CharField(
        "andere gezaghebbende ouder weet ervan",
        max_length=16,
        choices=YesNoUnknown.choices,
        default=YesNoUnknown.NOT_APPLICABLE,
    )
    child_informed = models.CharField(
        "kind (12–15) weet ervan en stemt in",
        max_length=16,
        choices=YesNoUnknown.choices,
        default=YesNoUnknown.NOT_APPLICABLE,
    )

    worries = models.TextField("zorgen", max_length=3000)
    # A snapshot of the sign texts as the parent saw them: editors may reword signs later.
    recognised_signs = models.JSONField("herkende signalen", default=list, blank=True)
    help_so_far = models.JSONField("hulp tot nu toe", default=list, blank=True)
    help_other = models.CharField("andere hulp", max_length=200, blank=True)

    preferred_channel = models.CharField(
        "voorkeur contact", max_length=10, choices=Channel.choices, default=Channel.PHONE
    )
    best_moments = models.JSONField("beste momenten", default=list, blank=True)
    may_name_organisation = models.BooleanField(
        "mag zeggen van welke organisatie we bellen", default=False
    )

    class Meta:
        verbose_name = "onderzoeksaanvraag"
        verbose_name_plural = "onderzoeksaanvragen"


class CallbackRequest(Request):
    """Bel mij terug: a short request for a phone call."""

    callback_date = models.DateField("terugbellen op")
    callback_daypart = models.CharField("dagdeel", max_length=10, choices=DayPart.choices)
    topic = models.CharField("onderwerp", max_length=12, choices=CallbackTopic.choices)
    note = models.TextField("toelichting", max_length=500, blank=True)

    class Meta:
        verbose_name = "terugbelverzoek"
        verbose_name_plural = "terugbelverzoeken"


class ReferenceCounter(models.Model):
    """The last number handed out per prefix and year (OZ-2026-00042)."""

    prefix = models.CharField(max_length=4)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="reference_counter_unique")
        ]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last_number}"


class RequestEvent(models.Model):
    """One line of a request's history. Holds codes and names only, never parent text."""

    request = models.ForeignKey(
        Request, on_delete=models.CASCADE, related_name="events", verbose_name="aanvraag"
    )
    at = models.DateTimeField("tijdstip", default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="door",
    )
    type = models.CharField("soort", max_length=12, choices=EventType.choices)
    from_value = models.CharField("van", max_length=60, blank=True)
    to_value = models.CharField("naar", max_length=60, blank=True)
    detail = models.CharField(
        "toelichting", max_length=60, blank=True, help_text="Bijvoorbeeld het soort fout."
    )

    class Meta:
        verbose_name = "gebeurtenis"
        verbose_name_plural = "geschiedenis"
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_type_display()} ({timezone.localtime(self.at):%d-%m-%Y %H:%M})"


class InternalNote(models.Model):
    """A note by staff on a request. Never shown to the parent, never e-mailed."""

    request = models.ForeignKey(
        Request, on_delete=models.CASCADE, related_name="notes", verbose_name="aanvraag"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="auteur",
    )
    created_at = models.DateTimeField("geschreven op", default=timezone.now)
    text = models.TextField("notitie", max_length=4000)

    class Meta:
        verbose_name = "interne notitie"
        verbose_name_plural = "interne notities"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Notitie {timezone.localtime(self.created_at):%d-%m-%Y %H:%M}"


class AccessLogEntry(models.Model):
    """Who looked at or changed which request, and when (NEN 7513). Append-only.

    Keeps the request's id and reference, not a foreign key, so the entry outlives
    the request's erasure; it holds no personal data of the parent or child.
    """

    at = models.DateTimeField("tijdstip", default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="medewerker",
    )
    action = models.CharField("handeling", max_length=16, choices=AccessAction.choices)
    request_id_value = models.BigIntegerField("aanvraag-id", null=True, blank=True, db_index=True)
    reference = models.CharField("referentie", max_length=20, blank=True, db_index=True)
    detail = models.CharField(
        "toelichting", max_length=200, blank=True, help_text="Nooit persoonsgegevens."
    )

    class Meta:
        verbose_name = "toegangslogregel"
        verbose_name_plural = "toegangslog"
        ordering = ["-at", "-pk"]

    def __str__(self):
        at = timezone.localtime(self.at)
        return f"{at:%d-%m-%Y %H:%M} {self.get_action_display()} {self.reference}"


class PurgeLogEntry(models.Model):
    """What was erased, when and why: without any personal data."""

    Reason = PurgeReason

    at = models.DateTimeField("tijdstip", default=timezone.now)
    reference = models.CharField("referentie", max_length=20)
    kind = models.CharField("soort", max_length=12, choices=Kind.choices)
    received_at = models.DateTimeField("ontvangen", null=True)
    closed_at = models.DateTimeField("afgesloten", null=True)
    reason = models.CharField("reden", max_length=12, choices=PurgeReason.choices)
    performed_by = models.CharField(
        "uitgevoerd door", max_length=150, blank=True, help_text="Gebruikersnaam of 'systeem'."
    )
    identity_check = models.CharField(
        "identiteit gecontroleerd",
        max_length=16,
        choices=IdentityCheck.choices,
        blank=True,
        help_text="Bij wissen op verzoek (AVG): hoe de medewerker controleerde wie het vroeg.",
    )

    class Meta:
        verbose_name = "wisregel"
        verbose_name_plural = "wislog"
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.reference} ({self.get_reason_display()})"
