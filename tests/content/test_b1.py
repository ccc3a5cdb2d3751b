"""Plain Dutch (B1) on every public page, as a parent reads it (header and footer included).

- No sentence over 20 words (Thuisarts.nl's limit), except in the privacy and accessibility
  statements, which are legal texts.
- None of the jargon the issue named, anywhere.
- Parents are "u": no "je", "jij" or "jouw" on a page for parents. The page for young
  people ("Voor jongeren") says "je" and nothing else.
"""

import re
from xml.etree import ElementTree

import pytest

from content.models import Page
from content.readability import MAX_SENTENCE, WORD, split_sentences
from content.seed import SIGNS

from .html import main_text

pytestmark = pytest.mark.django_db

LEGAL = {"/privacyverklaring/", "/toegankelijkheidsverklaring/"}
FOR_YOUNG_PEOPLE = "/voor-jongeren/"
# Search results quote the pages (the statements and the page for young people too): what
# they quote is checked where it stands, the result page's own words here.
SEARCH_WITH_RESULTS = "/zoeken/?q=hechting"
OTHER_PUBLIC_PAGES = [
    "/zoeken/",
    SEARCH_WITH_RESULTS,
    "/zoeken/?q=xylofoon",
    "/bestaat-niet/",
    "/onderzoek-aanvragen/",
    "/bel-mij-terug/",
]
JARGON = [
    "o.a.",
    "etc.",
    "interpreteren",
    "sensitief",
    "reactiestijl",
    "adoptieproblematiek",
    "claimend gedrag",
    "hechtingsproblematiek",
]
INFORMAL = re.compile(r"\b(je|jij|jouw|jou|jezelf)\b", re.I)
FORMAL = re.compile(r"\b(u|uw|uzelf)\b", re.I)
# Where a sentence ends in the page's markup although no full stop does: a card's title and
# its text, a label and its field, the cells of the header and the footer.
BLOCK_END = re.compile(r"</(?:a|span|label|summary|div|section|nav|header|footer|button|dt|dd)>")


def public_urls(client):
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 (our own)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    paths = [
        "/" + loc.text.split("://", 1)[1].split("/", 1)[1] for loc in root.findall(".//s:loc", ns)
    ]
    return [*paths, *OTHER_PUBLIC_PAGES]


def body(client, url):
    html = client.get(url).content.decode()
    html = html[html.index("<body") : html.index("</body>")]
    return re.sub(r"<script.*?</script>", "", html, flags=re.S)


def long_sentences(html):
    sentences = split_sentences([BLOCK_END.sub("</p>", html)])
    return [(len(WORD.findall(s)), s) for s in sentences if len(WORD.findall(s)) > MAX_SENTENCE]


def test_no_public_sentence_is_longer_than_twenty_words(client, site_content):
    urls = public_urls(client)
    assert len(urls) > 15  # the sitemap really lists the guide
    found = {url: long_sentences(body(client, url)) for url in urls}
    found = {url: long for url, long in found.items() if long}
    assert set(found) <= {*LEGAL, SEARCH_WITH_RESULTS}, found


def test_the_sentence_check_catches_a_long_sentence(client, site_content):
    from tests.factories import publish

    page = Page.objects.get(slug="wat-is-hechting")
    page.summary = "Dit is een zin die veel te lang is, want hij gaat maar door en door " + (
        "en houdt niet op voordat een ouder de draad kwijt is."
    )
    page.save()
    publish(page)
    assert long_sentences(body(client, "/wat-is-hechting/"))


def test_the_signs_are_short_enough_to_read_as_one_sentence_each():
    for sign in SIGNS:
        assert len(WORD.findall(sign)) <= MAX_SENTENCE, sign


def test_no_public_page_uses_the_jargon_the_issue_named(client, site_content):
    for url in public_urls(client):
        text = main_text(client.get(url).content).lower()
        used = [word for word in JARGON if word in text]
        assert used == [], url


def test_parents_are_addressed_as_u_everywhere(client, site_content):
    for url in public_urls(client):
        if url in {FOR_YOUNG_PEOPLE, SEARCH_WITH_RESULTS}:
            continue
        text = " ".join(re.sub(r"<[^>]+>", " ", body(client, url)).split())
        assert INFORMAL.findall(text) == [], url


def test_the_page_for_young_people_says_je_and_never_u(site_content):
    page = Page.objects.get(slug=FOR_YOUNG_PEOPLE.strip("/"))
    live = page.live
    text = " ".join(
        [
            live["title"],
            live["summary"],
            *[s["heading"] + " " + s["body"] for s in live["sections"]],
        ]
    )
    assert len(INFORMAL.findall(text)) > 10
    assert FORMAL.findall(text) == []
