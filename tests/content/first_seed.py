"""The first seed, as sites loaded it until the B1 rewrite (was content/seed/pages.py).

Kept for the upgrade tests: a site with these pages and signs is what ``load_content`` must
bring up to the new seed without touching an editor's change. Never edit the text below:
content/seed/previous.py holds its fingerprints.
"""

ORIGINAL = (
    "Tekst van de organisatie (oude website). 'In het kort' en de omschrijving voor "
    "zoekmachines zijn nieuw geschreven: concept, laten controleren."
)
SIGNS = [
    "het kind heeft weinig vertrouwen in zichzelf en in anderen",
    "het kind is voortdurend op zoek naar bevestiging",
    "het kind is bang om in de steek gelaten te worden",
    "het kind heeft ernstige gedragsproblemen, zoals agressief gedrag, weglopen, conflicten, "
    "drugsgebruik, spijbelen, schoolverlaten, overlast, politiecontacten etc.",
    "het kind heeft ernstige emotionele problemen, zoals depressieve of angstige gevoelens",
    "het kind stoot dierbaren van zich af of kan weinig nabijheid verdragen",
    "het kind laat claimend gedrag zien naar opvoeders, gezinsleden of vrienden",
    "het kind stelt opvoeders en naasten sterk op de proef",
    "het kind speelt opvoeders tegen elkaar uit",
]


def pages(urls):
    """The seed pages in reading order; ``urls`` maps names to paths (from reverse())."""
    return [
        {
            "seed_key": "home",
            "kind": "home",
            "slug": "home",
            "title": "Hechtingsproblemen bij kinderen en jongeren",
            "menu_title": "Home",
            "order": 0,
            "show_in_menu": False,
            "call_to_action": "assessment",
            "summary": (
                "Hechtingsproblematiek bij kinderen en jongeren: wat zijn de oorzaken, hoe "
                "herken je de symptomen en wat is er aan te doen? Bijzonder Jeugdwerk helpt!"
            ),
            "meta_description": (
                "Hechtingsproblemen bij kinderen en jongeren: oorzaken, signalen en hulp. "
                "Bijzonder Jeugdwerk onderzoekt en behandelt, met de NIKA-interventie."
            ),
            "editor_note": (
                "'In het kort' is de tekst van de organisatie. De secties zijn nieuw "
                "geschreven in eenvoudige taal (B1): concept, laten controleren."
            ),
            "sections": [
                (
                    "Wat is een hechtingsprobleem?",
                    "Een kind hecht zich aan de mensen die voor hem zorgen. Zo voelt het zich "
                    "veilig. Soms gaat dat niet goed. Het kind vertrouwt zichzelf en anderen "
                    "dan niet goed. Dat ziet u vaak aan het gedrag. Of aan hoe het kind zich "
                    "voelt.",
                ),
                (
                    "Hoe helpt Bijzonder Jeugdwerk?",
                    "Wij zoeken uit wat er met uw kind aan de hand is. Dat doen wij met een "
                    "psychologisch onderzoek. Is er een hechtingsprobleem? Dan helpen wij met "
                    "de NIKA-interventie. U leert dan als ouder anders te reageren. Zo krijgt "
                    "uw kind weer vertrouwen.",
                ),
            ],
        },
        {
            "seed_key": "wat-is-hechting",
            "kind": "topic",
            "slug": "wat-is-hechting",
            "title": "Wat is hechting?",
            "menu_title": "Wat is hechting?",
            "order": 10,
            "call_to_action": "callback",
            "summary": (
                "Hechting is de band tussen een kind en de mensen die voor hem zorgen. Een "
                "kind heeft een veilige haven en een veilige basis nodig. Dan kan het zich "
                "veilig hechten. Het krijgt zo vertrouwen in zichzelf en in anderen."
            ),
            "meta_description": (
                "Wat is hechting? Een kind heeft een veilige haven en een veilige basis "
                "nodig. Lees wat veilige hechting is en waarom die belangrijk is."
            ),
            "editor_note": ORIGINAL,
            "sections": [
                (
                    "Veilige haven en veilige basis",
                    "Volgens de hechtingstheorie heeft een opgroeiend kind twee dingen nodig:\n\n"
                    "- een opvoeder die het kind een veilige haven biedt (troost/bescherming "
                    "als het van slag is);\n"
                    "- een veilige basis van waaruit het kind de wereld durft te verkennen.",
                ),
                (
                    "Veilige hechting",
                    "Een veilig gehecht kind heeft geleerd dat zijn ouders/opvoeders voor hem "
                    "zorgen en in zijn behoeften zullen voorzien. Het kind ervaart aandacht, "
                    "genegenheid en liefde. Een veilig gehecht kind weet dat zijn ouders altijd "
                    "weer bij hem terugkomen, ook al zijn ze soms boos op hem. Dat zijn "
                    "geruststellende gedachten voor een kind. Het kind krijgt hierdoor "
                    "zelfvertrouwen, een basisvertrouwen. Het kind leert dat het er mag zijn. "
                    "Er ontstaat een goede hechtingsrelatie.",
                ),
            ],
        },
        {
            "seed_key": "oorzaken",
            "kind": "topic",
            "slug": "oorzaken-onveilige-hechting",
            "title": "Oorzaken van onveilige hechting",
            "menu_title": "Oorzaken",
            "order": 20,
            "call_to_action": "callback",
            "show_urgent_help": True,
            "summary": (
                "Soms lukt het een kind niet om zich veilig te hechten. Dat kan komen door hoe "
                "een opvoeder reageert. Ook de situatie in het gezin speelt mee. Weet u niet "
                "wat de oorzaak is? Dat kunnen wij samen met u uitzoeken."
            ),
            "meta_description": (
                "Waardoor ontstaat onveilige hechting? Over het gedrag van opvoeders, "
                "risicofactoren bij de opvoeder en gezinsomstandigheden."
            ),
            "editor_note": ORIGINAL + " De tussenkop 'Hoe ontstaat onveilige hechting?' is nieuw.",
            "sections": [
                (
                    "Hoe ontstaat onveilige hechting?",
                    "Sommige kinderen hebben zich niet goed kunnen hechten. Dat kan ontstaan "
                    "door het gedrag van de opvoeder, zo blijkt uit onderzoek. Ook "
                    "gezinsomstandigheden of adoptieproblematiek kunnen de oorzaak zijn van "
                    "hechtingsproblematiek.",
                ),
                (
                    "Gedrag van opvoeders bij hechtingsproblemen",
                    "Hechtingsproblemen kunnen o.a. ontstaan als de opvoeder het lastig vindt "
                    "om de signalen van het kind juist te interpreteren en hier passend op te "
                    "reageren. De opvoeder reageert bijvoorbeeld de ene keer angstig of "
                    "beschermend, de andere keer boos of agressief. De onvoorspelbare reactie "
                    "geeft het kind een onveilig gevoel.",
                ),
                (
                    "Risicofactoren bij de opvoeder",
                    "- de opvoeder is zelf niet veilig gehecht;\n"
                    "- een onverwerkt trauma bij de opvoeder;\n"
                    "- psychische problemen bij de opvoeder;\n"
                    "- de opvoeder heeft veel moeite om sensitief op het kind te reageren.",
                ),
                (
                    "Gezinsomstandigheden bij hechtingsstoornis",
                    "Ook gezinsomstandigheden kunnen hechtingsproblemen veroorzaken. Denk aan "
                    "stress binnen het gezin, bijvoorbeeld door ziekte, scheiding, ruzie, "
                    "relatieproblemen of werkloosheid. Hechtingsproblemen komen voor bij "
                    "adoptiekinderen en kinderen die door veel verschillende opvoeders zijn "
                    "grootgebracht vanwege wisselende relaties van hun ouders. "
                    "Hechtingsproblemen kunnen ook ontstaan als een kind veel verschillende "
                    "woon- en verblijfplekken heeft gehad. Ook verwaarlozing en mishandeling "
                    "zijn een risicofactor voor een hechtingsstoornis.",
                ),
            ],
        },
        {
            "seed_key": "gevolgen",
            "kind": "topic",
            "slug": "hechtingsstoornis-en-gedragsproblemen",
            "title": "Hechtingsstoornis en gedragsproblemen",
            "menu_title": "Gevolgen",
            "order": 30,
            "call_to_action": "assessment",
            "summary": (
                "Een kind dat niet veilig gehecht is, mist vaak basisvertrouwen. Het kan "
                "daardoor ernstige gedragsproblemen krijgen. Of emotionele problemen. Die "
                "kunnen lang blijven. Daarom is het goed om op tijd hulp te zoeken."
            ),
            "meta_description": (
                "Wat betekent onveilige hechting voor een kind? Over hechtingsstoornis, "
                "gedragsproblemen en emotionele problemen, en waarom hulp helpt."
            ),
            "editor_note": ORIGINAL
            + " De tussenkoppen en de sectie 'Er is hulp' zijn nieuw geschreven.",
            "sections": [
                (
                    "Gevolgen voor het kind",
                    "Wat betekent een onveilige hechting voor het kind? Onveilig gehechte "
                    "kinderen hebben geen basisvertrouwen kunnen ontwikkelen. De "
                    "hechtingsrelatie is verstoord. Dat kan leiden tot ernstige "
                    "gedragsproblemen en emotionele problemen. Kinderen en jongeren die "
                    "onveilig zijn gehecht, kunnen hier tot ver in de volwassenheid problemen "
                    "van ondervinden.",
                ),
                (
                    "Er is hulp",
                    "Hechtingsproblemen gaan niet altijd vanzelf over. Maar er is wel hulp. "
                    "Eerst zoeken wij uit wat er aan de hand is. Daarna kan een behandeling "
                    "helpen. De band tussen u en uw kind kan dan beter worden.",
                ),
            ],
        },
        {
            "seed_key": "kenmerken",
            "kind": "topic",
            "slug": "kenmerken-en-symptomen",
            "title": "Hechtingsstoornis kenmerken en symptomen",
            "menu_title": "Kenmerken",
            "order": 40,
            "call_to_action": "assessment",
            "show_urgent_help": True,
            "show_signs": True,
            "summary": (
                "Een kind met hechtingsproblemen kan veel verschillende signalen laten zien. "
                "Bijvoorbeeld weinig vertrouwen, angst om in de steek gelaten te worden of "
                "veel boosheid. Herkent u een of meer signalen? Een onderzoek kan duidelijkheid "
                "geven."
            ),
            "meta_description": (
                "Hoe herken je hechtingsproblemen? De kenmerken en symptomen van een "
                "hechtingsstoornis bij kinderen en jongeren op een rij."
            ),
            "editor_note": ORIGINAL
            + " De signalen zelf staan onder Inhoud › Signalen. De sectie 'Herkent u deze "
            "signalen?' is nieuw geschreven.",
            "sections": [
                (
                    "Signalen bij kinderen en jongeren",
                    "Hoe herken je hechtingsproblemen bij kinderen en jongeren? Een of meer "
                    "van deze symptomen kunnen voorkomen:",
                ),
                (
                    "Herkent u deze signalen?",
                    "Deze signalen kunnen ook een andere oorzaak hebben. Daarom is het goed om "
                    "het te laten onderzoeken. Twijfelt u? Bel ons gerust. Wij denken met u "
                    "mee.",
                ),
            ],
        },
        {
            "seed_key": "diagnose",
            "kind": "topic",
            "slug": "diagnose-psychologisch-onderzoek",
            "title": "Hechtingsstoornis diagnose",
            "menu_title": "Diagnose",
            "order": 50,
            "call_to_action": "assessment",
            "show_urgent_help": True,
            "summary": (
                "Weet u niet zeker wat er met uw kind aan de hand is? Een psychologisch "
                "onderzoek kan dat duidelijk maken. U kunt het onderzoek bij ons aanvragen."
            ),
            "meta_description": (
                "Een hechtingsstoornis laten vaststellen? Lees hoe het psychologisch "
                "onderzoek bij Bijzonder Jeugdwerk werkt en vraag het aan."
            ),
            "editor_note": ORIGINAL
            + " De tekst onder 'Psychologisch onderzoek: …' en 'Zo vraagt u het onderzoek "
            "aan' is nieuw: laten controleren door de onderzoekers.",
            "sections": [
                (
                    "Een diagnose laten stellen",
                    "Weet je niet zeker of een hechtingsstoornis de oorzaak is van de "
                    "problemen? Wil je eerst een diagnose laten stellen? De gespecialiseerde "
                    "onderzoekers van Bijzonder Jeugdwerk helpen je verder. "
                    f"[Vraag nu een psychologisch onderzoek aan]({urls['assessment']}) of "
                    f"[lees meer over de mogelijkheden]({urls['behandeling']}).",
                ),
                (
                    "Psychologisch onderzoek: Waarom gedraagt dit kind zich zo anders?",
                    "In een psychologisch onderzoek kijken wij naar uw kind en naar het gezin. "
                    "Wij praten met u als ouder of opvoeder. Ook uw kind doet mee. Zo zoeken "
                    "wij uit waar het gedrag vandaan komt. Daarna bespreken wij de uitkomst "
                    "met u. En wij vertellen welke hulp past.",
                ),
                (
                    "Zo vraagt u het onderzoek aan",
                    f"Vul het formulier [Onderzoek aanvragen]({urls['assessment']}) in. Wij "
                    "nemen daarna contact met u op. Wilt u eerst met ons praten? "
                    f"[Vraag of wij u terugbellen]({urls['callback']}).",
                ),
            ],
        },
        {
            "seed_key": "behandeling",
            "kind": "topic",
            "slug": "behandeling-nika-interventie",
            "title": "Behandeling hechtingsstoornis",
            "menu_title": "Behandeling",
            "order": 60,
            "call_to_action": "callback",
            "show_urgent_help": True,
            "summary": (
                "Bijzonder Jeugdwerk behandelt hechtingsproblemen met de NIKA-interventie. U "
                "leert als opvoeder anders te reageren op uw kind. Zo groeit het vertrouwen "
                "van uw kind weer. De behandeling duurt meestal 2 tot 3 maanden."
            ),
            "meta_description": (
                "Behandeling van een hechtingsstoornis met de NIKA-interventie: 5 à 6 "
                "sessies voor ouders en opvoeders van kinderen van 0 tot 19 jaar."
            ),
            "editor_note": ORIGINAL,
            "sections": [
                (
                    "NIKA-interventie – Verbetert hechting tussen opvoeder en kind",
                    "Bijzonder Jeugdwerk biedt een effectieve behandeling om "
                    "hechtingsproblematiek te verminderen. Dit is de NIKA-interventie. Deze "
                    "interventie is goedgekeurd door het Nederlands Jeugdinstituut (NJi).",
                ),
                (
                    "NIKA-interventie: betere hechting",
                    "De NIKA-interventie is bedoeld voor ouders en opvoeders met een zoon of "
                    "dochter tussen de 0 en 19 jaar. Er zijn 5 à 6 sessies, verspreid over "
                    "gemiddeld 2 tot 3 maanden. NIKA helpt opvoeders om hun reactiestijl "
                    "succesvol te veranderen. Daardoor zal het basisvertrouwen van het kind "
                    "herstellen, in zichzelf en in anderen. De problemen zullen afnemen en het "
                    "contact tussen opvoeder en kind zal verbeteren.",
                ),
            ],
        },
        {
            "seed_key": "contact",
            "review_interval_months": 0,
            "kind": "info",
            "slug": "contact",
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
                "Inhoud › Gegevens van de organisatie."
            ),
            "sections": [
                (
                    "Een onderzoek aanvragen",
                    "Wilt u laten onderzoeken wat er met uw kind aan de hand is? Vul dan het "
                    f"formulier [Onderzoek aanvragen]({urls['assessment']}) in. Wij nemen "
                    "daarna contact met u op.",
                ),
            ],
        },
        {
            "seed_key": "privacyverklaring",
            "review_interval_months": 0,
            "kind": "info",
            "slug": "privacyverklaring",
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
            "slug": "toegankelijkheidsverklaring",
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


def load_first_seed():
    """Load this seed as ``load_content`` did before the rewrite: a site parents read."""
    from django.contrib.sites.models import Site
    from django.urls import reverse

    from content.facts.changes import seed_facts
    from content.models import Page, Section, Sign
    from content.publishing import start_live
    from content.site_url import sync_site

    sync_site(Site)
    seed_facts()
    Sign.objects.bulk_create(Sign(text=text, order=(i + 1) * 10) for i, text in enumerate(SIGNS))
    start_live(None, note="Startinhoud (load_content)")
    urls = {
        "assessment": reverse("requests_app:assessment"),
        "callback": reverse("requests_app:callback"),
        "contact": "/contact/",
        "behandeling": "/behandeling-nika-interventie/",
    }
    names = [
        "kind",
        "slug",
        "title",
        "menu_title",
        "order",
        "show_in_menu",
        "call_to_action",
        "show_urgent_help",
        "show_signs",
        "show_contact_details",
        "summary",
        "meta_description",
        "editor_note",
        "review_interval_months",
    ]
    for data in pages(urls):
        page = Page(
            seed_key=data["seed_key"],
            is_published=True,
            **{name: data[name] for name in names if name in data},
        )
        page.save()
        for i, (heading, body) in enumerate(data["sections"]):
            Section(page=page, order=(i + 1) * 10, heading=heading, body=body).save()
        start_live(page, note="Startinhoud (load_content)")
