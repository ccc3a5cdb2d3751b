"""Search: Dutch word forms find the attachment pages; any input gives a friendly page."""

import re

import pytest
from django.db import connection

from content.models import Page, Synonym
from content.search import clean_query, search_pages
from content.seed import SLUGS
from tests.factories import make_page, publish

from .html import main_text
from .test_pages import HUB

pytestmark = pytest.mark.django_db

ATTACHMENT_PAGES = {title for _, title in HUB} | {
    "Hechtingsproblemen bij kinderen en jongeren"  # home
}
INFO_PAGES = {"Contact", "Privacyverklaring", "Toegankelijkheidsverklaring"}
# Each form must find these pages (they contain the word in some form).
WORD_FORMS = {
    "hechten": {"Wat is hechting?", "Hoe ontstaan hechtingsproblemen?"},
    "hechtingen": {"Wat is hechting?", "Hoe ontstaan hechtingsproblemen?"},
    "gehecht": {"Wat is hechting?", "Wat betekenen hechtingsproblemen voor uw kind?"},
    "hechtingsprobleem": {
        "Hoe ontstaan hechtingsproblemen?",
        "Waaraan herkent u hechtingsproblemen?",
    },
}


def results(client, q):
    """(titles in order, snippets as HTML) from the search page."""
    html = client.get("/zoeken/", {"q": q}).content.decode()
    titles = re.findall(r'<li class="search-result">\s*<h2><a href="[^"]+">([^<]+)</a>', html)
    snippets = re.findall(r'<p class="search-result__snippet mb-0">(.*?)</p>', html, re.S)
    return [t.replace("&#x27;", "'") for t in titles], snippets


def assert_finds_the_attachment_pages(titles, snippets, word, expected):
    assert expected <= set(titles), f"{word}: {titles}"
    assert titles[0] in ATTACHMENT_PAGES
    # Ranked: the guide comes before the information pages.
    first_info = min((titles.index(t) for t in INFO_PAGES if t in titles), default=len(titles))
    assert all(t in ATTACHMENT_PAGES for t in titles[:first_info])
    assert set(titles[:3]) <= ATTACHMENT_PAGES
    # The snippet highlights a form of the word.
    assert re.search(r"<mark>[^<]*(hecht|Hecht)[^<]*</mark>", snippets[0]), snippets[0]


@pytest.mark.parametrize("word", WORD_FORMS)
def test_each_word_form_finds_the_attachment_pages_on_postgresql(
    client, site_content, on_postgres, word
):
    titles, snippets = results(client, word)
    assert_finds_the_attachment_pages(titles, snippets, word, WORD_FORMS[word])


@pytest.mark.parametrize("word", WORD_FORMS)
def test_each_word_form_finds_the_attachment_pages_on_either_database(client, site_content, word):
    titles, snippets = results(client, word)
    assert_finds_the_attachment_pages(titles, snippets, word, WORD_FORMS[word])


def test_a_typo_still_finds_the_page_through_trigram_similarity(client, site_content, on_postgres):
    titles, snippets = results(client, "hechtingstoornis")  # one "s" short
    assert "Wat is hechting?" in titles
    assert "<mark>hechtingsstoornis</mark>" in " ".join(snippets).lower()


def test_search_finds_a_word_only_in_a_section_and_ranks_title_matches_first(client, site_content):
    titles, _ = results(client, "NIKA")
    assert titles[0] == "Hoe gaat NIKA?"
    titles, _ = results(client, "geadopteerd")
    assert titles == ["Hoe ontstaan hechtingsproblemen?"]


def test_unpublished_pages_are_never_found(client, site_content):
    Page.objects.filter(slug="behandeling-nika-interventie").update(is_published=False)
    titles, _ = results(client, "NIKA")
    assert "Hoe gaat NIKA?" not in titles


def test_a_snippet_escapes_the_page_text_and_marks_only_the_match(client, site_content):
    page = Page.objects.get(slug="wat-is-hechting")
    page.summary = "Een <b>zeldzaamwoord</b> & meer uitleg over 1 < 2."
    page.save()
    publish(page)
    _, snippets = results(client, "zeldzaamwoord")
    assert "<mark>zeldzaamwoord</mark>" in snippets[0]
    assert "&amp;" in snippets[0] and "&lt; 2" in snippets[0]
    assert "<b>" not in snippets[0]


def test_nothing_found_offers_our_phone_the_guide_and_asking_us_not_a_spelling_hint(
    client, site_content
):
    html = client.get("/zoeken/", {"q": "xylofoon"}).content.decode()
    text = main_text(html)
    assert "Geen pagina’s gevonden voor ‘xylofoon’." in text
    assert "Stel uw vraag aan ons" in text
    assert 'href="tel:+31493327506"' in html and 'href="/bel-mij-terug/"' in html
    assert 'href="/wat-is-hechting/"' in html  # the guide, page by page
    assert "spelling" not in text.lower()


def test_the_search_page_without_a_query_just_offers_the_form(client, site_content):
    response = client.get("/zoeken/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()
    assert "Geen pagina" not in response.content.decode()


def test_an_empty_query_asks_for_a_word(client, site_content):
    text = main_text(client.get("/zoeken/", {"q": "   "}).content)
    assert "Typ een of meer woorden in het zoekveld" in text


@pytest.mark.parametrize(
    "query",
    [
        "\x00",
        "hechting\x00",
        "a" * 3000,
        "'; DROP TABLE content_page; --",
        "hechting' OR '1'='1",
        "<script>alert(1)</script>",
        "hecht:* & !kind | (",
        "\\",
        "%_",
        "\ue000hechting\ue001",
    ],
)
def test_absurd_queries_give_a_friendly_page_with_the_query_escaped(client, site_content, query):
    response = client.get("/zoeken/", {"q": query})

    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "Zoeken" in main_text(html)
    assert Page.objects.count() == len(SLUGS)  # nothing was dropped


def test_bytes_that_are_not_utf8_give_a_friendly_page(client, site_content):
    response = client.get("/zoeken/?q=%FF%FE%ED%A0%80hechting%00")
    assert response.status_code == 200
    assert "Wat is hechting?" in main_text(response.content)


def test_a_query_over_the_limit_is_not_searched_and_says_why(client, site_content):
    text = main_text(client.get("/zoeken/", {"q": "hechting " * 300}).content)
    assert "Uw zoekvraag is te lang" in text
    assert "Gebruik minder dan 200 tekens" in text
    assert 'class="search-result"' not in text


def test_a_query_of_only_punctuation_asks_for_words(client, site_content):
    html = client.get("/zoeken/", {"q": "<>!?"}).content.decode()
    assert "Wij konden niet zoeken op ‘&lt;&gt;!?’." in html


def test_a_hostile_query_is_shown_escaped(client, site_content):
    html = client.get("/zoeken/", {"q": '<img src=x onerror="alert(1)">'}).content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


def test_the_query_is_cleaned_and_bounded():
    assert clean_query("  Hechting\x00 hechting KIND  ").terms == ("hechting", "kind")
    assert clean_query("een " * 20).terms == ("een",)
    many = " ".join(f"woord{i}" for i in range(20))
    assert len(clean_query(many).terms) == 8
    assert clean_query("x" * 41).problem == "no_words"
    assert clean_query("\x00\x01").problem == "empty"
    assert clean_query("a" * 201).problem == "too_long"


def test_search_results_are_not_kept_by_shared_caches_or_indexed(client, site_content):
    response = client.get("/zoeken/", {"q": "hechting"})
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
    assert not response.cookies


def test_a_search_costs_a_small_fixed_number_of_queries(
    client, site_content, django_assert_max_num_queries
):
    client.get("/")  # warm the navigation cache
    client.get("/zoeken/", {"q": "iets"})  # and the synonym list
    # PostgreSQL: the look-alike words and the search itself; SQLite: the pages.
    with django_assert_max_num_queries(2):
        client.get("/zoeken/", {"q": "hechten kind signalen"})


def test_search_pages_returns_nothing_for_no_terms(db):
    assert search_pages(()) == []
    assert connection.vendor in {"sqlite", "postgresql"}


def test_search_finds_what_parents_can_read_not_an_editors_draft(client, site_content):
    page = Page.objects.get(slug="wat-is-hechting")
    page.title = "Zeldzaamconceptwoord in een titel"
    page.save()
    titles, _ = results(client, "Zeldzaamconceptwoord")
    assert titles == []
    titles, _ = results(client, "hechting")
    assert "Wat is hechting?" in titles

    publish(page)
    titles, _ = results(client, "Zeldzaamconceptwoord")
    assert titles == ["Zeldzaamconceptwoord in een titel"]


# -- in parents' words ------------------------------------------------------------------------


def urls(client, q):
    html = client.get("/zoeken/", {"q": q}).content.decode()
    return re.findall(r'<li class="search-result">\s*<h2><a href="([^"]+)">', html)


@pytest.mark.parametrize("word", ["weglopen", "spijbelen", "agressief"])
def test_the_signs_are_searched(client, site_content, word):
    symptoms = Page.objects.get(show_signs=True).get_absolute_url()
    assert urls(client, word)[:1] == [symptoms], "the sign list weighs like a summary"


def test_a_page_with_every_word_of_a_question_comes_before_pages_with_some(client, site_content):
    make_page(
        title="Over slapen", slug="over-slapen", sections=[("Slapen", "Een kind slaapt slecht.")]
    )
    both = make_page(
        title="Slapen en eten",
        slug="slapen-en-eten",
        sections=[("Eten", "Een kind eet slecht en slaapt slecht.")],
    )
    make_page(title="Over eten", slug="over-eten", sections=[("Eten", "Een kind eet weinig.")])
    found = urls(client, "slaapt en eet slecht")
    assert found[0] == both.get_absolute_url()
    assert {"/over-slapen/", "/over-eten/"} <= set(found[1:])


def test_a_question_of_several_words_does_not_return_every_page(client, site_content):
    found = urls(client, "mijn kind loopt weg van huis")
    assert "/privacyverklaring/" not in found[:3]
    # The signs page, or the conversation card that lists "loopt weg" to tick (issue 11).
    signs = Page.objects.get(show_signs=True).get_absolute_url()
    assert found[0] in {signs, "/gesprekskaart/"} and signs in found[:3]


def test_a_synonym_from_the_list_finds_the_page_that_uses_the_other_word(client, site_content):
    page = make_page(title="Betalen", slug="betalen", sections=[("Geld", "Over de vergoeding.")])
    assert urls(client, "declaratie") == []
    Synonym.objects.create(word="declaratie", alternatives="vergoeding")
    assert urls(client, "declaratie") == [page.get_absolute_url()]


def test_results_are_cached_per_question_and_change_with_the_content(
    client, site_content, django_assert_num_queries
):
    client.get("/zoeken/", {"q": "hechting"})
    with django_assert_num_queries(0):
        client.get("/zoeken/", {"q": "  Hechting "})  # the same question, normalised
    page = Page.objects.get(slug="wat-is-hechting")
    page.title = "Zeldzaamnieuwwoord"
    page.save()
    publish(page)
    assert urls(client, "zeldzaamnieuwwoord") == ["/wat-is-hechting/"]


def test_the_cache_never_holds_the_question_itself(client, site_content):
    from django.core.cache import cache

    client.get("/zoeken/", {"q": "mijn dochter Fleur slaat"})
    keys = list(getattr(cache, "_cache", {}).keys())
    assert keys and not any("fleur" in str(key).lower() for key in keys)


PARENTS_QUESTIONS = {
    "wat kost een onderzoek": "/verwijzing-kosten-en-wachttijd/",
    "moet ik zelf betalen": "/verwijzing-kosten-en-wachttijd/",
    "hoe lang moet ik wachten": "/verwijzing-kosten-en-wachttijd/",
    "heb ik een verwijzing nodig": "/verwijzing-kosten-en-wachttijd/",
    "mijn zoon loopt steeds weg": "/kenmerken-en-symptomen/",
    "is het mijn schuld": "/oorzaken-onveilige-hechting/",
    "wat is een hechtingsstoornis": "/wat-is-hechting/",
    "hoe gaat het onderzoek": "/psychologisch-onderzoek/",
    "wat is nika": "/behandeling-nika-interventie/",
    "wat kan ik zelf doen": "/wat-kunt-u-zelf-doen/",
    "wanneer moet ik hulp zoeken": "/wanneer-hulp-vragen/",
    "mijn baby huilt veel": "/wat-is-normaal-voor-de-leeftijd/",
    "mijn kind wil dood": "/wanneer-hulp-vragen/",
    "hij bijt andere kinderen": "/kenmerken-en-symptomen/",
    "kindertelefoon": "/voor-jongeren/",
}


@pytest.mark.parametrize(("question", "answer"), PARENTS_QUESTIONS.items())
def test_a_parents_question_finds_the_page_that_answers_it_among_the_first_three(
    client, site_content, on_postgres, question, answer
):
    assert answer in urls(client, question)[:3], urls(client, question)
