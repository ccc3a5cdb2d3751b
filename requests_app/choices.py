"""Every state a request can be in, as codes: English values, Dutch labels.

The database stores the codes; what people read comes from the labels. Nothing is ever
recovered by splitting stored Dutch text.
"""

from django.db import models


class Kind(models.TextChoices):
    ASSESSMENT = "assessment", "Onderzoek aanvragen"
    CALLBACK = "callback", "Bel mij terug"


REFERENCE_PREFIX = {Kind.ASSESSMENT: "OZ", Kind.CALLBACK: "TB"}
# Short enough for the queue's column; the detail page uses the full name.
KIND_SHORT = {Kind.ASSESSMENT: "Onderzoek", Kind.CALLBACK: "Terugbellen"}


class Status(models.TextChoices):
    NEW = "new", "Nieuw"
    IN_PROGRESS = "in_progress", "In behandeling"
    CONTACTED = "contacted", "Contact opgenomen"
    INTAKE_PLANNED = "intake_planned", "Intake gepland"
    DONE = "done", "Afgerond"
    REFERRED = "referred", "Doorverwezen"
    CANCELLED = "cancelled", "Geannuleerd"
    SPAM = "spam", "Spam"


OPEN_STATUSES = frozenset({Status.NEW, Status.IN_PROGRESS, Status.CONTACTED, Status.INTAKE_PLANNED})
CLOSED_STATUSES = frozenset({Status.DONE, Status.REFERRED, Status.CANCELLED, Status.SPAM})

# The flow staff may follow. A closed request can be reopened to "in behandeling"
# (a parent calls back); spam can be restored to "nieuw" when it was flagged wrongly.
_WORKING = {Status.CONTACTED, Status.INTAKE_PLANNED, Status.DONE, Status.REFERRED}
TRANSITIONS = {
    Status.NEW: {
        Status.IN_PROGRESS,
        Status.CONTACTED,
        Status.REFERRED,
        Status.CANCELLED,
        Status.SPAM,
    },
    Status.IN_PROGRESS: _WORKING | {Status.CANCELLED},
    Status.CONTACTED: (_WORKING - {Status.CONTACTED}) | {Status.IN_PROGRESS, Status.CANCELLED},
    Status.INTAKE_PLANNED: (_WORKING - {Status.INTAKE_PLANNED}) | {Status.CANCELLED},
    Status.DONE: {Status.IN_PROGRESS},
    Status.REFERRED: {Status.IN_PROGRESS},
    Status.CANCELLED: {Status.IN_PROGRESS},
    Status.SPAM: {Status.NEW},
}


def next_statuses(current: str) -> frozenset[Status]:
    """The statuses the flow allows after `current` (not `current` itself)."""
    return frozenset(TRANSITIONS.get(Status(current), ()))


def may_move(current: str, new: str) -> bool:
    """Whether a request with status `current` may be given status `new` (same: yes)."""
    return new == current or new in next_statuses(current)


def label(choices, value, default=None) -> str:
    """The Dutch label of a stored code; an unknown code is shown as it is."""
    try:
        return choices(value).label
    except ValueError:
        return value if default is None else default


class Priority(models.IntegerChoices):
    # Sorted descending in the queue: urgent first.
    LOW = 10, "Laag"
    NORMAL = 20, "Normaal"
    HIGH = 30, "Hoog"
    URGENT = 40, "Spoed"


class NotifyState(models.TextChoices):
    PENDING = "pending", "Nog te versturen"
    SENT = "sent", "Verstuurd"
    FAILED = "failed", "Mislukt (wordt opnieuw geprobeerd)"


class Recipient(models.TextChoices):
    """Who an e-mail notification goes to (a history line's `from_value`)."""

    INTAKE = "intake", "het intaketeam"
    PARENT = "parent", "de ouder"


class NotifyOutcome(models.TextChoices):
    """What became of one e-mail notification (a history line's `to_value`)."""

    SENT = "sent", "verstuurd"
    WITHHELD = "withheld", "niet verstuurd: naam noemen mag niet"
    FAILED = "failed", "mislukt"


class SpamMark(models.TextChoices):
    """A spam history line's `from_value` and `to_value`."""

    SUSPECTED = "suspected", "vermoedelijk spam"
    NOT_SPAM = "not_spam", "geen spam"


class SpamReason(models.TextChoices):
    HONEYPOT = "honeypot", "verborgen veld ingevuld"
    NO_TICKET = "no_ticket", "geen geldig formulierkenmerk"
    TOO_FAST = "too_fast", "te snel ingevuld"
    RATE_LIMITED = "rate_limited", "te vaak verstuurd"


class DayPart(models.TextChoices):
    MORNING = "morning", "'s Ochtends"
    AFTERNOON = "afternoon", "'s Middags"
    EVENING = "evening", "'s Avonds"


class Relation(models.TextChoices):
    PARENT = "parent", "Ouder"
    FOSTER_PARENT = "foster_parent", "Pleegouder"
    ADOPTIVE_PARENT = "adoptive_parent", "Adoptieouder"
    GUARDIAN = "guardian", "Voogd"
    OTHER = "other", "Anders"


class Authority(models.TextChoices):
    BOTH_PARENTS = "both_parents", "Beide ouders samen"
    ME_ALONE = "me_alone", "Alleen ik"
    OTHER_PARENT = "other_parent", "Alleen de andere ouder"
    GUARDIAN = "guardian", "Een voogd (bijvoorbeeld Jeugdbescherming)"
    UNKNOWN = "unknown", "Weet ik niet"


class YesNoUnknown(models.TextChoices):
    YES = "yes", "Ja"
    NO = "no", "Nee"
    NOT_APPLICABLE = "not_applicable", "Niet van toepassing"


class HelpSoFar(models.TextChoices):
    NONE = "none", "Nog geen hulp"
    GP = "gp", "Huisarts"
    YOUTH_DOCTOR = "youth_doctor", "Jeugdarts of consultatiebureau"
    MUNICIPALITY = "municipality", "Wijkteam of gemeente"
    OTHER = "other", "Anders"


class Channel(models.TextChoices):
    PHONE = "phone", "Telefoon"
    EMAIL = "email", "E-mail"


class CallbackTopic(models.TextChoices):
    ATTACHMENT = "attachment", "Hechting en hechtingsproblemen"
    ASSESSMENT = "assessment", "Psychologisch onderzoek"
    NIKA = "nika", "De NIKA-interventie"
    OTHER = "other", "Iets anders"


class EventType(models.TextChoices):
    CREATED = "created", "Ontvangen"
    STATUS = "status", "Status gewijzigd"
    ASSIGNED = "assigned", "Toegewezen"
    PRIORITY = "priority", "Prioriteit gewijzigd"
    NOTE = "note", "Notitie toegevoegd"
    NOTIFY = "notify", "E-mailmelding"
    SPAM = "spam", "Spam"


class AccessAction(models.TextChoices):
    VIEW = "view", "Bekeken"
    CHANGE = "change", "Gewijzigd"
    EXPORT = "export", "Geëxporteerd"
    FAMILY_EXPORT = "family_export", "Gezinsgegevens opgevraagd (AVG)"
    ERASE = "erase", "Gewist (AVG)"


class PurgeReason(models.TextChoices):
    RETENTION = "retention", "Bewaartermijn verstreken"
    ERASURE = "erasure", "Verzoek tot wissen (AVG)"
