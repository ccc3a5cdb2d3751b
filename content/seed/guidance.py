"""New guide pages: what a worried parent asks next (Thuisarts.nl and NHS patterns).

General facts are written here in our own words (112, huisartsenpost, Veilig Thuis,
Kindertelefoon, 113, the Jeugdwet route). What *we* do, charge or take (waiting time,
costs, where, who, how long) comes from the organisation's facts as [[feit:KEY]].
"""

from .text import NEW, md


def guidance_pages(urls, slugs):
    return [
        {
            "seed_key": "normaal",
            "kind": "topic",
            "slug": slugs["normaal"],
            "title": "Wat is normaal voor de leeftijd?",
            "menu_title": "Normaal gedrag",
            "order": 42,
            "show_in_menu": False,
            "call_to_action": "callback",
            "summary": md("""
                Kinderen laten op elke leeftijd gedrag zien dat lastig kan zijn. Vaak hoort
                dat bij hun ontwikkeling. Hier leest u wat normaal is. En wanneer gedrag een
                reden is om hulp te vragen.
            """),
            "meta_description": (
                "Wat is normaal gedrag voor een baby, peuter, kleuter, schoolkind of puber? "
                "En wanneer is gedrag een reden om hulp te vragen?"
            ),
            "editor_note": NEW,
            "sections": [
                (
                    "Baby (0 tot 1 jaar)",
                    md("""
                        Een baby huilt om te laten weten dat hij iets nodig heeft. Eten,
                        slapen, een schone luier of troost. Dat is normaal. Troosten verwent
                        een baby niet.

                        Rond 8 maanden worden veel baby's eenkennig. Ze huilen dan bij mensen
                        die ze niet kennen. Ook dat hoort erbij. Uw baby weet nu wie zijn eigen
                        mensen zijn.
                    """),
                ),
                (
                    "Peuter (1 tot 4 jaar)",
                    md("""
                        Een peuter wil veel zelf doen. Hij zegt vaak 'nee' en kan flinke
                        driftbuien hebben. Dat is normaal. Een peuter kan ook huilen als u
                        weggaat, bijvoorbeeld bij de opvang. Meestal is hij snel weer rustig.
                        Als u terugkomt, zoekt hij u op.
                    """),
                ),
                (
                    "Kleuter en schoolkind (4 tot 12 jaar)",
                    md("""
                        Een kleuter kan nog erg aanhankelijk zijn. Vooral na een verandering,
                        zoals een verhuizing of een nieuw broertje of zusje. Een schoolkind
                        wordt zelfstandiger. Het maakt vrienden en kan soms brutaal of boos
                        zijn. Bij verdriet of angst zoekt het nog steeds een ouder op. Dat is
                        normaal.
                    """),
                ),
                (
                    "Puber (12 tot 18 jaar)",
                    md("""
                        Een puber wil meer zelf beslissen. Hij trekt zich vaker terug en maakt
                        ruzie over regels. Zijn stemming kan snel wisselen. Vrienden worden
                        belangrijker. Dat is allemaal normaal. Toch heeft een puber zijn ouders
                        nog nodig. Als het echt moeilijk is, komt hij vaak toch naar u toe.
                    """),
                ),
                (
                    "Wanneer is gedrag een reden om hulp te vragen?",
                    md(f"""
                        Vraag hulp als u een of meer van deze dingen ziet:

                        - het gedrag duurt langer dan een paar weken, of het wordt erger;
                        - het gedrag is er thuis, op school en bij anderen;
                        - uw kind zoekt bijna nooit troost, ook niet bij pijn of verdriet;
                        - uw kind gaat met iedereen mee, ook met mensen die het niet kent;
                        - het gedrag maakt het leven zwaar voor uw kind of voor het gezin;
                        - u maakt zich zorgen, of u voelt dat er iets niet klopt.

                        U kent uw kind het best. Lees [wanneer u hulp vraagt, en bij
                        wie]({urls["hulp-vragen"]}).
                    """),
                ),
            ],
        },
        {
            "seed_key": "zelf-doen",
            "kind": "topic",
            "slug": slugs["zelf-doen"],
            "title": "Wat kunt u zelf doen?",
            "menu_title": "Wat kunt u zelf doen?",
            "order": 44,
            "show_in_menu": False,
            "call_to_action": "callback",
            "show_not_your_fault": True,
            "summary": md("""
                U kunt zelf veel doen om uw kind zich veiliger te laten voelen. Het gaat om
                kleine dingen, elke dag. Zorg ook goed voor uzelf. En vraag steun als het
                zwaar wordt.
            """),
            "meta_description": (
                "Wat kunt u zelf doen bij hechtingsproblemen? Tips voor elke dag: "
                "duidelijkheid, troost, gevoelens benoemen en goed voor uzelf zorgen."
            ),
            "editor_note": NEW,
            "sections": [
                (
                    "Zorg voor duidelijkheid",
                    md("""
                        Een kind voelt zich veiliger als het weet wat er komt. Houd een vast
                        ritme aan, bijvoorbeeld bij eten en slapen. Vertel van tevoren wat er
                        gaat gebeuren. Bijvoorbeeld: 'Na het eten gaan we naar oma.' Reageer
                        zo veel mogelijk op dezelfde manier. Dan weet uw kind wat het van u
                        kan verwachten.
                    """),
                ),
                (
                    "Troost uw kind",
                    md("""
                        Troost uw kind als het verdrietig, bang of van slag is. Ook als het
                        niet om troost vraagt, of als het u wegduwt. Blijf dan rustig in de
                        buurt. Laat merken dat u er bent. Zo leert uw kind dat het op u kan
                        rekenen.
                    """),
                ),
                (
                    "Zeg wat uw kind voelt",
                    md("""
                        Zeg hardop wat u ziet dat uw kind voelt. Bijvoorbeeld: 'Ik zie dat het
                        even te veel is.' Zo leert uw kind zijn gevoelens herkennen. En het
                        merkt dat u het begrijpt. Vraag u bij lastig gedrag af: wat heeft mijn
                        kind nu nodig?
                    """),
                ),
                (
                    "Geef aandacht, ook als het goed gaat",
                    md("""
                        Doe elke dag iets samen waar u allebei plezier in heeft. Een spelletje,
                        samen koken of even kletsen. Kort is genoeg. Zeg het ook als iets goed
                        gaat. Zo groeit het vertrouwen tussen u en uw kind.
                    """),
                ),
                (
                    "Zorg goed voor uzelf",
                    md("""
                        Een kind met hechtingsproblemen opvoeden kost veel energie. Het is
                        normaal dat u soms moe, boos of verdrietig bent. Neem rust als dat
                        kan. Praat met iemand die u vertrouwt. Wordt u heel boos? Zorg dat uw
                        kind veilig is. Neem dan even afstand tot u rustiger bent.
                    """),
                ),
                (
                    "Vraag steun",
                    md(f"""
                        U hoeft het niet alleen te doen. Vraag familie of vrienden om te
                        helpen. Praat met de huisarts, de jeugdarts of het wijkteam van uw
                        gemeente. Zij denken met u mee. Lees [wanneer u hulp vraagt, en bij
                        wie]({urls["hulp-vragen"]}).
                    """),
                ),
            ],
        },
        {
            "seed_key": "hulp-vragen",
            "kind": "topic",
            "slug": slugs["hulp-vragen"],
            "title": "Wanneer hulp vragen, en bij wie?",
            "menu_title": "Hulp vragen",
            "order": 46,
            "call_to_action": "callback",
            "summary": md("""
                Maakt u zich zorgen over uw kind? Praat er eerst over met de huisarts of de
                jeugdarts. Is er nu gevaar? Bel dan meteen 112. Hier leest u wie u waarmee
                helpt.
            """),
            "meta_description": (
                "Wanneer vraagt u hulp bij zorgen over uw kind, en bij wie? De huisarts, de "
                "jeugdarts, het wijkteam, school, en hulp als het dringend is."
            ),
            "editor_note": NEW
            + " Opbouw zoals de NHS ('when and where to get care'): eerst gewone hulp, dan "
            "dringend, dan direct gevaar.",
            "sections": [
                (
                    "Vraag eerst advies aan iemand dichtbij",
                    md(f"""
                        Maakt u zich zorgen over het gedrag of de gevoelens van uw kind? Dan
                        kunt u terecht bij:

                        - de huisarts;
                        - de jeugdarts of jeugdverpleegkundige, bij het consultatiebureau of
                          via school;
                        - het wijkteam van uw gemeente (soms heet het sociaal team of
                          jeugdteam);
                        - de intern begeleider op school: die regelt extra hulp voor
                          leerlingen.

                        Zij kunnen met u meekijken. Zij kunnen u ook verwijzen naar
                        gespecialiseerde hulp, zoals Bijzonder Jeugdwerk. Neem de
                        [gesprekskaart]({urls["gesprekskaart"]}) mee naar het gesprek.
                    """),
                ),
                (
                    "Bel vandaag nog de huisarts als:",
                    md("""
                        - uw kind zegt dat het niet meer wil leven;
                        - uw kind zichzelf pijn doet;
                        - u bang bent dat u of uw kind de controle verliest.

                        Is de huisarts dicht, zoals 's avonds, 's nachts of in het weekend? Bel
                        dan de huisartsenpost.
                    """),
                ),
                (
                    "Bel 112 als er nu gevaar is",
                    md("""
                        Bel [112](tel:112) als er nu gevaar is voor uw kind, voor uzelf of voor
                        iemand anders.

                        Maakt u zich zorgen over huiselijk geweld of kindermishandeling? Bel
                        Veilig Thuis: [0800-2000](tel:08002000). Bellen is gratis en kan dag en
                        nacht. U kunt er ook om advies vragen.
                    """),
                ),
                (
                    "Voor uw kind zelf",
                    md(f"""
                        Uw kind of tiener kan ook zelf met iemand praten. Anoniem en gratis:

                        - de Kindertelefoon: bel [0800-0432](tel:08000432) of chat via
                          [kindertelefoon.nl](https://www.kindertelefoon.nl);
                        - 113 Zelfmoordpreventie: bel [0800-0113](tel:08000113) of chat via
                          [113.nl](https://www.113.nl). Ook voor u als ouder.

                        Er is ook een pagina [voor jongeren]({urls["jongeren"]}) zelf.
                    """),
                ),
                (
                    "Hulp van Bijzonder Jeugdwerk",
                    md(f"""
                        Wilt u weten of uw kind hechtingsproblemen heeft? Dan kunt u bij ons
                        een [psychologisch onderzoek]({urls["diagnose"]}) aanvragen. Twijfelt
                        u nog? Bel ons gerust, of [vraag of wij u terugbellen]({urls["callback"]}).
                        Wij denken met u mee. Lees ook over [verwijzing, kosten en
                        wachttijd]({urls["verwijzing"]}).
                    """),
                ),
            ],
        },
        {
            "seed_key": "gesprekskaart",
            "kind": "topic",
            "layout": "conversation_card",
            "slug": slugs["gesprekskaart"],
            "title": "Gesprekskaart: wat ziet u bij uw kind?",
            "menu_title": "Gesprekskaart",
            "order": 47,
            "show_in_menu": False,
            "call_to_action": "none",
            "summary": md("""
                Gaat u naar de huisarts, de jeugdarts of naar ons? Zet op deze kaart een
                kruisje bij wat u ziet. Schrijf uw vragen op. Print de kaart en neem hem mee.
            """),
            "meta_description": (
                "Een kaart om te printen: kruis aan wat u bij uw kind ziet en schrijf uw "
                "vragen op. Neem hem mee naar de huisarts of naar ons."
            ),
            "editor_note": NEW
            + " Elke opsomming wordt een lijst met vakjes. Houd de kaart op één A4: vier "
            "secties met elk vijf of zes korte punten.",
            "sections": [
                (
                    "Baby of peuter (0 tot 4 jaar)",
                    md("""
                        - zoekt geen troost bij pijn, angst of verdriet
                        - is bijna niet te troosten
                        - gaat met iedereen mee, ook met vreemden
                        - huilt heel veel, of is juist opvallend stil
                        - heeft heel vaak heftige driftbuien
                    """),
                ),
                (
                    "Kleuter of schoolkind (4 tot 12 jaar)",
                    md("""
                        - is bang dat u weggaat of niet terugkomt
                        - wil steeds horen dat het goed is
                        - duwt u weg, of wil niet aangeraakt worden
                        - is vaak en heftig boos
                        - test steeds de regels
                        - speelt volwassenen tegen elkaar uit
                    """),
                ),
                (
                    "Tiener (12 jaar en ouder)",
                    md("""
                        - vertrouwt bijna niemand
                        - loopt weg of spijbelt
                        - gebruikt drugs of veel alcohol
                        - heeft contact met de politie
                        - voelt zich vaak somber of bang
                        - zegt dat hij niet meer wil leven

                        Zegt uw kind dat het niet meer wil leven? Wacht dan niet. Bel vandaag
                        nog de huisarts, of 113: 0800-0113.
                    """),
                ),
                (
                    "Wat wilt u vragen?",
                    md("""
                        - Is dit gedrag normaal voor de leeftijd?
                        - Kan het om hechtingsproblemen gaan?
                        - Is een onderzoek nodig?
                        - Wat kan ik zelf doen?
                        - Heb ik een verwijzing nodig, en wie betaalt?
                        - Hoe lang moet ik wachten?
                    """),
                ),
            ],
        },
        {
            "seed_key": "verwijzing",
            "kind": "topic",
            "slug": slugs["verwijzing"],
            "title": "Verwijzing, kosten en wachttijd",
            "menu_title": "Verwijzing en kosten",
            "order": 48,
            "show_in_menu": False,
            "call_to_action": "assessment",
            "summary": md("""
                Voor gespecialiseerde jeugdhulp heeft u meestal een verwijzing nodig. Die
                krijgt u bijvoorbeeld van de huisarts of de gemeente. De gemeente betaalt de
                hulp. Hier leest u hoe het werkt.
            """),
            "meta_description": (
                "Heeft u een verwijzing nodig voor jeugdhulp? Wie betaalt het, en hoe lang "
                "is de wachttijd? Zo werkt het bij Bijzonder Jeugdwerk."
            ),
            "editor_note": NEW
            + " Wachttijd, kosten en wat ouders bij de hand houden komen uit Inhoud › Feiten "
            "van de organisatie.",
            "sections": [
                (
                    "Een verwijzing",
                    md("""
                        Bijzonder Jeugdwerk geeft gespecialiseerde jeugdhulp. Daarvoor is
                        meestal een verwijzing nodig. Zo staat het in de Jeugdwet. U kunt een
                        verwijzing krijgen van:

                        - de huisarts;
                        - de jeugdarts;
                        - een medisch specialist, zoals een kinderarts;
                        - de gemeente, vaak via het wijkteam.

                        Heeft u nog geen verwijzing? Vraag het de huisarts of het wijkteam. Of
                        bel ons: wij leggen uit hoe het werkt.
                    """),
                ),
                (
                    "Wat kost het?",
                    md("""
                        Jeugdhulp valt onder de Jeugdwet. De gemeente betaalt die hulp. Als
                        regel betalen ouders niets voor jeugdhulp. Er is ook geen eigen risico,
                        zoals bij de zorgverzekering.

                        [[feit:parent_costs]]
                    """),
                ),
                (
                    "Hoe lang moet u wachten?",
                    md("""
                        [[feit:waiting_time]]

                        Maakt u zich in de tussentijd meer zorgen? Bel ons dan, of ga naar de
                        huisarts. Is er gevaar? Bel altijd 112.
                    """),
                ),
                (
                    "Wat u bij de hand houdt",
                    md(f"""
                        Belt u ons, of vraagt u een onderzoek aan? Houd dan bij de hand:

                        - de verwijzing, als u die al heeft;
                        - wat u bij uw kind ziet, en wat u wilt vragen. De
                          [gesprekskaart]({urls["gesprekskaart"]}) helpt daarbij.

                        [[feit:have_at_hand]]
                    """),
                ),
            ],
        },
        {
            "seed_key": "jongeren",
            "kind": "topic",
            "slug": slugs["jongeren"],
            "title": "Voor jongeren",
            "menu_title": "Voor jongeren",
            "order": 70,
            "show_in_menu": False,
            "call_to_action": "none",
            "summary": md("""
                Herken je iets van hechtingsproblemen bij jezelf? Voel je je vaak alleen of
                onveilig? Je bent niet de enige. Praten helpt. Hier lees je bij wie je terecht
                kunt.
            """),
            "meta_description": (
                "Voor jongeren over hechtingsproblemen: wat het is, en waar jongeren terecht "
                "kunnen, ook anoniem en gratis."
            ),
            "editor_note": NEW
            + " Deze pagina spreekt jongeren aan met 'je', niet met 'u'. De omschrijving voor "
            "zoekmachines staat ook op de startpagina (voor ouders): daarom zonder 'je'.",
            "sections": [
                (
                    "Wat zijn hechtingsproblemen?",
                    md("""
                        Iedereen heeft mensen nodig bij wie hij zich veilig voelt. Soms ging
                        dat vroeger niet goed. Dan kan het moeilijk zijn om anderen te
                        vertrouwen. Misschien word je snel boos. Of houd je mensen op afstand.
                        Of ben je bang dat mensen weggaan. Dat is niet jouw schuld.
                    """),
                ),
                (
                    "Praat erover",
                    md("""
                        Praat met iemand die je vertrouwt. Bijvoorbeeld een ouder, iemand uit
                        je familie, je mentor op school of de huisarts. Zij kunnen met je
                        meedenken.
                    """),
                ),
                (
                    "Anoniem praten",
                    md("""
                        Praat je liever met iemand die je niet kent? Dat kan anoniem en gratis:

                        - **de Kindertelefoon**: bel [0800-0432](tel:08000432) of chat via
                          [kindertelefoon.nl](https://www.kindertelefoon.nl). Voor kinderen en
                          jongeren tot 18 jaar.
                        - **113 Zelfmoordpreventie**: denk je aan zelfmoord? Bel
                          [0800-0113](tel:08000113) of chat via [113.nl](https://www.113.nl).
                          Dag en nacht.
                    """),
                ),
                (
                    "Ben je in gevaar?",
                    md("""
                        Is er nu gevaar voor jou of voor iemand anders? Bel [112](tel:112).

                        Gebeurt er thuis iets wat niet goed is, zoals geweld? Bel Veilig Thuis:
                        [0800-2000](tel:08002000). Ook dat is gratis, dag en nacht.
                    """),
                ),
                (
                    "Hulp van Bijzonder Jeugdwerk",
                    md("""
                        Bijzonder Jeugdwerk helpt kinderen, jongeren en hun ouders bij
                        hechtingsproblemen. Wil je hulp van ons? Vraag een ouder of je huisarts
                        om contact met ons op te nemen. Je mag ons ook zelf bellen. Ons nummer
                        staat bovenaan deze pagina.
                    """),
                ),
            ],
        },
    ]
