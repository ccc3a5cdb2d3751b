"""The home page and the guide pages that carry the organisation's own text, in B1.

Meaning and facts of content/seed/hechtingsstoornis.txt are kept (causes, risk factors,
family circumstances, the signs, the assessment, NIKA); tests/content/test_seed.py checks
them. "Hechtingsproblemen" is the general word; "hechtingsstoornis" appears once, in the
section that explains it is a rare diagnosis.
"""

from .text import ORIGINAL, md

NJI_NIKA = "https://www.nji.nl/nl/Databank/Effectieve-Jeugdinterventies/Interventies/Erkend/NIKA"


def guide_pages(urls, slugs):
    return [
        {
            "seed_key": "home",
            "kind": "home",
            "slug": slugs["home"],
            "title": "Hechtingsproblemen bij kinderen en jongeren",
            "menu_title": "Home",
            "order": 0,
            "show_in_menu": False,
            "call_to_action": "assessment",
            "show_not_your_fault": True,
            "summary": md("""
                Maakt u zich zorgen over uw kind? Hier leest u hoe hechtingsproblemen
                ontstaan en hoe u ze herkent. En wat u eraan kunt doen. Bijzonder Jeugdwerk
                helpt u graag.
            """),
            "meta_description": (
                "Hechtingsproblemen bij kinderen en jongeren: hoe ze ontstaan, hoe u ze "
                "herkent en wat u kunt doen. Bijzonder Jeugdwerk helpt."
            ),
            "editor_note": ORIGINAL,
            "sections": [
                (
                    "Wat zijn hechtingsproblemen?",
                    md("""
                        Een kind hecht zich aan de mensen die voor hem zorgen. Zo voelt het
                        zich veilig. Soms gaat dat niet goed. Het kind vertrouwt zichzelf en
                        anderen dan niet goed. Dat ziet u vaak aan het gedrag. Of aan hoe het
                        kind zich voelt.
                    """),
                ),
                (
                    "Waar begint u?",
                    md(f"""
                        - Twijfelt u of het gedrag van uw kind normaal is? Lees
                          [Wat is normaal voor de leeftijd?]({urls["normaal"]})
                        - Wilt u weten wie u kan helpen? Lees
                          [Wanneer hulp vragen, en bij wie?]({urls["hulp-vragen"]})
                        - Gaat u naar de huisarts? Neem de
                          [gesprekskaart]({urls["gesprekskaart"]}) mee.
                    """),
                ),
                (
                    "Hoe helpt Bijzonder Jeugdwerk?",
                    md(f"""
                        Wij zoeken uit wat er met uw kind aan de hand is. Dat doen wij met een
                        [psychologisch onderzoek]({urls["diagnose"]}). Zijn er
                        hechtingsproblemen? Dan kan [NIKA]({urls["behandeling"]}) helpen. U
                        leert dan als ouder anders te reageren op uw kind. Zo kan uw kind weer
                        vertrouwen krijgen.
                    """),
                ),
            ],
        },
        {
            "seed_key": "wat-is-hechting",
            "kind": "topic",
            "slug": slugs["wat-is-hechting"],
            "title": "Wat is hechting?",
            "menu_title": "Wat is hechting?",
            "order": 10,
            "call_to_action": "callback",
            "summary": md("""
                Hechting is de band tussen een kind en de mensen die voor hem zorgen. Een
                kind heeft een veilige haven en een veilige basis nodig. Dan kan het zich
                veilig hechten. Zo krijgt het vertrouwen in zichzelf en in anderen.
            """),
            "meta_description": (
                "Wat is hechting? Een kind heeft een veilige haven en een veilige basis "
                "nodig. Lees wat veilige hechting is en waarom die belangrijk is."
            ),
            "editor_note": ORIGINAL
            + " De sectie over hechtingsproblemen en een hechtingsstoornis is nieuw.",
            "sections": [
                (
                    "Veilige haven en veilige basis",
                    md("""
                        Volgens de hechtingstheorie heeft een kind dat opgroeit twee dingen
                        nodig:

                        - een opvoeder die een veilige haven is: die troost en beschermt als
                          het kind van slag is;
                        - een veilige basis: van daaruit durft het kind de wereld te ontdekken.
                    """),
                ),
                (
                    "Veilige hechting",
                    md("""
                        Een kind dat veilig gehecht is, heeft geleerd dat zijn ouders of
                        opvoeders voor hem zorgen. Zij geven hem wat hij nodig heeft. Het kind
                        krijgt aandacht, warmte en liefde.

                        Het kind weet dat zijn ouders altijd weer bij hem terugkomen. Ook als
                        ze soms boos op hem zijn. Die gedachte stelt een kind gerust. Zo krijgt
                        het vertrouwen in zichzelf en in anderen: basisvertrouwen. Het kind
                        leert dat het er mag zijn. Er groeit een goede band tussen ouder en
                        kind.
                    """),
                ),
                (
                    "Hechtingsproblemen of een hechtingsstoornis?",
                    md(f"""
                        Hechtingsproblemen is een algemeen woord. Het betekent dat een kind
                        zich bij zijn opvoeders niet veilig genoeg voelt. Dat komt bij veel
                        kinderen voor. Met steun kan het vaak weer beter gaan.

                        Een hechtingsstoornis is iets anders. Het is een zeldzame psychische
                        stoornis. Het kind zoekt dan bijna nooit troost bij een opvoeder. Of
                        het gaat juist met iedereen mee, ook met mensen die het niet kent.
                        Deskundigen noemen dat een reactieve hechtingsstoornis of een
                        ontremd-sociaalcontactstoornis.

                        Alleen een deskundige kan zeggen of een kind een hechtingsstoornis
                        heeft. Dat kan pas na een [onderzoek]({urls["diagnose"]}). Herkent u
                        iets bij uw kind? Schrik dan niet van het woord, maar vraag advies.
                    """),
                ),
            ],
        },
        {
            "seed_key": "oorzaken",
            "kind": "topic",
            "slug": slugs["oorzaken"],
            "title": "Hoe ontstaan hechtingsproblemen?",
            "menu_title": "Oorzaken",
            "order": 20,
            "call_to_action": "callback",
            "show_not_your_fault": True,
            "summary": md("""
                Het is niet uw schuld. Hechtingsproblemen hebben bijna altijd meer dan één
                oorzaak. Die kunnen liggen bij het kind, bij wat een gezin meemaakt en bij de
                opvoeder. Hechting kan herstellen, ook als een kind ouder is.
            """),
            "meta_description": (
                "Hoe ontstaan hechtingsproblemen? Oorzaken bij het kind, in het gezin en bij "
                "de opvoeder. Het is niet uw schuld, en hechting kan herstellen."
            ),
            "editor_note": ORIGINAL
            + " Nieuw: oorzaken bij het kind en 'Hechting kan herstellen' (richtlijn "
            "Problematische gehechtheid).",
            "sections": [
                (
                    "Meestal spelen meer dingen mee",
                    md("""
                        Sommige kinderen hebben zich niet goed kunnen hechten. Uit onderzoek
                        weten we dat daar bijna altijd meer dingen aan meewerken. Het kind
                        zelf speelt mee. Wat een gezin meemaakt, speelt mee. Ook adoptie kan
                        een rol spelen. En hoe een opvoeder op het kind reageert.
                    """),
                ),
                (
                    "Oorzaken bij het kind",
                    md("""
                        Soms maakt een kind iets mee waardoor hechten moeilijker gaat.
                        Bijvoorbeeld:

                        - het kind is te vroeg geboren;
                        - het kind lag lang in het ziekenhuis, vooral als baby;
                        - het kind heeft een beperking of een ontwikkelingsprobleem, zoals
                          autisme;
                        - het kind is een ouder of een andere vertrouwde persoon kwijtgeraakt.

                        Ouder en kind leren elkaar dan moeilijker kennen. Niemand heeft daar
                        schuld aan.
                    """),
                ),
                (
                    "Wat een gezin meemaakt",
                    md("""
                        Ook de omstandigheden in een gezin kunnen hechtingsproblemen geven.
                        Denk aan veel stress in het gezin. Bijvoorbeeld door ziekte, een
                        scheiding, ruzie, problemen tussen de ouders of werkloosheid.

                        Hechtingsproblemen komen ook voor bij:

                        - kinderen die geadopteerd zijn;
                        - kinderen die door veel verschillende opvoeders zijn opgevoed.
                          Bijvoorbeeld omdat hun ouders vaak een nieuwe partner hadden;
                        - kinderen die op veel verschillende plekken hebben gewoond.

                        Ook verwaarlozing en mishandeling vergroten de kans op ernstige
                        hechtingsproblemen.
                    """),
                ),
                (
                    "Hoe een opvoeder reageert",
                    md("""
                        Hechtingsproblemen kunnen ook ontstaan als een opvoeder moeilijk kan
                        zien wat een kind nodig heeft. Of als hij niet goed weet hoe hij daarop
                        kan reageren. De opvoeder reageert bijvoorbeeld de ene keer angstig of
                        beschermend. En de andere keer boos of agressief. Het kind weet dan
                        niet wat het kan verwachten. Dat geeft het kind een onveilig gevoel.
                    """),
                ),
                (
                    "Wat bij de opvoeder kan meespelen",
                    md("""
                        Soms speelt er iets bij de opvoeder zelf. Bijvoorbeeld:

                        - de opvoeder is zelf als kind niet veilig gehecht;
                        - de opvoeder heeft iets ergs meegemaakt en dat nog niet verwerkt (een
                          trauma);
                        - de opvoeder heeft psychische problemen;
                        - de opvoeder vindt het heel moeilijk om aan te voelen wat het kind
                          nodig heeft, en daarop te reageren.

                        Dit zegt niets over hoeveel u van uw kind houdt. Met hulp kunt u leren
                        om anders te reageren.
                    """),
                ),
                (
                    "Hechting kan herstellen",
                    md(f"""
                        Hechting kan beter worden, op elke leeftijd. Een kind heeft daarvoor
                        goede ervaringen nodig met een volwassene. Met iemand die rustig en
                        voorspelbaar reageert, en begrijpt wat het kind nodig heeft. Daar kunt
                        u zelf veel aan doen. Lees [wat u zelf kunt doen]({urls["zelf-doen"]}).
                        Hulp kan u daarbij steunen.
                    """),
                ),
            ],
        },
        {
            "seed_key": "gevolgen",
            "kind": "topic",
            "slug": slugs["gevolgen"],
            "old_slugs": ["hechtingsstoornis-en-gedragsproblemen"],
            "title": "Wat betekenen hechtingsproblemen voor uw kind?",
            "menu_title": "Gevolgen",
            "order": 30,
            "show_in_menu": False,
            "call_to_action": "assessment",
            "summary": md("""
                Een kind dat niet veilig gehecht is, mist vaak basisvertrouwen. Daardoor kan
                het problemen krijgen met gedrag of met gevoelens. Die kunnen lang blijven.
                Daarom is het goed om op tijd hulp te vragen.
            """),
            "meta_description": (
                "Wat betekenen hechtingsproblemen voor een kind? Over gevolgen voor gedrag en "
                "gevoelens, en waarom het goed is om op tijd hulp te vragen."
            ),
            "editor_note": ORIGINAL,
            "sections": [
                (
                    "Gevolgen voor het kind",
                    md("""
                        Wat betekent een onveilige hechting voor een kind? Een kind dat
                        onveilig gehecht is, heeft geen basisvertrouwen kunnen opbouwen. De
                        band met zijn opvoeders is verstoord. Dat kan leiden tot ernstige
                        problemen met gedrag en met gevoelens. Kinderen en jongeren kunnen daar
                        last van houden tot ver in hun volwassen leven.
                    """),
                ),
                (
                    "Wat u kunt zien",
                    md(f"""
                        Een kind met hechtingsproblemen kan bijvoorbeeld:

                        - snel boos worden, of juist heel stil zijn;
                        - moeite hebben met vriendschappen;
                        - anderen moeilijk vertrouwen;
                        - problemen krijgen op school.

                        Alle signalen staan op een rij op de pagina
                        [Waaraan herkent u hechtingsproblemen?]({urls["kenmerken"]})
                    """),
                ),
                (
                    "Er is hulp",
                    md("""
                        Hechtingsproblemen gaan niet altijd vanzelf over. Maar er is wel hulp.
                        Eerst zoeken wij uit wat er aan de hand is. Daarna kan een behandeling
                        helpen. De band tussen u en uw kind kan dan beter worden.
                    """),
                ),
            ],
        },
        {
            "seed_key": "kenmerken",
            "kind": "topic",
            "slug": slugs["kenmerken"],
            "title": "Waaraan herkent u hechtingsproblemen?",
            "menu_title": "Signalen",
            "order": 40,
            "call_to_action": "assessment",
            "show_urgent_help": True,
            "show_signs": True,
            "summary": md("""
                Een kind met hechtingsproblemen kan veel verschillende signalen laten zien.
                Bijvoorbeeld weinig vertrouwen, angst om in de steek gelaten te worden of veel
                boosheid. Herkent u een of meer signalen? Een onderzoek kan duidelijk maken
                wat er aan de hand is.
            """),
            "meta_description": (
                "Waaraan herkent u hechtingsproblemen bij kinderen en jongeren? De signalen "
                "op een rij, en wat u doet als u ze herkent."
            ),
            "editor_note": ORIGINAL
            + " De signalen zelf staan onder Inhoud › Signalen (ook de keuzevakjes van het "
            "aanvraagformulier).",
            "sections": [
                (
                    "Signalen bij kinderen en jongeren",
                    md("""
                        Hoe herkent u hechtingsproblemen bij kinderen en jongeren? U kunt een of
                        meer van deze signalen zien:
                    """),
                ),
                (
                    "Herkent u deze signalen?",
                    md(f"""
                        Deze signalen kunnen ook een andere oorzaak hebben. Een kind dat één
                        keer wegloopt, heeft niet meteen hechtingsproblemen. Daarom is het goed
                        om het te laten onderzoeken. Twijfelt u? Bel ons gerust. Wij denken met
                        u mee.

                        Lees ook [wat normaal is voor de leeftijd]({urls["normaal"]}). Of zet
                        op de [gesprekskaart]({urls["gesprekskaart"]}) wat u bij uw kind ziet.
                    """),
                ),
            ],
        },
        {
            "seed_key": "diagnose",
            "kind": "topic",
            "slug": slugs["diagnose"],
            "old_slugs": ["diagnose-psychologisch-onderzoek"],
            "title": "Hoe gaat het psychologisch onderzoek?",
            "menu_title": "Onderzoek",
            "order": 50,
            "call_to_action": "assessment",
            "summary": md("""
                Weet u niet zeker wat er met uw kind aan de hand is? Een psychologisch
                onderzoek kan dat duidelijk maken. Hier leest u hoe het onderzoek gaat. U kunt
                het bij ons aanvragen.
            """),
            "meta_description": (
                "Hoe gaat een psychologisch onderzoek naar hechtingsproblemen? De stappen, wie "
                "het doet, waar en hoe lang, en wat u daarna hoort."
            ),
            "editor_note": ORIGINAL
            + " De stappen van het onderzoek zijn nieuw: laten controleren door de "
            "onderzoekers. Wie, waar en hoe lang komen uit Inhoud › Feiten van de organisatie.",
            "sections": [
                (
                    "Waarom gedraagt mijn kind zich zo?",
                    md(f"""
                        Weet u niet zeker of hechtingsproblemen de oorzaak zijn van wat u ziet?
                        Wilt u eerst weten wat er aan de hand is? De gespecialiseerde
                        onderzoekers van Bijzonder Jeugdwerk helpen u verder. Zij zoeken uit
                        waarom uw kind zich zo gedraagt. En welke hulp past.

                        [Vraag een psychologisch onderzoek aan]({urls["assessment"]}) of lees
                        meer over [de behandeling met NIKA]({urls["behandeling"]}).
                    """),
                ),
                (
                    "Zo gaat het onderzoek",
                    md(f"""
                        Meestal gaat het onderzoek zo:

                        1. **Aanvragen.** U vraagt het onderzoek aan met het
                           [formulier]({urls["assessment"]}), of u belt ons. Wij nemen contact
                           met u op.
                        2. **Kennismaken.** U vertelt wat u ziet en wat u wilt weten. Wij
                           leggen uit wat wij gaan doen.
                        3. **Praten en kijken.** Wij praten met u als ouder of opvoeder. Ook uw
                           kind doet mee. Wij kijken hoe u en uw kind met elkaar omgaan. Soms
                           vult u een vragenlijst in.
                        4. **Anderen vragen.** Vindt u het goed? Dan vragen wij ook de school
                           of andere hulpverleners wat zij zien.
                        5. **De uitkomst.** Wij bespreken de uitkomst met u. En wij vertellen
                           welke hulp past.
                    """),
                ),
                (
                    "Wie, waar en hoe lang?",
                    md("""
                        [[feit:assessment_by]]

                        [[feit:assessment_ages]]

                        [[feit:session_place]]

                        [[feit:assessment_duration]]

                        [[feit:waiting_time]]
                    """),
                ),
                (
                    "Wat hoort u na het onderzoek?",
                    md(f"""
                        Na het onderzoek weet u beter wat er met uw kind aan de hand is. U hoort
                        wat goed gaat en wat moeilijk is. En welke hulp u en uw kind kan
                        helpen. Soms is dat [NIKA]({urls["behandeling"]}). Soms past andere
                        hulp beter. Dan vertellen wij u waar u terecht kunt.
                    """),
                ),
                (
                    "Zo vraagt u het onderzoek aan",
                    md(f"""
                        Vul het formulier [Onderzoek aanvragen]({urls["assessment"]}) in. Wij
                        nemen daarna contact met u op. Wilt u eerst met ons praten?
                        [Vraag of wij u terugbellen]({urls["callback"]}). Heeft u een
                        verwijzing nodig? Lees [Verwijzing, kosten en
                        wachttijd]({urls["verwijzing"]}).
                    """),
                ),
            ],
        },
        {
            "seed_key": "behandeling",
            "kind": "topic",
            "slug": slugs["behandeling"],
            "title": "Hoe gaat NIKA?",
            "menu_title": "Behandeling",
            "order": 60,
            "call_to_action": "callback",
            "summary": md("""
                Bijzonder Jeugdwerk helpt bij hechtingsproblemen met NIKA. U leert als ouder of
                opvoeder anders te reageren op uw kind. Daardoor kan uw kind weer meer
                vertrouwen krijgen. Hier leest u hoe NIKA gaat.
            """),
            "meta_description": (
                "NIKA bij hechtingsproblemen: voor wie, hoe het gaat en wat het NJi erover "
                "zegt. Met filmpjes van u en uw kind, uitleg en oefeningen thuis."
            ),
            "editor_note": ORIGINAL
            + " Wat het NJi over NIKA zegt, staat er precies zoals in de databank (erkend als "
            "'goed onderbouwd', 27 juni 2014, wordt opnieuw beoordeeld). Beloof geen "
            "uitkomst: 'kan helpen', nooit 'zal'.",
            "sections": [
                (
                    "NIKA kan helpen",
                    md("""
                        NIKA is een behandeling voor ouders en opvoeders van een kind met
                        hechtingsproblemen. U leert beter zien wat uw kind
                        nodig heeft. En u leert daar rustig en voorspelbaar op te reageren.

                        Zo kan het basisvertrouwen van uw kind herstellen: vertrouwen in
                        zichzelf en in anderen. De problemen kunnen dan minder worden. En het
                        contact tussen u en uw kind kan beter worden. Hoe het gaat, is voor
                        elk gezin anders.
                    """),
                ),
                (
                    "Voor wie, en hoe lang?",
                    md("""
                        [[feit:nika_ages]]

                        [[feit:nika_sessions]]

                        [[feit:session_place]]
                    """),
                ),
                (
                    "Zo gaat NIKA",
                    md("""
                        1. **Kennismaken.** U vertelt over uw kind, over uw gezin en over
                           uzelf. Wij maken een korte film van u en uw kind, bijvoorbeeld
                           tijdens het spelen.
                        2. **Samen kijken.** In de sessies kijkt u met de behandelaar naar
                           stukjes film. U ziet wat goed gaat. En wat u anders kunt doen.
                        3. **Uitleg.** U krijgt uitleg over hechting en over wat uw kind nodig
                           heeft.
                        4. **Oefenen.** Tussen de sessies oefent u thuis met kleine
                           opdrachten.
                        5. **Terugkijken.** Aan het eind bespreekt u wat er veranderd is. En
                           wat u verder nog nodig heeft.
                    """),
                ),
                (
                    "Wat zegt het NJi over NIKA?",
                    md(f"""
                        Het Nederlands Jeugdinstituut (NJi) heeft een databank met jeugdhulp
                        die beoordeeld is. Daarin is NIKA erkend als 'goed onderbouwd'. Die
                        erkenning is van 27 juni 2014. Het NJi beoordeelt NIKA nu opnieuw.

                        Goed onderbouwd betekent: het is goed beschreven hoe en waarom NIKA
                        kan werken. Voor deze erkenning hoeft nog niet bewezen te zijn dat NIKA
                        werkt.

                        Het NJi beschrijft NIKA voor kinderen van 9 maanden tot 6 jaar en hun
                        ouders. Er zijn dan ongeveer vijf sessies. Daarin gebruikt de
                        behandelaar filmpjes van ouder en kind (videofeedback). Hij geeft
                        uitleg over hechting (psycho-educatie). En hij geeft opdrachten voor
                        thuis.

                        [Lees over NIKA in de databank van het NJi]({NJI_NIKA})
                    """),
                ),
            ],
        },
    ]
