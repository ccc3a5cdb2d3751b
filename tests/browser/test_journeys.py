"""A parent's whole visit, on a phone (390x844) and on a desktop (1280x800), by clicking only.

Reading the guide from the home page to the symptoms, then asking for an assessment from
there; finding the callback form through the contact page; finding pages through the
search entry in the menu. Every page on the way loads without console errors or CSP
violations and never scrolls sideways.
"""

import re

import pytest
from playwright.sync_api import expect

from .parent_steps import (
    CHILD_NAME,
    WORRIES,
    click_and_load,
    fill_assessment_until_review,
    fill_callback,
    give_consent,
    h1,
)

GUIDE_TO_SYMPTOMS = [
    "Wat is hechting?",
    "Hoe ontstaan hechtingsproblemen?",
    "Wat betekenen hechtingsproblemen voor uw kind?",
    "Waaraan herkent u hechtingsproblemen?",
]


@pytest.fixture(params=["phone_page", "desktop_page"])
def page(request):
    return request.getfixturevalue(request.param)


def is_phone(page):
    return page.viewport_size["width"] < 992


def assert_fits_the_screen(page):
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def open_menu_item(page, name):
    """Use the main menu as the parent sees it: behind "Menu" on a phone, a bar on a desktop."""
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(menu).to_have_count(1)  # the other rendering is hidden from everyone
    if is_phone(page):
        toggle = menu.get_by_text("Menu", exact=True)
        expect(toggle).to_be_visible()
        expect(menu.get_by_role("link", name=name, exact=True)).to_be_hidden()
        toggle.click()
    click_and_load(menu.get_by_role("link", name=name, exact=True))


def test_a_parent_reads_up_to_the_symptoms_and_asks_for_an_assessment(
    page, live_site, forms_accept_quick_robots
):
    page.goto(live_site + "/")
    header = page.get_by_role("banner")
    # The two things a worried parent looks for, in view without scrolling.
    expect(header.get_by_role("link", name=re.compile(r"0493 - 327506"))).to_be_in_viewport()
    expect(header.get_by_role("link", name="Onderzoek aanvragen")).to_be_in_viewport()
    assert_fits_the_screen(page)

    click_and_load(page.get_by_role("link", name="Lees meer over hechting"))
    for number, title in enumerate(GUIDE_TO_SYMPTOMS, start=1):
        assert h1(page) == title
        expect(page.get_by_text(f"Over hechting · deel {number} van 12")).to_be_visible()
        assert_fits_the_screen(page)
        if title != GUIDE_TO_SYMPTOMS[-1]:
            click_and_load(page.get_by_role("link", name=re.compile(r"^Volgende")))

    # The symptoms page: the signs, the urgent-help box, then the way to ask for help.
    expect(page.locator(".signs-list li").first).to_be_visible()
    expect(page.get_by_role("heading", name="Direct hulp nodig?").first).to_be_visible()
    cta = page.locator(".cta-box")
    expect(cta.get_by_role("heading")).to_have_text(
        "Wilt u weten wat er met uw kind aan de hand is?"
    )
    click_and_load(cta.get_by_role("link", name="Onderzoek aanvragen"))

    expect(page.get_by_text("Onderzoek aanvragen – stap 1 van 5")).to_be_visible()
    assert_fits_the_screen(page)
    fill_assessment_until_review(page)

    assert_fits_the_screen(page)
    review = page.locator(".summary-list")
    expect(review.get_by_text(CHILD_NAME, exact=True)).to_be_visible()
    expect(review.get_by_text("14 maart 2016", exact=False)).to_be_visible()
    expect(review.get_by_text(WORRIES)).to_be_visible()
    expect(page.get_by_role("button", name=re.compile(r"^Wijzig"))).to_have_count(
        page.locator(".summary-list__row").count()
    )
    give_consent(page)
    click_and_load(page.get_by_role("button", name="Aanvraag versturen"))

    assert h1(page) == "Aanvraag ontvangen"
    reference = page.locator(".confirmation-panel__reference")
    expect(reference).to_be_in_viewport()
    assert re.fullmatch(r"OZ-\d{4}-\d{5}", reference.inner_text())
    assert CHILD_NAME not in page.content()
    assert_fits_the_screen(page)
    assert page.problems == []


def test_a_parent_finds_the_callback_form_through_contact(
    page, live_site, forms_accept_quick_robots
):
    page.goto(live_site + "/")
    open_menu_item(page, "Contact")
    assert h1(page) == "Contact"
    expect(page.get_by_role("link", name="0493 - 327506").first).to_be_visible()
    assert_fits_the_screen(page)

    click_and_load(page.get_by_role("link", name="Vraag of wij u terugbellen"))
    assert h1(page) == "Bel mij terug"
    assert_fits_the_screen(page)
    fill_callback(page)
    click_and_load(page.get_by_role("button", name="Verzoek versturen"))

    assert h1(page) == "Terugbelverzoek ontvangen"
    assert re.fullmatch(
        r"TB-\d{4}-\d{5}", page.locator(".confirmation-panel__reference").inner_text()
    )
    assert_fits_the_screen(page)
    assert page.problems == []


def test_a_parent_searches_for_hechten_from_the_menu(page, live_site):
    page.goto(live_site + "/kenmerken-en-symptomen/")
    open_menu_item(page, "Zoeken")
    assert h1(page) == "Zoeken"

    page.get_by_label("Zoeken op deze website").fill("hechten")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_text(re.compile(r"^\d+ pagina's gevonden voor ‘hechten’"))).to_be_visible()
    titles = page.locator(".search-result h2 a").all_inner_texts()
    for title in ["Wat is hechting?", "Hoe ontstaan hechtingsproblemen?"]:
        assert title in titles
    assert_fits_the_screen(page)

    click_and_load(page.locator(".search-result").get_by_role("link", name="Wat is hechting?"))
    assert h1(page) == "Wat is hechting?"
    assert page.problems == []
