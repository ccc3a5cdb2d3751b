"""Every organisation-specific fact the site uses, declared once.

Each fact says how editors enter it, where the site uses it, and what ``load_content``
seeds: a candidate value as *concept* (shown to nobody until confirmed), or nothing. Only
the organisation's name and phone number are seeded as confirmed: both stand in the
organisation's own published text (content/seed/hechtingsstoornis.txt), as do the age
range of NIKA and its number of sessions.

A page section can carry a fact as a paragraph of its own: ``[[feit:wachttijd]]``. It reads
the fact's ``sentence`` when the fact is confirmed and its ``fallback`` (often: call us)
when it is not; a fallback of "" leaves the paragraph out.
"""

from dataclasses import dataclass

from . import kinds

OWN_TEXT = "De gepubliceerde tekst van de organisatie (hechtingsstoornis.txt)."


@dataclass(frozen=True)
class FactSpec:
    key: str
    label: str
    kind: kinds.Kind
    help_text: str
    used_for: tuple[str, ...]
    seed: object = None  # JSON, as stored
    seed_confirmed: bool = False
    source: str = ""
    # For [[feit:KEY]] in page text. {value} is the fact as displayed, {phone} the phone.
    sentence: str = ""
    fallback: str = ""

    def display(self, stored) -> str:
        return self.kind.display(stored)


FACTS = (
    FactSpec(
        "organisation_name",
        "Naam van de organisatie",
        kinds.TEXT,
        "Bijvoorbeeld: Bijzonder Jeugdwerk.",
        ("kop en voettekst van elke pagina", "titels", "e-mails", "zoekmachines (JSON-LD)"),
        seed="Bijzonder Jeugdwerk",
        seed_confirmed=True,
        source=OWN_TEXT,
    ),
    FactSpec(
        "phone",
        "Telefoonnummer",
        kinds.PHONE,
        "Zoals het op de site staat. Bijvoorbeeld: 0493 - 327506.",
        ("kop en voettekst van elke pagina", "formulieren", "bevestigingen", "e-mails"),
        seed="0493 - 327506",
        seed_confirmed=True,
        source=OWN_TEXT,
    ),
    FactSpec(
        "email",
        "E-mailadres voor ouders",
        kinds.EMAIL,
        "Het algemene e-mailadres. Bijvoorbeeld: info@bijzonderjeugdwerk.nl.",
        ("voettekst", "contactpagina", "e-mail aan de ouder", "zoekmachines (JSON-LD)"),
        seed="info@bijzonderjeugdwerk.nl",
    ),
    FactSpec(
        "opening_hours",
        "Bereikbaar (telefonisch)",
        kinds.WEEK_HOURS,
        "Per dag van de week; laat een dag leeg als u dan niet bereikbaar bent. Het "
        "terugbelformulier biedt alleen dagdelen binnen deze tijden aan.",
        (
            "voettekst",
            "contactpagina",
            "oproep onder pagina's",
            "terugbelformulier (dagen en dagdelen)",
            "bevestigingen",
            "e-mail aan de ouder",
        ),
        seed={str(day): ["09:00", "17:00"] for day in range(1, 6)},
        sentence="Wij zijn bereikbaar {value}.",
    ),
    FactSpec(
        "response_days",
        "Reactietermijn (werkdagen)",
        kinds.WORKING_DAYS,
        "Binnen hoeveel werkdagen wij reageren op een aanvraag. Dit belooft de site aan "
        "ouders. Zolang dit niet bevestigd is, gebruikt de wachtrij een interne standaard.",
        (
            "oproep 'Onderzoek aanvragen'",
            "bevestigingen",
            "e-mail aan de ouder",
            "uiterlijk-datum in de wachtrij",
        ),
        seed=3,
        sentence="Wij nemen binnen {value} contact met u op.",
    ),
    FactSpec(
        "locations",
        "Locaties",
        kinds.PLACES,
        "Eén plaatsnaam per regel. Bijvoorbeeld: Helmond.",
        ("voettekst", "contactpagina", "zoekmachines (JSON-LD)"),
        seed=["Helmond", "Deurne", "Den Bosch", "Milheeze", "Venlo"],
        sentence="Wij werken vanuit: {value}.",
        fallback="Wilt u weten waar wij werken? Bel ons: {phone}.",
    ),
    FactSpec(
        "assessment_ages",
        "Leeftijd kind bij psychologisch onderzoek",
        kinds.AGE_RANGE,
        "Vanaf welke leeftijd en tot welke leeftijd (in jaren) wij onderzoek doen. Het "
        "formulier 'Onderzoek aanvragen' verwijst ouders van een ouder kind naar de telefoon.",
        ("formulier 'Onderzoek aanvragen'", "pagina's over onderzoek"),
        seed={"min": 0, "max": 23},
        sentence="Wij doen onderzoek bij kinderen en jongeren {value}.",
    ),
    FactSpec(
        "nika_ages",
        "Leeftijd kind bij NIKA",
        kinds.AGE_RANGE,
        "Voor ouders van kinderen van welke leeftijd wij NIKA aanbieden.",
        ("pagina's over NIKA",),
        seed={"min": 0, "max": 19},
        seed_confirmed=True,
        source=OWN_TEXT,
        sentence="Wij bieden NIKA aan ouders en opvoeders van kinderen {value}.",
    ),
    FactSpec(
        "nika_sessions",
        "NIKA: aantal sessies en duur",
        kinds.TEXT,
        "Zoals ouders het lezen, na 'Er zijn'. Bijvoorbeeld: 5 à 6 sessies, verspreid over "
        "gemiddeld 2 tot 3 maanden.",
        ("pagina over NIKA",),
        seed="5 à 6 sessies, verspreid over gemiddeld 2 tot 3 maanden",
        seed_confirmed=True,
        source=OWN_TEXT,
        sentence="Er zijn {value}.",
        fallback="Wilt u weten hoeveel sessies er zijn? Bel ons: {phone}.",
    ),
    FactSpec(
        "waiting_time",
        "Wachttijd psychologisch onderzoek",
        kinds.TEXT,
        "Hoe lang ouders nu gemiddeld wachten. Bijvoorbeeld: ongeveer 6 weken. "
        "Houd dit actueel: ouders rekenen erop.",
        ("pagina's over onderzoek en verwijzing",),
        sentence="De wachttijd voor een onderzoek is nu {value}.",
        fallback="Wilt u weten hoe lang de wachttijd nu is? Bel ons: {phone}.",
    ),
    FactSpec(
        "parent_costs",
        "Wat ouders betalen",
        kinds.TEXT,
        "In één zin, voor ouders. Bijvoorbeeld: U betaalt niets; de gemeente betaalt de hulp.",
        ("pagina over verwijzing en kosten",),
        sentence="{value}",
        fallback="Vragen over de kosten? Bel ons: {phone}.",
    ),
    FactSpec(
        "assessment_by",
        "Wie doet het psychologisch onderzoek",
        kinds.TEXT,
        "Het beroep, zoals ouders het lezen. Bijvoorbeeld: een GZ-psycholoog.",
        ("pagina over het onderzoek",),
        sentence="Het onderzoek wordt gedaan door {value}.",
    ),
    FactSpec(
        "assessment_duration",
        "Hoe lang het psychologisch onderzoek duurt",
        kinds.TEXT,
        "Van het eerste gesprek tot het gesprek over de uitkomst. Bijvoorbeeld: ongeveer 6 "
        "weken. Niet ingevuld of niet bevestigd: de pagina zegt er niets over.",
        ("pagina over het onderzoek",),
        sentence="Het onderzoek duurt meestal {value}.",
    ),
    FactSpec(
        "have_at_hand",
        "Wat ouders bij de hand houden als zij ons bellen of een onderzoek aanvragen",
        kinds.TEXT,
        "Wat wij dan van ouders vragen, in één zin. Bijvoorbeeld: het BSN van uw kind en de "
        "naam van uw huisarts. Niet bevestigd: de pagina noemt alleen de verwijzing en wat u ziet.",
        ("pagina over verwijzing, kosten en wachttijd",),
        sentence="Wij vragen u ook om: {value}.",
    ),
    FactSpec(
        "session_place",
        "Waar de gesprekken en NIKA-sessies zijn",
        kinds.TEXT,
        "Bijvoorbeeld: bij u thuis of op onze praktijk.",
        ("pagina's over onderzoek en NIKA",),
        sentence="De gesprekken zijn {value}.",
        fallback="Wilt u weten waar de gesprekken zijn? Bel ons: {phone}.",
    ),
    FactSpec(
        "intake_team",
        "Naam van het team dat aanvragen leest",
        kinds.TEXT,
        "Zoals ouders het lezen, met lidwoord. Bijvoorbeeld: het aanmeldteam.",
        ("bevestiging na 'Onderzoek aanvragen'",),
        seed="het aanmeldteam",
    ),
    FactSpec(
        "accessibility_standard",
        "Toegankelijkheid: de norm die wij beloven",
        kinds.TEXT,
        "Bijvoorbeeld: WCAG 2.2, niveau AA. Alleen bevestigen als dit getoetst is.",
        ("toegankelijkheidsverklaring",),
        seed="WCAG 2.2, niveau AA",
        sentence="Wij maken de website volgens de richtlijnen voor toegankelijkheid ({value}).",
        fallback="Wij maken de website zo dat iedereen hem kan gebruiken.",
    ),
    FactSpec(
        "accessibility_response",
        "Toegankelijkheid: binnen hoeveel tijd wij een probleem oplossen",
        kinds.TEXT,
        "Bijvoorbeeld: binnen 2 weken.",
        ("toegankelijkheidsverklaring",),
        seed="binnen 2 weken",
        sentence="Wij proberen het {value} op te lossen.",
        fallback="Wij proberen het zo snel mogelijk op te lossen.",
    ),
)

BY_KEY = {spec.key: spec for spec in FACTS}
