"""A parent on a phone asks for an assessment: a mistake on the way, a change, a reference."""

import re

import pytest

from .conftest import assert_accessible


@pytest.fixture
def fast_forms(settings):
    # A browser test fills the form faster than a person; it must not be flagged as spam.
    settings.REQUEST_MIN_FILL_SECONDS = 0


def group(page, question):
    return page.get_by_role("group", name=question)


def focused_is(page, selector):
    return page.evaluate(f"document.activeElement.matches({selector!r})")


def click_and_load(locator):
    locator.click()
    locator.page.wait_for_load_state()


def continue_(page):
    click_and_load(page.get_by_role("button", name="Doorgaan"))


def test_a_parent_requests_an_assessment_on_a_phone(live_site, phone_page, fast_forms):
    page = phone_page
    page.goto(f"{live_site}/onderzoek-aanvragen/")
    assert page.title().startswith("Eerst een belangrijke vraag")
    assert_accessible(page)

    # Going on without an answer: the summary appears, takes focus and links to the question.
    continue_(page)
    assert page.title().startswith("Fout: ")
    assert focused_is(page, "[data-error-summary]")
    assert_accessible(page)
    page.get_by_role("link", name="Kies ‘Ja’ of ‘Nee’: is er nu direct gevaar?").click()
    assert focused_is(page, "#id_is_urgent_0")
    page.get_by_label("Nee").check()
    continue_(page)

    # About the child: 31 April does not exist.
    assert page.get_by_role("heading", level=1).inner_text() == "Over uw kind"
    page.get_by_label("Voornaam van uw kind").fill("Noor")
    page.get_by_label("Dag").fill("31")
    page.get_by_label("Maand").fill("4")
    page.get_by_label("Jaar").fill("2016")
    page.get_by_label("Woonplaats van uw kind").fill("Helmond")
    continue_(page)
    assert page.title().startswith("Fout: ")
    assert (
        page.locator("#id_child_birth_date_error")
        .inner_text()
        .endswith("De geboortedatum moet een echte datum zijn.")
    )
    assert page.get_by_label("Voornaam van uw kind").input_value() == "Noor"
    assert_accessible(page)
    page.get_by_label("Dag").fill("30")
    continue_(page)

    # About the parent.
    page.get_by_label("Uw naam").fill("Marieke Jansen")
    group(page, "Wat bent u van het kind?").get_by_label("Ouder", exact=True).check()
    group(page, "Wie heeft het gezag over uw kind?").get_by_label("Beide ouders samen").check()
    group(page, "Weet de andere ouder met gezag van deze aanvraag?").get_by_label("Ja").check()
    continue_(page)

    # The question.
    page.get_by_label("Waarover maakt u zich zorgen?").fill("Zij raakt in paniek als ik wegga.")
    group(page, "Welke signalen herkent u bij uw kind? (optioneel)").get_by_role(
        "checkbox"
    ).first.check()
    group(page, "Welke hulp is er al geweest?").get_by_label("Huisarts").check()
    continue_(page)

    # Contact.
    page.get_by_label("Telefoonnummer").fill("06-12345678")
    page.get_by_label("E-mailadres").fill("marieke@example.org")
    group(page, "Hoe wilt u dat wij contact met u opnemen?").get_by_label("Telefoon").check()
    group(page, "Mogen wij een bericht inspreken als u niet opneemt?").get_by_label("Nee").check()
    group(page, "Mogen wij zeggen dat wij van Bijzonder Jeugdwerk zijn?").get_by_label("Ja").check()
    continue_(page)

    # Review, then change the child's name and come back.
    assert page.get_by_role("heading", level=1).inner_text() == "Controleer uw gegevens"
    assert page.get_by_text("30 april 2016").is_visible()
    assert page.get_by_text("06 12345678").is_visible()
    assert_accessible(page)
    # "Wijzig" lands on the input itself: the browser focuses it, no script needed.
    click_and_load(page.get_by_role("button", name="Wijzig voornaam van uw kind"))
    assert page.get_by_role("heading", level=1).inner_text() == "Over uw kind"
    assert "/onderzoek-aanvragen/" in page.url and "Noor" not in page.url
    name = page.get_by_label("Voornaam van uw kind")
    assert name.input_value() == "Noor"
    assert focused_is(page, "#id_child_first_name")
    name.fill("Noortje")
    continue_(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Controleer uw gegevens"
    assert page.get_by_text("Noortje", exact=True).is_visible()
    assert page.get_by_text("Zij raakt in paniek als ik wegga.").is_visible()

    # Sending without consent: the review comes back with the message, still accessible.
    click_and_load(page.get_by_role("button", name="Aanvraag versturen"))
    assert page.title().startswith("Fout: Controleer uw gegevens")
    assert focused_is(page, "[data-error-summary]")
    assert page.get_by_text("Noortje", exact=True).is_visible()
    assert_accessible(page)

    # Consent and send.
    page.get_by_label(re.compile("Ik geef Bijzonder Jeugdwerk toestemming")).check()
    click_and_load(page.get_by_role("button", name="Aanvraag versturen"))
    assert page.get_by_role("heading", level=1).inner_text() == "Aanvraag ontvangen"
    reference = page.locator(".confirmation-panel__reference").inner_text()
    assert re.fullmatch(r"OZ-\d{4}-\d{5}", reference)
    assert "Noortje" not in page.content()
    assert page.get_by_role("button", name="Deze pagina printen").is_visible()
    assert_accessible(page)
    assert page.problems == []


def test_danger_reported_shows_what_to_do_and_going_back_keeps_the_answer(
    live_site, phone_page, fast_forms
):
    page = phone_page
    page.goto(f"{live_site}/onderzoek-aanvragen/")
    page.get_by_label("Ja").check()
    continue_(page)
    assert page.get_by_text("U gaf aan dat er nu direct gevaar is").is_visible()
    assert page.get_by_role("link", name="112").first.is_visible()
    click_and_load(page.get_by_role("button", name="Vorige stap"))
    assert page.get_by_label("Ja").is_checked()
    assert_accessible(page)
    assert page.problems == []
