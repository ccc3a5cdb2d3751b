"""The pages a parent reads: home, the topic guide in order, and the information pages."""

import datetime
import itertools

import pytest
from django.urls import reverse

from content.models import Page, Section, Sign
from content.seed import SIGNS
from tests.factories import confirm_fact, make_reviewer, publish

from .html import headings, links, main_text

pytestmark = pytest.mark.django_db

HUB = [
    ("/wat-is-hechting/", "Wat is hechting?"),
    ("/oorzaken-onveilige-hechting/", "Hoe ontstaan hechtingsproblemen?"),
    ("/gevolgen-van-hechtingsproblemen/", "Wat betekenen hechtingsproblemen voor uw kind?"),
    ("/kenmerken-en-symptomen/", "Waaraan herkent u hechtingsproblemen?"),
    ("/wat-is-normaal-voor-de-leeftijd/", "Wat is normaal voor de leeftijd?"),
    ("/wat-kunt-u-zelf-doen/", "Wat kunt u zelf doen?"),
    ("/wanneer-hulp-vragen/", "Wanneer hulp vragen, en bij wie?"),
    ("/gesprekskaart/", "Gesprekskaart: wat ziet u bij uw kind?"),
    ("/verwijzing-kosten-en-wachttijd/", "Verwijzing, kosten en wachttijd"),
    ("/psychologisch-onderzoek/", "Hoe gaat het psychologisch onderzoek?"),
    ("/behandeling-nika-interventie/", "Hoe gaat NIKA?"),
    ("/voor-jongeren/", "Voor jongeren"),
]
INFO = ["/contact/", "/privacyverklaring/", "/toegankelijkheidsverklaring/"]
ALL_PAGES = ["/", *[url for url, _ in HUB], *INFO]

KEY_SENTENCES = {
    "/": ["Maakt u zich zorgen over uw kind?", "Bijzonder Jeugdwerk helpt u graag."],
    "/wat-is-hechting/": [
        "Volgens de hechtingstheorie heeft een kind dat opgroeit twee dingen nodig:",
        "een opvoeder die een veilige haven is",
        "een veilige basis: van daaruit durft het kind de wereld te ontdekken.",
        "Er groeit een goede band tussen ouder en kind.",
    ],
    "/oorzaken-onveilige-hechting/": [
        "Het is niet uw schuld.",
        "het kind is te vroeg geboren;",
        "Het kind weet dan niet wat het kan verwachten.",
        "de opvoeder heeft psychische problemen;",
        "Hechting kan beter worden, op elke leeftijd.",
    ],
    "/gevolgen-van-hechtingsproblemen/": [
        "heeft geen basisvertrouwen kunnen opbouwen.",
        "last van houden tot ver in hun volwassen leven.",
    ],
    "/kenmerken-en-symptomen/": [
        "Hoe herkent u hechtingsproblemen bij kinderen en jongeren?",
        "het kind speelt opvoeders tegen elkaar uit",
    ],
    "/psychologisch-onderzoek/": [
        "De gespecialiseerde onderzoekers van Bijzonder Jeugdwerk helpen u verder.",
        "Wij bespreken de uitkomst met u.",
    ],
    "/behandeling-nika-interventie/": [
        "Er zijn 5 à 6 sessies, verspreid over gemiddeld 2 tot 3 maanden.",
        "Voor meer informatie",
    ],
    "/contact/": ["0493 - 327506", "Vraag of wij u terugbellen"],
    "/privacyverklaring/": ["Autoriteit Persoonsgegevens", "Uw rechten"],
    "/toegankelijkheidsverklaring/": [
        "Wij maken de website zo dat iedereen hem kan gebruiken.",
        "Werkt iets niet goed?",
        "Wij proberen het zo snel mogelijk op te lossen.",
    ],
}


@pytest.mark.parametrize("url", ALL_PAGES)
def test_every_page_has_a_title_one_h1_and_no_skipped_heading_levels(client, site_content, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    levels = [level for level, _ in headings(html)]
    assert levels.count(1) == 1
    assert levels[0] == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"heading level jumps from h{before} to h{after} on {url}"
    title = html[html.index("<title>") + 7 : html.index("</title>")]
    assert title.endswith("| Bijzonder Jeugdwerk")


@pytest.mark.parametrize("url", KEY_SENTENCES)
def test_each_page_shows_its_key_sentences(client, site_content, url):
    text = main_text(client.get(url).content)
    for sentence in KEY_SENTENCES[url]:
        assert sentence in text, f"{sentence!r} missing on {url}"


def test_the_home_page_leads_to_the_guide_and_both_requests(client, site_content):
    html = client.get("/").content.decode()
    hrefs = [href for href, _, _ in links(html[html.index("<main") :])]
    for url, _ in HUB:
        assert url in hrefs
    assert reverse("requests_app:assessment") in hrefs
    assert reverse("requests_app:callback") in hrefs
    assert "Lees meer over hechting" in main_text(html)


def test_a_hub_page_starts_with_in_het_kort_and_lists_its_sections(client, site_content):
    html = client.get("/oorzaken-onveilige-hechting/").content.decode()
    titles = [text for _, text in headings(html)]
    assert titles[:4] == [
        "Hoe ontstaan hechtingsproblemen?",
        "In het kort",
        "Het is niet uw schuld",
        "Op deze pagina",
    ]
    on_this_page = html[
        html.index('class="on-this-page"') : html.index(
            "</nav>", html.index('class="on-this-page"')
        )
    ]
    for anchor in [
        "#meestal-spelen-meer-dingen-mee",
        "#oorzaken-bij-het-kind",
        "#wat-een-gezin-meemaakt",
        "#hoe-een-opvoeder-reageert",
        "#wat-bij-de-opvoeder-kan-meespelen",
        "#hechting-kan-herstellen",
    ]:
        assert f'href="{anchor}"' in on_this_page
        assert f'id="{anchor[1:]}"' in html


def test_op_deze_pagina_is_only_shown_for_pages_with_three_or_more_sections(client, site_content):
    page = Page.objects.get(slug="gevolgen-van-hechtingsproblemen")
    page.sections.last().delete()
    publish(page)
    assert page.sections.count() == 2
    assert "Op deze pagina" not in client.get(page.get_absolute_url()).content.decode()

    Section.objects.create(page=page, order=40, heading="Nog een sectie", body="Tekst.")
    publish(page)
    assert "Op deze pagina" in client.get(page.get_absolute_url()).content.decode()


def test_the_hub_contents_list_marks_the_current_page(client, site_content):
    html = client.get("/kenmerken-en-symptomen/").content.decode()
    contents = html[html.index('class="topic-contents"') :]
    contents = contents[: contents.index("</nav>")]
    assert '<li aria-current="page"><span>Signalen</span></li>' in contents
    for url, _ in HUB:
        if url != "/kenmerken-en-symptomen/":
            assert f'href="{url}"' in contents
    assert contents.count("aria-current") == 1


def test_previous_and_next_walk_through_the_topic_in_order(client, site_content):
    for i, (url, _) in enumerate(HUB):
        page_links = {
            text.split()[0]: href
            for href, text, _ in links(client.get(url).content)
            if text.startswith(("Vorige", "Volgende"))
        }
        expected = {}
        if i > 0:
            expected["Vorige"] = HUB[i - 1][0]
        if i < len(HUB) - 1:
            expected["Volgende"] = HUB[i + 1][0]
        assert page_links == expected, url


def test_an_unpublished_page_drops_out_of_the_guide(client, site_content):
    Page.objects.filter(slug="gevolgen-van-hechtingsproblemen").update(is_published=False)
    Page.objects.get(slug="wat-is-hechting").save()  # any save empties the cached navigation

    html = client.get("/oorzaken-onveilige-hechting/").content.decode()
    assert "/gevolgen-van-hechtingsproblemen/" not in html
    assert '<a class="pager__next" href="/kenmerken-en-symptomen/"' in html


def test_each_hub_page_ends_with_its_call_to_action(client, site_content):
    assessment, callback = reverse("requests_app:assessment"), reverse("requests_app:callback")
    expected = {
        "/wat-is-hechting/": callback,
        "/oorzaken-onveilige-hechting/": callback,
        "/gevolgen-van-hechtingsproblemen/": assessment,
        "/kenmerken-en-symptomen/": assessment,
        "/wat-is-normaal-voor-de-leeftijd/": callback,
        "/wat-kunt-u-zelf-doen/": callback,
        "/wanneer-hulp-vragen/": callback,
        "/verwijzing-kosten-en-wachttijd/": assessment,
        "/psychologisch-onderzoek/": assessment,
        "/behandeling-nika-interventie/": callback,
    }
    for url, target in expected.items():
        html = client.get(url).content.decode()
        box = html[html.index('class="cta-box"') :]
        box = box[: box.index("</section>")]
        assert f'href="{target}"' in box, url


def test_the_call_to_action_promises_a_response_time_only_once_it_is_confirmed(
    client, site_content
):
    text = main_text(client.get("/kenmerken-en-symptomen/").content)
    assert "Vraag een psychologisch onderzoek aan." in text
    assert "werkdag" not in text

    confirm_fact("response_days", 5)
    text = main_text(client.get("/kenmerken-en-symptomen/").content)
    assert "Wij nemen binnen 5 werkdagen contact met u op." in text


def test_no_call_to_action_when_the_editor_chose_none(client, site_content):
    html = client.get("/privacyverklaring/").content.decode()
    assert 'class="cta-box"' not in html


def test_the_urgent_help_box_is_on_the_signs_and_contact_pages_only(client, site_content):
    # The causes page no longer ends in a Veilig Thuis box (issue 11: it read as blame); the
    # help page and the page for young people say it in their own words.
    with_box = {"/kenmerken-en-symptomen/", "/contact/"}
    for url in ALL_PAGES:
        html = client.get(url).content.decode()
        main = html[html.index("<main") : html.index("</main>")]
        if url in with_box:
            assert 'class="urgent-help"' in main, url
            text = main_text(html)
            assert "Is er nu gevaar? Bel 112." in text
            assert "Bel Veilig Thuis: 0800-2000. Bellen is gratis en kan dag en nacht." in text
            assert 'href="tel:112"' in main and 'href="tel:08002000"' in main
        else:
            assert 'class="urgent-help"' not in main, url


def test_the_symptoms_page_lists_the_signs_from_the_sign_list(client, site_content):
    text = main_text(client.get("/kenmerken-en-symptomen/").content)
    for sign in SIGNS:
        assert sign in text

    Sign.objects.filter(text=SIGNS[0]).update(is_active=False)
    Sign.objects.create(text="het kind slaapt slecht", order=1)
    publish()  # the new list goes live once approved
    text = main_text(client.get("/kenmerken-en-symptomen/").content)
    assert SIGNS[0] not in text
    assert text.index("het kind slaapt slecht") < text.index(SIGNS[1])


def test_the_signs_follow_the_first_section_of_the_symptoms_page(client, site_content):
    text = main_text(client.get("/kenmerken-en-symptomen/").content)
    intro = text.index("U kunt een of meer van deze signalen zien:")
    assert intro < text.index(SIGNS[0]) < text.index("Herkent u deze signalen?")


def test_a_page_says_who_checked_it_only_after_a_named_review(client, site_content):
    from content.reviews import mark_reviewed

    page = Page.objects.get(slug="wat-is-hechting")
    assert "Gecontroleerd" not in client.get(page.get_absolute_url()).content.decode()

    reviewer = make_reviewer(public_name="Drs. A. de Vries", profession="GZ-psycholoog")
    mark_reviewed(page, reviewer=reviewer, today=datetime.date(2026, 3, 4))
    text = main_text(client.get(page.get_absolute_url()).content)
    assert "Gecontroleerd door Drs. A. de Vries, GZ-psycholoog, op 4 maart 2026." in text
    assert "Volgende controle: 4 maart 2027." in text


def test_no_page_of_a_fresh_site_claims_a_review(client, site_content):
    for url in ALL_PAGES:
        assert "econtroleerd" not in main_text(client.get(url).content), url


def test_the_contact_page_shows_confirmed_facts_only(client, site_content):
    text = main_text(client.get("/contact/").content)
    assert "Bel 0493 - 327506" in text
    for concept in ("info@bijzonderjeugdwerk.nl", "9.00", "Helmond", "Venlo"):
        assert concept not in text

    confirm_fact("phone", "040 - 1234567")
    confirm_fact("opening_hours", {"1": ["09:00", "17:00"], "2": ["09:00", "17:00"]})
    confirm_fact("email", "info@bijzonderjeugdwerk.nl")
    confirm_fact("locations", ["Eindhoven", "Venlo"])

    html = client.get("/contact/").content.decode()
    text = main_text(html)
    assert "Bel 040 - 1234567" in text
    assert 'href="tel:+31401234567"' in html
    assert "Wij zijn bereikbaar op maandag en dinsdag van 9.00 tot 17.00 uur." in text
    assert "Mail naar info@bijzonderjeugdwerk.nl." in text
    assert "Eindhoven" in text and "Venlo" in text


def test_editor_notes_never_reach_the_page(client, site_content):
    for page in Page.objects.exclude(editor_note=""):
        html = client.get(page.get_absolute_url()).content.decode()
        assert page.editor_note not in html
        assert "laten controleren" not in html.lower()


def test_an_unknown_address_is_a_friendly_404(client, site_content):
    response = client.get("/bestaat-echt-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


def test_the_home_page_under_its_slug_redirects_to_the_root(client, site_content):
    response = client.get("/home/")
    assert response.status_code == 301
    assert response["Location"] == "/"


def test_pages_answer_get_and_head_only(client, site_content):
    assert client.head("/wat-is-hechting/").status_code == 200
    assert client.post("/wat-is-hechting/").status_code == 405
