"""The conversation card in a real browser: ticked without JavaScript, nothing sent, printed
on one A4 (Chromium's own PDF of the page, as a parent's "Afdrukken" makes it)."""

import re

import pytest
from playwright.sync_api import expect

from .chromium import PHONE
from .conftest import assert_accessible

URL = "/gesprekskaart/"


def printed_pages(page) -> int:
    pdf = page.pdf(format="A4", print_background=False)
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def test_the_card_prints_on_one_a4_with_every_box_ticked(desktop_page, live_site):
    page = desktop_page
    page.goto(live_site + URL)
    assert printed_pages(page) == 1
    for box in page.get_by_role("checkbox").all():
        box.check()
    assert printed_pages(page) == 1
    page.emulate_media(media="print")
    expect(page.locator(".site-header").get_by_text("Bel ons:")).to_be_visible()
    expect(page.locator(".site-header .phone-link__number")).to_have_text("0493 - 327506")
    for hidden in [".site-footer", ".pager", ".topic-contents", ".print-action"]:
        expect(page.locator(hidden)).to_be_hidden()


def test_the_page_count_is_real_a_long_guide_page_takes_more_paper(desktop_page, live_site):
    desktop_page.goto(live_site + "/wanneer-hulp-vragen/")
    assert printed_pages(desktop_page) > 1


def test_without_javascript_a_parent_ticks_boxes_and_nothing_is_sent(new_page, live_site):
    page = new_page(viewport=PHONE, java_script_enabled=False)
    page.goto(live_site + URL)
    page.wait_for_load_state("networkidle")
    sent = []
    page.on("request", lambda request: sent.append(f"{request.method} {request.url}"))

    page.get_by_text("gaat met iedereen mee, ook met vreemden").click()
    page.get_by_label("Is een onderzoek nodig?").check()

    expect(page.get_by_label("gaat met iedereen mee, ook met vreemden")).to_be_checked()
    expect(page.get_by_label("Is een onderzoek nodig?")).to_be_checked()
    expect(page.get_by_role("button", name="Kaart printen")).to_be_hidden()
    # (Playwright's text search skips <noscript>, so the tip is found by its class.)
    tip = page.locator(".conversation-card__print-tip")
    expect(tip).to_have_text("Printen? Kies ‘Afdrukken’ in het menu van uw browser.")
    expect(tip).to_be_visible()
    # Ticking sends nothing (the browser may still fetch the icon late: a static file).
    assert [line for line in sent if "/static/" not in line] == []
    assert page.locator("main form").count() == 0


def test_with_javascript_the_print_button_appears(desktop_page, live_site):
    desktop_page.goto(live_site + URL)
    expect(desktop_page.get_by_role("button", name="Kaart printen")).to_be_visible()
    assert desktop_page.problems == []


@pytest.mark.parametrize("size", ["phone_page", "desktop_page"])
def test_the_card_is_accessible_with_boxes_ticked(request, size, live_site):
    page = request.getfixturevalue(size)
    page.goto(live_site + URL)
    page.get_by_role("checkbox").first.check()
    assert_accessible(page)
