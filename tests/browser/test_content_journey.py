"""A worried parent reads the guide on a phone and on a desktop, and searches for a word."""

import re

import pytest
from playwright.sync_api import expect

from content.seed import SIGNS
from tests.content.test_pages import HUB

HUB_TITLES = [title for _, title in HUB]
CARD = "Gesprekskaart: wat ziet u bij uw kind?"


@pytest.fixture(params=["phone_page", "desktop_page"])
def page(request):
    return request.getfixturevalue(request.param)


def test_a_parent_reads_the_whole_guide_from_home_via_volgende(page, live_site):
    page.goto(live_site + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Hechtingsproblemen bij kinderen en jongeren"
    )
    page.get_by_role("link", name="Lees meer over hechting").click()

    for i, title in enumerate(HUB_TITLES):
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(
            page.get_by_text(f"Over hechting · deel {i + 1} van {len(HUB_TITLES)}")
        ).to_be_visible()
        if title == CARD:  # the card starts with how to use it, to keep it on one A4
            expect(page.get_by_role("checkbox").first).to_be_visible()
        else:
            expect(page.get_by_role("heading", name="In het kort")).to_be_visible()
        current = page.locator('.topic-contents [aria-current="page"]')
        expect(current).to_have_count(1)
        if title == "Waaraan herkent u hechtingsproblemen?":
            signs = page.locator(".signs-list li")
            expect(signs).to_have_count(len(SIGNS))
            expect(signs.first).to_have_text(SIGNS[0])
            expect(page.get_by_role("heading", name="Direct hulp nodig?").first).to_be_visible()
        if i < len(HUB_TITLES) - 1:
            page.get_by_role("link", name=re.compile(r"^Volgende")).click()
        else:
            expect(page.get_by_role("link", name=re.compile(r"^Volgende"))).to_have_count(0)
            expect(page.get_by_role("heading", name="Anoniem praten")).to_be_visible()

    assert page.problems == []


def test_a_parent_searches_for_hechten_and_finds_the_attachment_pages(page, live_site):
    page.goto(live_site + "/zoeken/")
    page.get_by_label("Zoeken op deze website").fill("hechten")
    page.get_by_role("button", name="Zoeken").click()

    expect(page).to_have_url(re.compile(r"/zoeken/\?q=hechten$"))
    results = page.locator(".search-result h2 a")
    expect(results.first).to_be_visible()
    titles = results.all_inner_texts()
    assert "Wat is hechting?" in titles
    assert "Hoe ontstaan hechtingsproblemen?" in titles
    expect(page.locator(".search-result mark").first).to_be_visible()

    page.locator(".search-result").get_by_role("link", name="Wat is hechting?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat is hechting?")
    assert page.problems == []


def test_op_deze_pagina_jumps_to_a_section(page, live_site):
    page.goto(live_site + "/oorzaken-onveilige-hechting/")
    heading = "Wat bij de opvoeder kan meespelen"
    page.locator(".on-this-page").get_by_role("link", name=heading).click()
    expect(page).to_have_url(re.compile(r"#wat-bij-de-opvoeder-kan-meespelen$"))
    expect(page.get_by_role("heading", name=heading)).to_be_in_viewport()
    assert page.problems == []
