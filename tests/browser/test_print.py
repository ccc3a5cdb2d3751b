"""On paper: the text and the phone number stay, the navigation and the buttons go."""

from playwright.sync_api import expect

from .parent_steps import click_and_load, fill_callback


def assert_printed_without_navigation(page):
    for selector in [".site-nav--wide", ".site-nav--compact", ".skip-link", ".site-footer__links"]:
        expect(page.locator(selector)).to_be_hidden()
    header = page.locator(".site-header")
    expect(header.get_by_text("Bel ons:")).to_be_visible()
    expect(header.locator(".phone-link__number")).to_have_text("0493 - 327506")
    expect(header.get_by_role("link", name="Onderzoek aanvragen")).to_be_hidden()


def test_a_printed_guide_page_keeps_the_text_and_the_phone_number(desktop_page, live_site):
    page = desktop_page
    page.goto(live_site + "/kenmerken-en-symptomen/")
    page.emulate_media(media="print")

    assert_printed_without_navigation(page)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Herkent u deze signalen?")).to_be_visible()
    expect(page.get_by_role("heading", name="Direct hulp nodig?").first).to_be_visible()
    for hidden in [".pager", ".topic-contents", ".on-this-page", ".cta-box .btn"]:
        expect(page.locator(hidden)).to_be_hidden()


def test_a_printed_confirmation_keeps_the_reference(
    phone_page, live_site, forms_accept_quick_robots
):
    page = phone_page
    page.goto(live_site + "/bel-mij-terug/")
    fill_callback(page)
    click_and_load(page.get_by_role("button", name="Verzoek versturen"))
    page.emulate_media(media="print")

    assert_printed_without_navigation(page)
    expect(page.locator(".confirmation-panel__reference")).to_be_visible()
    expect(page.get_by_role("button", name="Deze pagina printen")).to_be_hidden()
