"""What a worried parent needs next: each new page and block says what it must, is in the
guide's contents, and takes the organisation's specifics from confirmed facts only."""

import pytest

from content.models import Page
from tests.factories import confirm_fact, publish

from .html import headings, links, main_text

pytestmark = pytest.mark.django_db

NEW_PAGES = {
    "/wat-is-normaal-voor-de-leeftijd/": "Normaal gedrag",
    "/wat-kunt-u-zelf-doen/": "Wat kunt u zelf doen?",
    "/wanneer-hulp-vragen/": "Hulp vragen",
    "/gesprekskaart/": "Gesprekskaart",
    "/verwijzing-kosten-en-wachttijd/": "Verwijzing en kosten",
    "/psychologisch-onderzoek/": "Onderzoek",
    "/behandeling-nika-interventie/": "Behandeling",
    "/voor-jongeren/": "Voor jongeren",
}


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return main_text(response.content)


def block(html, css_class):
    html = html.decode() if isinstance(html, bytes) else html
    start = html.index(f'class="{css_class}"')
    return "<main><section " + html[start : html.index("</section>", start)] + "</section></main>"


def test_each_new_page_is_in_the_guides_contents_on_every_guide_page(client, site_content):
    html = client.get("/wat-is-hechting/").content.decode()
    contents = html[html.index('class="topic-contents"') :]
    contents = contents[: contents.index("</nav>")]
    listed = {href: label for href, label, _ in links(contents)}
    for url, label in NEW_PAGES.items():
        assert listed.get(url) == label, url
    home = {href for href, _, _ in links(client.get("/").content)}
    assert set(NEW_PAGES) <= home


def test_het_is_niet_uw_schuld_stands_near_the_top_of_home_and_the_causes_page(
    client, site_content
):
    for url in ["/", "/oorzaken-onveilige-hechting/"]:
        html = client.get(url).content.decode()
        titles = [text for _, text in headings(html)]
        # Right after the title (and "In het kort"), before any section of the page.
        assert titles.index("Het is niet uw schuld") <= 2, (url, titles)
        text = main_text(block(html, "not-your-fault"))
        assert "Hechtingsproblemen hebben bijna altijd meer dan één oorzaak." in text
        assert "vroeggeboorte" in text and "ziekenhuisopname" in text
        assert "Hechting kan herstellen, op elke leeftijd." in text
    home_block = block(client.get("/").content, "not-your-fault")
    assert 'href="/oorzaken-onveilige-hechting/"' in home_block
    causes_block = block(client.get("/oorzaken-onveilige-hechting/").content, "not-your-fault")
    assert "<a " not in causes_block  # the page itself explains it


def test_the_block_shows_on_a_page_once_an_editor_ticks_it(client, site_content):
    page = Page.objects.get(slug="wat-is-hechting")
    assert 'class="not-your-fault"' not in client.get(page.get_absolute_url()).content.decode()
    page.show_not_your_fault = True
    page.save()
    assert 'class="not-your-fault"' in client.get(page.get_absolute_url()).content.decode()


def test_the_causes_page_starts_with_the_child_and_circumstances_and_ends_with_recovery(
    client, site_content
):
    text = text_of(client, "/oorzaken-onveilige-hechting/")
    assert text.index("Het is niet uw schuld.") < text.index("Oorzaken bij het kind")
    order = [
        "Oorzaken bij het kind",
        "Wat een gezin meemaakt",
        "Hoe een opvoeder reageert",
        "Wat bij de opvoeder kan meespelen",
        "Hechting kan herstellen",
    ]
    sections = text[text.index("Meestal spelen meer dingen mee") :]
    assert [sections.index(h) for h in order] == sorted(sections.index(h) for h in order)
    for cause in ["te vroeg geboren", "lag lang in het ziekenhuis", "een beperking"]:
        assert cause in text
    assert "Dit zegt niets over hoeveel u van uw kind houdt." in text
    assert 'class="urgent-help"' not in client.get("/oorzaken-onveilige-hechting/").content.decode()


def test_wat_kunt_u_zelf_doen_gives_everyday_things_that_help(client, site_content):
    titles = [t for _, t in headings(client.get("/wat-kunt-u-zelf-doen/").content)]
    for heading in [
        "Zorg voor duidelijkheid",
        "Troost uw kind",
        "Zeg wat uw kind voelt",
        "Zorg goed voor uzelf",
        "Vraag steun",
    ]:
        assert heading in titles
    assert "Houd een vast ritme aan" in text_of(client, "/wat-kunt-u-zelf-doen/")


def test_wat_is_normaal_covers_each_age_and_when_to_ask_for_help(client, site_content):
    titles = [t for _, t in headings(client.get("/wat-is-normaal-voor-de-leeftijd/").content)]
    assert titles[3:8] == [
        "Baby (0 tot 1 jaar)",
        "Peuter (1 tot 4 jaar)",
        "Kleuter en schoolkind (4 tot 12 jaar)",
        "Puber (12 tot 18 jaar)",
        "Wanneer is gedrag een reden om hulp te vragen?",
    ]
    text = text_of(client, "/wat-is-normaal-voor-de-leeftijd/")
    assert "het gedrag duurt langer dan een paar weken" in text
    assert "U kent uw kind het best." in text


def test_wanneer_hulp_vragen_goes_from_first_steps_to_urgent_to_danger(client, site_content):
    html = client.get("/wanneer-hulp-vragen/").content.decode()
    # The page's own text, without "Op deze pagina" listing the headings first.
    nav = html.index('class="on-this-page"')
    text = main_text(html[:nav] + html[html.index("</nav>", nav) :])
    for who in [
        "de huisarts;",
        "de jeugdarts of jeugdverpleegkundige, bij het consultatiebureau",
        "het wijkteam van uw gemeente",
        "de intern begeleider op school",
    ]:
        assert who in text
    steps = [
        "Vraag eerst advies aan iemand dichtbij",
        "Bel vandaag nog de huisarts als:",
        "huisartsenpost",
        "Bel 112 als er nu gevaar is",
        "Veilig Thuis: 0800-2000",
        "Voor uw kind zelf",
        "Hulp van Bijzonder Jeugdwerk",
    ]
    assert [text.index(s) for s in steps] == sorted(text.index(s) for s in steps)
    for number in ["tel:112", "tel:08002000", "tel:08000432", "tel:08000113"]:
        assert f'href="{number}"' in html
    assert "Kindertelefoon" in text and "113 Zelfmoordpreventie" in text
    assert 'href="/psychologisch-onderzoek/"' in html


def test_verwijzing_states_the_jeugdwet_and_our_specifics_only_when_confirmed(client, site_content):
    url = "/verwijzing-kosten-en-wachttijd/"
    text = text_of(client, url)
    for referrer in ["de huisarts;", "de jeugdarts;", "een medisch specialist", "de gemeente"]:
        assert referrer in text
    assert "De gemeente betaalt die hulp." in text
    assert "Als regel betalen ouders niets voor jeugdhulp." in text
    # Unconfirmed: the page says to call, and says nothing of our own.
    assert "Wilt u weten hoe lang de wachttijd nu is? Bel ons: 0493 - 327506." in text
    assert "Vragen over de kosten? Bel ons: 0493 - 327506." in text
    assert "Wij vragen u ook om" not in text

    confirm_fact("waiting_time", "ongeveer 6 weken")
    confirm_fact("parent_costs", "U betaalt niets; de gemeente betaalt de hulp.")
    confirm_fact("have_at_hand", "de naam van uw huisarts")
    text = text_of(client, url)
    assert "De wachttijd voor een onderzoek is nu ongeveer 6 weken." in text
    assert "U betaalt niets; de gemeente betaalt de hulp." in text
    assert "Wij vragen u ook om: de naam van uw huisarts." in text
    assert "Bel ons: 0493 - 327506." not in text.replace("Bel nu", "")


def test_the_assessment_page_says_who_where_and_how_long_once_confirmed(client, site_content):
    url = "/psychologisch-onderzoek/"
    text = text_of(client, url)
    for step in ["Aanvragen.", "Kennismaken.", "Praten en kijken.", "De uitkomst."]:
        assert step in text
    assert "Het onderzoek wordt gedaan door" not in text
    assert "Het onderzoek duurt" not in text
    assert "Wilt u weten waar de gesprekken zijn? Bel ons" in text

    confirm_fact("assessment_by", "een GZ-psycholoog")
    confirm_fact("assessment_duration", "6 tot 8 weken")
    confirm_fact("session_place", "bij u thuis of op onze praktijk")
    text = text_of(client, url)
    assert "Het onderzoek wordt gedaan door een GZ-psycholoog." in text
    assert "Het onderzoek duurt meestal 6 tot 8 weken." in text
    assert "De gesprekken zijn bij u thuis of op onze praktijk." in text


def test_the_nika_page_tells_the_steps_with_video_feedback(client, site_content):
    text = text_of(client, "/behandeling-nika-interventie/")
    for step in ["Kennismaken.", "Samen kijken.", "Uitleg.", "Oefenen.", "Terugkijken."]:
        assert step in text
    assert "Wij maken een korte film van u en uw kind" in text


def test_the_page_for_young_people_names_the_kindertelefoon_and_113(client, site_content):
    html = client.get("/voor-jongeren/").content.decode()
    text = main_text(html)
    assert "Je bent niet de enige." in text
    assert "de Kindertelefoon: bel 0800-0432" in text
    assert "113 Zelfmoordpreventie: denk je aan zelfmoord? Bel 0800-0113" in text
    assert 'href="tel:08000432"' in html and 'href="tel:08000113"' in html
    assert 'class="cta-box"' not in html  # the parents' call to action is not for them


def test_the_contact_page_says_how_to_clear_the_browser_history(client, site_content):
    text = text_of(client, "/contact/")
    assert "Wilt u niet dat iemand ziet dat u hier was?" in text
    assert "Wis na uw bezoek de geschiedenis van uw browser." in text
    assert "bij 'Geschiedenis' of 'Browsegegevens wissen'" in text


def test_a_new_page_edited_and_approved_shows_the_change(client, site_content):
    page = Page.objects.get(slug="wat-kunt-u-zelf-doen")
    section = page.sections.get(heading="Vraag steun")
    section.body = "Vraag uw buren om hulp."
    section.save()
    assert "Vraag uw buren om hulp." not in text_of(client, "/wat-kunt-u-zelf-doen/")
    publish(page)
    assert "Vraag uw buren om hulp." in text_of(client, "/wat-kunt-u-zelf-doen/")
