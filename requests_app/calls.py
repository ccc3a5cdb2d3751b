"""Call attempts, and the callback desk's rules: whom to call today, which call is late.

A request has a *moment to call* when the parent chose one (a callback: a day and a part
of the day) or when staff agreed one with the parent (``Request.agreed_call_date``). An
agreed moment replaces the parent's choice in every list; the choice itself stays as the
parent sent it, on the request's page.

The rules live on ``RequestQuerySet`` (this mixin), so the "Vandaag bellen" screen, the
queue's filters and columns, the dashboard's tiles and the commands count the same rows:

* ``calls_due(today)``: a moment on or before today and nobody spoke with the parent for
  it yet. Earlier days first, then morning, afternoon, evening;
* ``phone_requests_to_call()``: assessment requests that asked for contact by phone,
  have no moment and were never reached: called when it suits, oldest first;
* ``to_call_today(today)``: both of these ("vandaag te bellen");
* ``called_late(now)``: due calls whose moment is over (an earlier day, or an earlier part
  of today) without any attempt since that day ("te laat gebeld"). Days are dates, so a
  moment on a Friday seen on Monday (or after Easter Monday) is late, never "today";
* ``unreached()``: status "niet bereikt".
"""

from django.conf import settings
from django.db import models
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from .choices import CONTACT_OUTCOMES, OPEN_STATUSES, CallOutcome, Channel, Kind, Status
from .moments import DAYPART_ORDER, dayparts_over

# Requests in these statuses wait for a first conversation.
CALLING_STATUSES = frozenset({Status.NEW, Status.IN_PROGRESS})
NOTE_MAX = 200


class CallAttempt(models.Model):
    """One phone call to a parent (or one from them): when, who, and what came of it.

    Erased with its request (CASCADE): retention and the AVG erasure remove it too.
    """

    request = models.ForeignKey(
        "requests_app.Request",
        on_delete=models.CASCADE,
        related_name="call_attempts",
        verbose_name="aanvraag",
    )
    at = models.DateTimeField("gebeld op", default=timezone.now)
    caller = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="gebeld door",
    )
    outcome = models.CharField("uitkomst", max_length=20, choices=CallOutcome.choices)
    note = models.CharField(
        "korte notitie",
        max_length=NOTE_MAX,
        blank=True,
        help_text="Alleen voor medewerkers; de ouder ziet dit nooit en het wordt nooit gemaild.",
    )

    class Meta:
        verbose_name = "belpoging"
        verbose_name_plural = "belpogingen"
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["request", "at"], name="call_attempt_request_idx")]

    def __str__(self):
        return f"{self.get_outcome_display()} ({timezone.localtime(self.at):%d-%m-%Y %H:%M})"

    @property
    def is_contact(self) -> bool:
        return self.outcome in CONTACT_OUTCOMES


def _attempts():
    return CallAttempt.objects.filter(request=OuterRef("pk"))


def _contact_for_moment():
    """Somebody spoke with the parent for this moment: for a callback's own choice, any
    contact; for an agreed moment, contact after it was agreed and on or after its day (so
    the conversation in which it was agreed, recorded before or after, does not count)."""
    contact = _attempts().filter(outcome__in=CONTACT_OUTCOMES)
    agreed = Q(agreed_call_date__isnull=False)
    on_the_day = contact.filter(
        at__gt=OuterRef("agreed_at"), at__date__gte=OuterRef("agreed_call_date")
    )
    return (~agreed & Exists(contact)) | (agreed & Exists(on_the_day))


def _due(today):
    """Waiting for a call whose moment is today or earlier (needs with_call_moment)."""
    waiting = Q(status__in=CALLING_STATUSES) | Q(
        # A moment agreed after a conversation: another call, whatever the status.
        agreed_call_date__isnull=False,
        status__in=OPEN_STATUSES - {Status.UNREACHED},
    )
    return Q(is_suspected_spam=False, call_date__lte=today) & waiting & ~_contact_for_moment()


def _phone_without_moment():
    return (
        Q(
            is_suspected_spam=False,
            kind=Kind.ASSESSMENT,
            status__in=CALLING_STATUSES,
            agreed_call_date__isnull=True,
            assessmentrequest__preferred_channel=Channel.PHONE,
        )
        & ~Q(phone="")
        & ~Exists(_attempts().filter(outcome__in=CONTACT_OUTCOMES))
    )


def _late(now):
    """Due, the moment over, and no attempt on or after its day (needs with_call_moment)."""
    today = now.date()
    over = Q(call_date__lt=today) | Q(call_date=today, call_daypart__in=dayparts_over(now))
    tried = Exists(_attempts().filter(at__date__gte=OuterRef("call_date")))
    return _due(today) & over & ~tried


_AGREED = Q(agreed_call_date__isnull=False)


def _moment_field(agreed: str, chosen: str):
    return Case(When(_AGREED, then=F(agreed)), default=F(chosen))


def call_date_expression():
    """The day to call: the agreed one, else the callback's chosen day (else None)."""
    return _moment_field("agreed_call_date", "callbackrequest__callback_date")


def call_part_order_expression():
    """The part of that day as a number: morning 0, afternoon 1, evening 2; none last."""
    return Case(
        *(
            When(
                (_AGREED & Q(agreed_call_daypart=part))
                | (~_AGREED & Q(callbackrequest__callback_daypart=part)),
                then=Value(i),
            )
            for part, i in DAYPART_ORDER.items()
        ),
        default=Value(len(DAYPART_ORDER)),
    )


def moment_order() -> list:
    """The order of "Vandaag bellen" (also the queue's, filtered on calls): earlier days
    first, then morning, afternoon, evening; urgent first within one moment."""
    return [
        call_date_expression().asc(nulls_last=True),
        call_part_order_expression(),
        "-priority",
        "created_at",
        "pk",
    ]


class CallRules:
    """The callback desk's rules, mixed into RequestQuerySet."""

    def with_call_moment(self):
        """Each row with ``call_date``, ``call_daypart`` (the agreed moment, else the
        parent's choice, else None) and ``call_part_order``."""
        if "call_date" in self.query.annotations:
            return self
        return self.annotate(
            call_date=call_date_expression(),
            call_daypart=_moment_field("agreed_call_daypart", "callbackrequest__callback_daypart"),
            call_part_order=call_part_order_expression(),
        )

    def with_call_summary(self, now=None):
        """Also ``attempt_count``, ``last_outcome``, ``last_call_at`` and
        ``call_is_late``: the queue's columns, in the list's own query."""
        now = timezone.localtime(now)
        last = _attempts().order_by("-at", "-pk")
        count = _attempts().order_by().values("request").annotate(n=Count("pk")).values("n")
        return (
            self.with_call_moment()
            .annotate(
                attempt_count=Coalesce(Subquery(count[:1]), 0),
                last_outcome=Subquery(last.values("outcome")[:1]),
                last_call_at=Subquery(last.values("at")[:1]),
            )
            .annotate(
                call_is_late=Case(
                    When(_late(now), then=Value(True)),
                    default=Value(False),
                    output_field=models.BooleanField(),
                )
            )
        )

    def calls_due(self, today=None):
        """Calls whose moment is today or earlier, in the order of those moments."""
        today = today or timezone.localdate()
        return self.with_call_moment().filter(_due(today)).order_by(*moment_order())

    def phone_requests_to_call(self):
        """Assessment requests to answer by phone, never reached yet: oldest first."""
        return self.filter(_phone_without_moment()).order_by("-priority", "created_at", "pk")

    def to_call_today(self, today=None):
        """Everything on "Vandaag bellen": due calls and phone requests not yet reached."""
        today = today or timezone.localdate()
        return self.with_call_moment().filter(_due(today) | _phone_without_moment())

    def called_late(self, now=None):
        """Due calls whose moment is over without an attempt since its day."""
        return self.with_call_moment().filter(_late(timezone.localtime(now)))

    def unreached(self):
        return self.filter(status=Status.UNREACHED)
