"""The right words: "hechtingsproblemen" in general, "hechtingsstoornis" only for the rare
diagnosis it is, and NIKA's recognition exactly as the NJi states it, with no promise."""

import re

import pytest

from content.models import Page
from content.seed.guide import NJI_NIKA

from .html import links, main_text
from .test_b1 import body, public_urls

pytestmark = pytest.mark.django_db

DISORDER = re.compile(r"hechtingsstoornis", re.I)
EXPLAINED_ON = "/wat-is-hechting/"
NIKA = "/behandeling-nika-interventie/"


def live_text(page):
    live = page.live
    return " ".join(
        [live["title"], live["meta_description"], live["summary"]]
        + [f"{s['heading']} {s['body']}" for s in live["sections"]]
    )


def test_hechtingsstoornis_is_named_in_one_section_that_explains_it_is_rare(site_content):
    naming = [
        (page.slug, section)
        for page in Page.objects.published()
        for section in page.live["sections"]
        if DISORDER.search(section["heading"] + section["body"])
    ]
    assert len(naming) == 1
    slug, section = naming[0]
    assert f"/{slug}/" == EXPLAINED_ON
    body_text = section["body"]
    assert "Hechtingsproblemen is een algemeen woord." in body_text
    assert "zeldzame psychische" in body_text
    assert "Alleen een deskundige kan zeggen of een kind een hechtingsstoornis" in body_text
    assert "pas na een [onderzoek]" in body_text
    # The diagnoses by their DSM-5 names, in plain words before them.
    assert "reactieve hechtingsstoornis" in body_text
    assert "ontremd-sociaalcontactstoornis" in body_text


def test_no_title_summary_heading_or_block_calls_attachment_problems_a_disorder(
    client, site_content
):
    for page in Page.objects.published():
        live = page.live
        assert not DISORDER.search(live["title"] + live["summary"] + live["meta_description"])
    explanation = next(
        s
        for s in Page.objects.get(slug="wat-is-hechting").live["sections"]
        if "stoornis" in s["body"]
    )
    explained = main_text(f"<main><p>{explanation['heading']}</p>{explanation['body_html']}</main>")
    for url in public_urls(client):
        if "?q=" in url:  # search results quote the explanation
            continue
        text = main_text(client.get(url).content)
        if url == EXPLAINED_ON:  # the section, and its heading in "Op deze pagina"
            text = text.replace(explained, "").replace(explanation["heading"], "")
        assert not DISORDER.search(text), url


def test_headings_are_natural_dutch_questions_and_phrases(client, site_content):
    titles = {page.live["title"] for page in Page.objects.published()}
    assert {
        "Waaraan herkent u hechtingsproblemen?",
        "Hoe ontstaan hechtingsproblemen?",
        "Wat betekenen hechtingsproblemen voor uw kind?",
        "Hoe gaat het psychologisch onderzoek?",
        "Hoe gaat NIKA?",
    } <= titles
    assert not {"Hechtingsstoornis kenmerken en symptomen", "Hechtingsstoornis diagnose"} & titles


def test_nika_is_described_exactly_as_the_nji_recognises_it(client, site_content):
    html = client.get(NIKA).content.decode()
    text = main_text(html)
    for phrase in [
        "Daarin is NIKA erkend als 'goed onderbouwd'.",
        "Die erkenning is van 27 juni 2014.",
        "Het NJi beoordeelt NIKA nu opnieuw.",
        "voor kinderen van 9 maanden tot 6 jaar en hun ouders",
        "ongeveer vijf sessies",
        "(videofeedback)",
        "(psycho-educatie)",
        "opdrachten voor thuis",
        # What the recognition means, so that nobody reads it as proof.
        "Voor deze erkenning hoeft nog niet bewezen te zijn dat NIKA werkt.",
        # The organisation's own offer stays its own.
        "Wij bieden NIKA aan ouders en opvoeders van kinderen van 0 tot 19 jaar.",
    ]:
        assert phrase in text, phrase
    nji = [href for href, label, _ in links(html) if "databank van het NJi" in label]
    assert nji == [NJI_NIKA]
    assert NJI_NIKA == (
        "https://www.nji.nl/nl/Databank/Effectieve-Jeugdinterventies/Interventies/Erkend/NIKA"
    )


def test_nika_promises_no_outcome(client, site_content):
    text = main_text(client.get(NIKA).content)
    assert "NIKA kan helpen" in text
    assert not re.search(r"\b(zal|zullen)\b", text), "a promise of an outcome"


def test_no_page_claims_approval_or_proven_effect(client, site_content):
    for url in public_urls(client):
        text = re.sub(r"<[^>]+>", " ", body(client, url)).lower()
        for claim in ["goedgekeurd door", "effectieve behandeling", "bewezen effectief"]:
            assert claim not in text, (url, claim)
