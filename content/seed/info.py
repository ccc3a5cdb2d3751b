"""Information pages: contact, the privacy statement and the accessibility statement.

The two statements are legal texts: they keep their own wording and are left out of the
20-words-a-sentence test (tests/content/test_b1.py).
"""


def info_pages(urls, slugs):
    return [
        {
            "seed_key": "contact",
            "review_interval_months": 0,
            "kind": "info",
            "slug": slugs["contact"],
            "title": "Contact",
            "order": 100,
            "call_to_action": "none",
            "show_urgent_help": True,
            "show_contact_details": True,
            "summary": (
                "Heeft u een vraag over uw kind of over hechting? Neem gerust contact met ons "
                "op. U kunt bellen of mailen. Of vraag ons om u terug te bellen."
            ),
            "meta_description": (
                "Contact met Bijzonder Jeugdwerk: bel ons, of vraag of wij u terugbellen. "
                "Of vraag een onderzoek aan."
            ),
            "editor_note": (
                "Concept, laten controleren. Telefoon, e-mail, tijden en locaties komen uit "
                "Inhoud › Feiten van de organisatie."
            ),
            "sections": [
                (
                    "Een onderzoek aanvragen",
                    "Wilt u laten onderzoeken wat er met uw kind aan de hand is? Vul dan het "
                    f"formulier [Onderzoek aanvragen]({urls['assessment']}) in. Wij nemen "
                    "daarna contact met u op.",
                ),
                (
                    "Wilt u niet dat iemand ziet dat u hier was?",
                    "Wis na uw bezoek de geschiedenis van uw browser. Dat doet u in het menu van "
                    "uw browser, bij 'Geschiedenis' of 'Browsegegevens wissen'.",
                ),
            ],
        },
        {
            "seed_key": "privacyverklaring",
            "review_interval_months": 0,
            "kind": "info",
            "slug": slugs["privacyverklaring"],
            "title": "Privacyverklaring",
            "order": 110,
            "show_in_menu": False,
            "call_to_action": "none",
            "summary": (
                "Wij gaan zorgvuldig om met uw gegevens. Hier leest u welke gegevens wij "
                "gebruiken en waarom. En wat uw rechten zijn."
            ),
            "meta_description": (
                "Hoe Bijzonder Jeugdwerk omgaat met uw gegevens: wat wij vragen, waarvoor, "
                "hoe lang wij het bewaren en wat uw rechten zijn."
            ),
            "editor_note": (
                "Concept, laten controleren door de privacyfunctionaris. Vul in: de precieze "
                "bewaartermijn, verwerkers (hosting, e-mail) en wie de functionaris "
                "gegevensbescherming is."
            ),
            "sections": [
                (
                    "Wie zijn wij?",
                    "Bijzonder Jeugdwerk helpt kinderen, jongeren en hun ouders bij "
                    "hechtingsproblemen. Wij zijn verantwoordelijk voor de gegevens die u via "
                    "deze website aan ons geeft.",
                ),
                (
                    "Welke gegevens vragen wij?",
                    "Vraagt u een onderzoek aan? Of vraagt u om teruggebeld te worden? Dan "
                    "vragen wij:\n\n"
                    "- uw naam en hoe wij u kunnen bereiken;\n"
                    "- bij een onderzoek: gegevens over uw kind en over uw zorgen.\n\n"
                    "Vertel alleen wat nodig is. Stuur geen medische dossiers mee.",
                ),
                (
                    "Waarvoor gebruiken wij uw gegevens?",
                    "Wij gebruiken uw gegevens alleen om uw vraag te beantwoorden. En om het "
                    "onderzoek of de hulp voor te bereiden. Wij verkopen uw gegevens nooit. "
                    "Wij gebruiken ze niet voor reclame.",
                ),
                (
                    "Wie kan uw gegevens zien?",
                    "Alleen medewerkers die uw aanvraag behandelen, kunnen uw gegevens zien. "
                    "Wij houden bij wie een aanvraag heeft bekeken. Wij delen uw gegevens "
                    "alleen met anderen als u dat goed vindt. Of als de wet dat verplicht.",
                ),
                (
                    "Hoe lang bewaren wij uw gegevens?",
                    "Wij bewaren uw aanvraag niet langer dan nodig. Komt er geen onderzoek of "
                    "behandeling? Dan verwijderen wij uw gegevens na een vaste termijn. Komt "
                    "uw kind bij ons in behandeling? Dan gelden de regels voor een "
                    "zorgdossier.",
                ),
                (
                    "Cookies",
                    "Deze website volgt u niet. Er zijn geen advertenties en geen statistieken "
                    "van andere bedrijven. Wij gebruiken alleen cookies die nodig zijn. "
                    "Bijvoorbeeld om een formulier veilig te versturen.",
                ),
                (
                    "Uw rechten",
                    "U mag altijd vragen welke gegevens wij van u hebben. U mag ook vragen om "
                    "ze te verbeteren of te verwijderen. Neem daarvoor "
                    f"[contact]({urls['contact']}) met ons op. Wij reageren binnen een maand.",
                ),
                (
                    "Een klacht?",
                    "Bent u het niet eens met hoe wij met uw gegevens omgaan? Vertel het ons. "
                    "Komen wij er samen niet uit? Dan kunt u een klacht indienen bij de "
                    "[Autoriteit Persoonsgegevens](https://autoriteitpersoonsgegevens.nl).",
                ),
            ],
        },
        {
            "seed_key": "toegankelijkheidsverklaring",
            "review_interval_months": 0,
            "kind": "info",
            "slug": slugs["toegankelijkheidsverklaring"],
            "title": "Toegankelijkheidsverklaring",
            "order": 120,
            "show_in_menu": False,
            "call_to_action": "none",
            "summary": (
                "Wij willen dat iedereen deze website goed kan gebruiken. Ook mensen met een "
                "beperking. Hier leest u wat wij daarvoor doen."
            ),
            "meta_description": (
                "Hoe Bijzonder Jeugdwerk zorgt dat iedereen deze website kan gebruiken, en "
                "wat u kunt doen als iets niet goed werkt."
            ),
            "editor_note": (
                "Concept, laten controleren. Houd de uitkomst van de laatste "
                "toegankelijkheidstest bij (zie docs/quality.md)."
            ),
            "sections": [
                (
                    "Wat doen wij?",
                    "[[feit:accessibility_standard]]\n\n"
                    "Bijvoorbeeld:\n\n"
                    "- de teksten zijn in eenvoudige taal geschreven;\n"
                    "- u kunt de website met alleen een toetsenbord gebruiken;\n"
                    "- de website werkt met een schermlezer;\n"
                    "- u kunt de tekst groter maken zonder dat er iets verdwijnt;\n"
                    "- de formulieren werken ook zonder JavaScript.",
                ),
                (
                    "Hoe controleren wij dit?",
                    "Wij testen de pagina's automatisch op toegankelijkheid. Dat doen wij bij "
                    "elke wijziging van de website. Wij controleren ook met een toetsenbord.",
                ),
                (
                    "Werkt iets niet goed?",
                    "Loopt u tegen een probleem aan? Laat het ons weten via de "
                    f"[contactpagina]({urls['contact']}).\n\n"
                    "[[feit:accessibility_response]]\n\n"
                    "Heeft u de informatie nu nodig? Bel ons. Dan helpen wij u verder.",
                ),
            ],
        },
    ]
