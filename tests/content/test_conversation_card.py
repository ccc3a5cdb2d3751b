"""The conversation card: what a parent ticks and writes stays with the parent.

Every list item of the card's sections is a box to tick with its own label; there is no
form, so nothing can be sent or stored; editors keep the lists as the card's sections (a
change goes through review like any page). Printing on one A4 is tested in the browser
(tests/browser/test_conversation_card.py).
"""

import re

import pytest

from content.models import Page
from tests.factories import publish

from .html import headings, main_text

pytestmark = pytest.mark.django_db

URL = "/gesprekskaart/"


def main_html(client):
    html = client.get(URL).content.decode()
    return html[html.index("<main") : html.index("</main>")]


def boxes(html):
    """(id, label text) of every checkbox, in order."""
    found = []
    for match in re.finditer(
        r'<input class="form-check-input" type="checkbox" id="([^"]+)">', html
    ):
        box_id = match.group(1)
        label = re.search(rf'<label class="form-check-label" for="{box_id}">(.*?)</label>', html)
        found.append((box_id, re.sub(r"<[^>]+>", "", label.group(1)).strip()))
    return found


def test_every_item_is_a_box_with_its_own_label(client, site_content):
    html = main_html(client)
    found = boxes(html)
    assert len(found) == 23  # 5 + 6 + 6 signs by age, 6 questions
    assert ("vakje-1-1", "zoekt geen troost bij pijn, angst of verdriet") in found
    assert ("vakje-4-6", "Hoe lang moet ik wachten?") in found
    assert len({box_id for box_id, _ in found}) == len(found)
    titles = [t for _, t in headings(html)]
    assert titles == [
        "Gesprekskaart: wat ziet u bij uw kind?",
        "Baby of peuter (0 tot 4 jaar)",
        "Kleuter of schoolkind (4 tot 12 jaar)",
        "Tiener (12 jaar en ouder)",
        "Wat wilt u vragen?",
        "Sinds wanneer ziet u dit? Wat wilt u nog meer vragen?",
        "Alles over hechting",
    ]


def test_nothing_can_be_sent_or_stored(client, site_content):
    html = main_html(client)
    assert "<form" not in html
    assert "name=" not in html  # a box without a name is never part of a request
    assert "<textarea" not in html
    text = main_text(client.get(URL).content)
    assert "Het wordt niet verstuurd en niet bewaard." in text


def test_it_works_without_javascript_which_only_adds_the_print_button(client, site_content):
    html = main_html(client)
    assert '<p class="print-action" hidden data-print-action>' in html
    assert "Kies ‘Afdrukken’ in het menu van uw browser." in html  # in <noscript>
    assert html.count("<span></span>") == 6  # lines to write on, on paper


def test_a_warning_under_a_list_stays_text(client, site_content):
    text = main_text(client.get(URL).content)
    assert "Zegt uw kind dat het niet meer wil leven? Wacht dan niet." in text
    assert "Zegt uw kind dat het niet meer wil leven" not in " ".join(
        label for _, label in boxes(main_html(client))
    )


def test_an_editor_keeps_the_lists_as_sections_through_review(client, site_content):
    page = Page.objects.get(slug="gesprekskaart")
    section = page.sections.get(heading="Wat wilt u vragen?")
    section.body += "\n- Wie kan mij nu al helpen?"
    section.save()
    assert "Wie kan mij nu al helpen?" not in main_html(client)

    publish(page)

    assert ("vakje-4-7", "Wie kan mij nu al helpen?") in boxes(main_html(client))


def test_a_standard_page_shows_lists_as_lists(client, site_content):
    page = Page.objects.get(slug="gesprekskaart")
    page.layout = Page.Layout.STANDARD
    page.save()
    html = main_html(client)
    assert 'type="checkbox"' not in html
    assert "<li>zoekt geen troost bij pijn, angst of verdriet</li>" in html


def test_the_card_is_in_the_guide_and_linked_where_a_parent_prepares(client, site_content):
    for url in ["/", "/kenmerken-en-symptomen/", "/wanneer-hulp-vragen/"]:
        assert f'href="{URL}"' in client.get(url).content.decode(), url
