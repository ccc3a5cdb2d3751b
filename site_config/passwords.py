"""Staff passwords that are easy to guess are refused, with a Dutch explanation.

Django's own validators catch short, all-digit and the 20,000 most common passwords,
but not ``Bijzonder2026``, ``wachtwoord12`` or ``intake1intake1``. zxcvbn (Dropbox's
estimator) counts how many guesses a password takes, knowing common passwords, names,
English words, keyboard rows, sequences, repeats, dates and years, and l33t; we add the
organisation's own words and common Dutch ones, which an attacker tries first.

A password needs ``min_score`` 4 of 4: more than 10^10 guesses. Online the lock-out
and the code stop guessing long before that; the score is for a stolen copy of the
password hashes, where 10^8 guesses (score 3: ``Zomer2026zomer``) take a graphics card
hours. Every passphrase of a few unrelated words (``koffie-met-appeltaart``) passes.
"""

import threading

from django.conf import settings
from django.core.exceptions import ValidationError
from zxcvbn import zxcvbn

# What someone guessing a password of this organisation tries first (lower case).
ORGANISATION_WORDS = [
    "bijzonder",
    "jeugdwerk",
    "bijzonderjeugdwerk",
    "bjw",
    "intake",
    "redactie",
    "beheer",
    "beheerder",
    "medewerker",
    "medewerkers",
    "hechting",
    "hechtingsproblematiek",
    "nika",
    "jeugdzorg",
    "jeugdhulp",
    "jeugd",
    "zorg",
    "onderzoek",
    "aanvraag",
    "aanvragen",
    "terugbellen",
    "triage",
    "gezin",
    "ouders",
    "kinderen",
    "pleegzorg",
]
# Common Dutch words in passwords (zxcvbn's own lists are mostly English).
DUTCH_WORDS = [
    "wachtwoord",
    "welkom",
    "geheim",
    "hallo",
    "liefde",
    "schatje",
    "lieverd",
    "voetbal",
    "ajax",
    "feyenoord",
    "psv",
    "oranje",
    "nederland",
    "holland",
    "brabant",
    "amsterdam",
    "rotterdam",
    "utrecht",
    "eindhoven",
    "helmond",
    "deurne",
    "zomer",
    "winter",
    "lente",
    "herfst",
    "voorjaar",
    "najaar",
    "vakantie",
    "kerst",
    "pasen",
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "poes",
    "hond",
    "konijn",
    "prinses",
    "engel",
    "zonneschijn",
    "regenboog",
    "vrijheid",
    "familie",
]

# zxcvbn keeps the user inputs in a module-level dictionary while it matches, so two
# threads of one gunicorn worker must not run it at the same time.
_zxcvbn_lock = threading.Lock()
ZXCVBN_MAX_LENGTH = 72

HINTS = {
    "repeat": "Het herhaalt tekens of een kort stukje (zoals ‘aaaa’ of ‘abcabc’).",
    "sequence": "Het bevat een reeks (zoals ‘abcd’ of ‘1234’).",
    "spatial": "Het volgt een rij op het toetsenbord (zoals ‘qwerty’).",
    "date": "Een datum maakt het niet sterker.",
    "regex": "Een jaartal maakt het niet sterker.",
    "dictionary": (
        "Het is een bekend woord, een naam of een woord van de organisatie, ook met "
        "hoofdletters of cijfers erbij."
    ),
}
ADVICE = (
    "Kies bijvoorbeeld vier losse woorden die niet bij elkaar horen, zoals "
    "‘fiets wolk tegel mandarijn’."
)


def _site_words() -> list[str]:
    words = [*settings.ORGANISATION_NAME.lower().split(), settings.ADMIN_PATH.strip("/")]
    for host in settings.ALLOWED_HOSTS:
        words += [part for part in host.lower().split(".") if len(part) > 3]
    return words


def _user_words(user) -> list[str]:
    if user is None:
        return []
    values = [
        getattr(user, "username", ""),
        getattr(user, "first_name", ""),
        getattr(user, "last_name", ""),
    ]
    email = getattr(user, "email", "") or ""
    values += [email.partition("@")[0], email.partition("@")[2].partition(".")[0]]
    return [value.lower() for value in values if value]


class GuessablePasswordValidator:
    """Refuse a password that zxcvbn, knowing our words and the user's, rates below min_score."""

    def __init__(self, min_score: int = 4):
        self.min_score = min_score

    def validate(self, password, user=None):
        words = ORGANISATION_WORDS + DUTCH_WORDS + _site_words() + _user_words(user)
        with _zxcvbn_lock:
            result = zxcvbn(password[:ZXCVBN_MAX_LENGTH], user_inputs=words)
        if result["score"] >= self.min_score:
            return
        patterns = [match["pattern"] for match in result["sequence"]]
        hint = next((HINTS[p] for p in HINTS if p in patterns), "")
        raise ValidationError(
            "Dit wachtwoord is te makkelijk te raden. %(hint)s %(advice)s",
            code="password_too_guessable",
            params={"hint": hint, "advice": ADVICE},
        )

    def get_help_text(self):
        return (
            "Uw wachtwoord mag niet makkelijk te raden zijn: geen bekend woord, naam of "
            "woord van de organisatie met een jaartal of cijfers erbij, geen herhaling of "
            "reeks. " + ADVICE
        )
