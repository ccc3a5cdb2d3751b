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
    # Tried CALL_ATTEMPTS_BEFORE_UNREACHED times without contact (or a wrong number):
    # still open, on the coordinator's list to decide what next.
    UNREACHED = "unreached", "Niet bereikt"
    INTAKE_PLANNED = "intake_planned", "Intake gepland"
    DONE = "done", "Afgerond"
    REFERRED = "referred", "Doorverwezen"
    CANCELLED = "cancelled", "Geannuleerd"
    SPAM = "spam", "Spam"


OPEN_STATUSES = frozenset(
    {Status.NEW, Status.IN_PROGRESS, Status.CONTACTED, Status.UNREACHED, Status.INTAKE_PLANNED}
)
CLOSED_STATUSES = frozenset({Status.DONE, Status.REFERRED, Status.CANCELLED, Status.SPAM})

# The flow staff may follow. A closed request can be reopened to "in behandeling"
# (a parent calls back); spam can be restored to "nieuw" when it was flagged wrongly.
# "Niet bereikt" is reached from the calling statuses (call attempts move a request
# there, services.record_call_attempt) and left for any working status.
_WORKING = {Status.CONTACTED, Status.INTAKE_PLANNED, Status.DONE, Status.REFERRED}
TRANSITIONS = {
    Status.NEW: {
        Status.IN_PROGRESS,
        Status.CONTACTED,
        Status.UNREACHED,
        Status.REFERRED,
        Status.CANCELLED,
        Status.SPAM,
    },
    Status.IN_PROGRESS: _WORKING | {Status.UNREACHED, Status.CANCELLED},
    Status.CONTACTED: (_WORKING - {Status.CONTACTED})
    | {Status.IN_PROGRESS, Status.UNREACHED, Status.CANCELLED},
    Status.UNREACHED: _WORKING | {Status.IN_PROGRESS, Status.CANCELLED},
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
    # The short "we could not reach you" mail when a request moves to "niet bereikt".
    PARENT_UNREACHED = "parent_unreached", "de ouder (niet bereikt)"


class NotifyOutcome(models.TextChoices):
    """What became of one e-mail notification (a history line's `to_value`)."""

    SENT = "sent", "verstuurd"
    WITHHELD = "withheld", "niet verstuurd: naam noemen mag niet"
    NOT_ASKED = "not_asked", "niet verstuurd: niet gevraagd of we onze naam mogen noemen"
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
    EXPIRED_TICKET = "expired_ticket", "formulierkenmerk verlopen (formulier te lang open)"


class DayPart(models.TextChoices):
    # In the order of the day: lists of calls sort on this order (moments.DAYPART_ORDER).
    MORNING = "morning", "'s Ochtends"
    AFTERNOON = "afternoon", "'s Middags"
    EVENING = "evening", "'s Avonds"


class CallOutcome(models.TextChoices):
    """What came of one call attempt (CallAttempt.outcome)."""

    REACHED = "reached", "Bereikt"
    NO_ANSWER = "no_answer", "Geen gehoor"
    VOICEMAIL = "voicemail", "Voicemail ingesproken"
    WRONG_NUMBER = "wrong_number", "Verkeerd nummer"
    PARENT_CALLED_BACK = "parent_called_back", "Ouder belde zelf terug"


# The outcomes in which we spoke with the parent; every other one is a try without contact.
CONTACT_OUTCOMES = frozenset({CallOutcome.REACHED, CallOutcome.PARENT_CALLED_BACK})


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
    CALL = "call", "Belpoging"
    MOMENT = "moment", "Belmoment afgesproken"


class AccessAction(models.TextChoices):
    VIEW = "view", "Bekeken"
    CHANGE = "change", "Gewijzigd"
    EXPORT = "export", "Geëxporteerd"
    FAMILY_EXPORT = "family_export", "Gezinsgegevens opgevraagd (AVG)"
    ERASE = "erase", "Gewist (AVG)"
    LISTED = "listed", "In een lijst getoond"
    SEARCH = "search", "Gezocht"


class PurgeReason(models.TextChoices):
    RETENTION = "retention", "Bewaartermijn verstreken"
    ERASURE = "erasure", "Verzoek tot wissen (AVG)"
    SPAM_UNSEEN = "spam_unseen", "Vermoedelijk spam, door niemand beoordeeld"


class IdentityCheck(models.TextChoices):
    """How staff made sure that whoever asks for a family's data (AVG) is that person."""

    CALLED_BACK = "called_back", "Teruggebeld op het telefoonnummer uit de aanvraag"
    EMAIL_REPLY = "email_reply", "Antwoord gekregen van het e-mailadres uit de aanvraag"
    ID_IN_PERSON = "id_in_person", "Legitimatiebewijs gezien in een persoonlijk gesprek"
    ID_VIDEO = "id_video", "Legitimatiebewijs gezien in een videogesprek"
    KNOWN = "known", "Persoonlijk bekend bij ons (al in contact met deze ouder)"
    OTHER = "other", "Anders (licht toe in de notitie)"
