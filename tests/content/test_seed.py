"""The seed: the organisation's facts kept in the B1 rewrite, and re-running it is harmless.

The organisation's text (content/seed/hechtingsstoornis.txt) is rewritten in plain Dutch, so
the site no longer carries it word for word. What must stay is its meaning and its facts:
each is checked on the page a parent reads it on, as the parent reads it.
"""

import pytest
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.core.management import call_command
from django.test import override_settings

from content.facts.api import confirmed_facts
from content.facts.registry import FACTS
from content.models import Fact, Page, PageReview, Section, Sign, Version
from content.publishing import live_signs
from content.seed import SLUGS
from tests.factories import confirm_fact

from .html import links, main_text

pytestmark = pytest.mark.django_db

# The facts of the organisation's text, each on the page that tells it (phrases as shown).
FACTS_KEPT = {
    "/wat-is-hechting/": [
        "hechtingstheorie",
        "een opvoeder die een veilige haven is: die troost en beschermt als het kind van slag is",
        "een veilige basis: van daaruit durft het kind de wereld te ontdekken",
        "Het kind krijgt aandacht, warmte en liefde.",
        "Het kind weet dat zijn ouders altijd weer bij hem terugkomen.",
        "Ook als ze soms boos op hem zijn.",
        "basisvertrouwen",
        "Het kind leert dat het er mag zijn.",
    ],
    # Causes: the carer's behaviour, family circumstances, adoption; the risk factors.
    "/oorzaken-onveilige-hechting/": [
        "Uit onderzoek weten we",
        "Ook adoptie kan een rol spelen.",
        "moeilijk kan zien wat een kind nodig heeft",
        "De opvoeder reageert bijvoorbeeld de ene keer angstig of beschermend.",
        "En de andere keer boos of agressief.",
        "Dat geeft het kind een onveilig gevoel.",
        "de opvoeder is zelf als kind niet veilig gehecht;",
        "nog niet verwerkt (een trauma);",
        "de opvoeder heeft psychische problemen;",
        "de opvoeder vindt het heel moeilijk om aan te voelen wat het kind nodig heeft",
        "Denk aan veel stress in het gezin.",
        "ziekte, een scheiding, ruzie, problemen tussen de ouders of werkloosheid",
        "kinderen die geadopteerd zijn;",
        "kinderen die door veel verschillende opvoeders zijn opgevoed.",
        "omdat hun ouders vaak een nieuwe partner hadden",
        "kinderen die op veel verschillende plekken hebben gewoond.",
        "Ook verwaarlozing en mishandeling vergroten de kans",
    ],
    "/gevolgen-van-hechtingsproblemen/": [
        "Wat betekent een onveilige hechting voor een kind?",
        "heeft geen basisvertrouwen kunnen opbouwen",
        "De band met zijn opvoeders is verstoord.",
        "Dat kan leiden tot ernstige problemen met gedrag en met gevoelens.",
        "tot ver in hun volwassen leven",
    ],
    # Diagnosis: the psychological assessment by the organisation's specialised researchers.
    "/psychologisch-onderzoek/": [
        "Weet u niet zeker of hechtingsproblemen de oorzaak zijn van wat u ziet?",
        "De gespecialiseerde onderzoekers van Bijzonder Jeugdwerk helpen u verder.",
        "Vraag een psychologisch onderzoek aan",
        "de behandeling met NIKA",
    ],
    # NIKA as the organisation offers it: its ages (0-19) and sessions, and the phone.
    "/behandeling-nika-interventie/": [
        "Wij bieden NIKA aan ouders en opvoeders van kinderen van 0 tot 19 jaar.",
        "Er zijn 5 à 6 sessies, verspreid over gemiddeld 2 tot 3 maanden.",
        "vertrouwen in zichzelf en in anderen",
        "De problemen kunnen dan minder worden.",
        "het contact tussen u en uw kind kan beter worden",
        "Voor meer informatie",
        "Bel nu: 0493 - 327506",
    ],
}
# Each of the organisation's nine signs, in its order, by the words that make it that sign.
NINE_SIGNS = [
    ["weinig vertrouwen in zichzelf en in anderen"],
    ["bevestiging"],
    ["bang om in de steek gelaten te worden"],
    [
        "ernstige gedragsproblemen",
        "agressief gedrag",
        "weglopen",
        "ruzies",
        "drugs",
        "spijbelen",
        "stoppen met school",
        "overlast",
        "politie",
    ],
    ["ernstige emotionele problemen", "somber", "bang"],
    ["mensen van wie het houdt weg", "dichtbij"],
    ["opvoeders, gezinsleden of vrienden"],
    ["stelt opvoeders en andere mensen dichtbij steeds op de proef"],
    ["speelt opvoeders tegen elkaar uit"],
]


@pytest.mark.parametrize("url", FACTS_KEPT)
def test_the_facts_of_the_organisations_text_are_kept(client, site_content, url):
    response = client.get(url)
    assert response.status_code == 200
    text = main_text(response.content)
    missing = [phrase for phrase in FACTS_KEPT[url] if phrase not in text]
    assert missing == [], url


def test_the_nine_signs_are_the_organisations_in_order_in_plain_words(client, site_content):
    signs = [text for _, text in live_signs()]
    assert len(signs) == 9
    for sign, words in zip(signs, NINE_SIGNS, strict=True):
        assert sign.startswith("het kind ")
        assert all(word in sign for word in words), sign
    text = main_text(client.get("/kenmerken-en-symptomen/").content)
    positions = [text.index(sign) for sign in signs]
    assert positions == sorted(positions)


def test_the_phone_number_is_on_every_page_of_the_guide(client, site_content):
    for slug in SLUGS.values():
        url = "/" if slug == "home" else f"/{slug}/"
        html = client.get(url).content.decode()
        assert "0493 - 327506" in html and 'href="tel:+31493327506"' in html, url


def test_every_seed_page_is_reachable_from_the_home_page(client, site_content):
    seen, queue = set(), ["/"]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code == 200 and "text/html" in response["Content-Type"]:
            queue += [
                href.split("#")[0]
                for href, _, _ in links(response.content)
                if href and href.startswith("/") and not href.startswith(("/beheer", "/static"))
            ]
    for slug in SLUGS.values():
        assert ("/" if slug == "home" else f"/{slug}/") in seen, slug


def test_the_seed_pages_are_published_and_the_drafts_are_marked_for_review(site_content):
    assert Page.objects.published().count() == len(SLUGS)
    for slug in ["home", "contact", "privacyverklaring", "toegankelijkheidsverklaring"]:
        assert "concept, laten controleren" in Page.objects.get(slug=slug).editor_note.lower()
    for page in Page.objects.filter(kind=Page.Kind.TOPIC):
        assert "laten controleren" in page.editor_note


def test_the_seed_brings_the_signs_live_and_the_facts_as_concepts(site_content):
    assert Sign.objects.active().count() == 9
    assert Sign.objects.active().first().text == (
        "het kind heeft weinig vertrouwen in zichzelf en in anderen"
    )
    assert Version.objects.filter(subject="signs", state="approved").count() == 1
    facts = confirmed_facts()
    # Only what the organisation's own published text states is confirmed.
    assert set(facts.stored) == {"organisation_name", "phone", "nika_ages", "nika_sessions"}
    assert (facts.organisation_name, facts.phone) == ("Bijzonder Jeugdwerk", "0493 - 327506")
    assert facts.display("nika_ages") == "van 0 tot 19 jaar"
    locations = Fact.objects.get(key="locations")
    assert locations.value == ["Helmond", "Deurne", "Den Bosch", "Milheeze", "Venlo"]
    assert locations.confirmed_value is None


def test_the_seed_pages_go_live_as_starting_content_that_nobody_reviewed(site_content):
    for page in Page.objects.all():
        assert page.live_version.state == Version.State.APPROVED
        assert page.live_version.decided_by is None
        assert page.live["title"] == page.title
    assert not PageReview.objects.exists()
    assert not Page.objects.filter(last_review__isnull=False).exists()


def test_running_the_seed_again_duplicates_nothing(site_content):
    counts = (Page.objects.count(), Section.objects.count(), Sign.objects.count())
    call_command("load_content", verbosity=0)
    call_command("load_content", verbosity=0)
    assert (Page.objects.count(), Section.objects.count(), Sign.objects.count()) == counts
    assert Fact.objects.count() == len(FACTS)
    assert Version.objects.count() == Page.objects.count() + 1


def test_running_the_seed_again_keeps_every_editor_change(site_content):
    page = Page.objects.get(slug="wat-is-hechting")
    page.title = "Hechting, uitgelegd"
    page.is_published = False
    page.save()
    section = page.sections.first()
    section.body = "Door de redactie herschreven."
    section.save()
    page.sections.exclude(pk=section.pk).delete()
    Sign.objects.filter(order=10).update(text="door de redactie aangepast")
    Sign.objects.filter(order=20).delete()
    confirm_fact("phone", "040 - 1234567")
    confirm_fact("locations", ["Helmond"])

    call_command("load_content", verbosity=0)

    page.refresh_from_db()
    assert page.title == "Hechting, uitgelegd" and not page.is_published
    assert list(page.sections.values_list("body", flat=True)) == ["Door de redactie herschreven."]
    assert Sign.objects.filter(text="door de redactie aangepast").exists()
    assert not Sign.objects.filter(text__startswith="het kind heeft weinig").exists()
    assert Sign.objects.count() == 8
    assert confirmed_facts().phone == "040 - 1234567"
    assert Fact.objects.get(key="locations").confirmed_value == ["Helmond"]
    assert not Version.objects.filter(state=Version.State.PENDING).exists()


def test_a_renamed_seed_page_is_not_created_again(site_content):
    page = Page.objects.get(slug="wat-is-hechting")
    page.slug = "hechting-uitgelegd"
    page.save()

    call_command("load_content", verbosity=0)

    assert not Page.objects.filter(slug="wat-is-hechting").exists()
    assert Page.objects.filter(title="Wat is hechting?").count() == 1


def test_a_page_an_editor_made_before_seeding_is_adopted_not_overwritten(db):
    Page.objects.create(slug="contact", title="Bel ons", kind=Page.Kind.INFO, is_published=True)

    call_command("load_content", verbosity=0)

    page = Page.objects.get(slug="contact")
    assert page.title == "Bel ons"
    assert page.seed_key == "contact"
    assert not page.sections.exists()


@override_settings(SITE_URL="https://www.bijzonderjeugdwerk.nl")
def test_the_seed_keeps_the_sites_framework_in_step_with_site_url(db):
    Site.objects.filter(pk=1).update(domain="example.com", name="example.com")

    call_command("load_content", verbosity=0)

    site = Site.objects.get(pk=1)
    assert (site.domain, site.name) == ("www.bijzonderjeugdwerk.nl", "Bijzonder Jeugdwerk")


def test_the_migrations_already_replace_example_com(db):
    assert Site.objects.get(pk=1).domain != "example.com"


def test_renamed_pages_keep_their_old_addresses_on_a_fresh_site(client, site_content):
    for old, new in [
        ("/hechtingsstoornis-en-gedragsproblemen/", "/gevolgen-van-hechtingsproblemen/"),
        ("/diagnose-psychologisch-onderzoek/", "/psychologisch-onderzoek/"),
    ]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new)
    call_command("load_content", verbosity=0)  # again: still one redirect each
    assert Redirect.objects.filter(old_path="/diagnose-psychologisch-onderzoek/").count() == 1
