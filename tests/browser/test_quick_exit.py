""" "Snel weg": on every public page the first Tab stop, a plain link to a neutral site on
another host, so it works without JavaScript; with JavaScript the page it left is no longer in
the browser's history. It stays in view and usable at 320 px, at 200 % text and under text
spacing.

Nothing leaves this machine: the other site is answered by a stub page (Playwright routing).
"""

import re
from urllib.parse import urlsplit

import pytest

from .conftest import sitemap_paths
from .parent_steps import (
    click_and_load,
    fill_assessment_until_review,
    fill_callback,
    give_consent,
    h1,
)

STUB = "<!doctype html><html lang='nl'><title>Zoeken</title><h1>Een andere website</h1></html>"


def stub_other_sites(context, live_site):
    """Answer every request to another host with a stub page; return the hosts asked for."""
    own = urlsplit(live_site).netloc
    asked = []

    def fulfil(route):
        asked.append(urlsplit(route.request.url).netloc)
        route.fulfill(status=200, content_type="text/html", body=STUB)

    context.route(lambda url: urlsplit(url).netloc not in {own, ""}, fulfil)
    return asked


@pytest.fixture
def public_urls(new_page, live_site, forms_accept_quick_robots):
    """Every public page: the sitemap, both forms, search, and both confirmation pages."""
    page = new_page()
    urls = [live_site + path for path in sitemap_paths(page, live_site)]
    urls += [live_site + path for path in ["/onderzoek-aanvragen/", "/bel-mij-terug/"]]
    urls += [live_site + "/zoeken/", live_site + "/zoeken/?q=hechten"]
    page.goto(live_site + "/bel-mij-terug/")
    fill_callback(page)
    click_and_load(page.get_by_role("button", name="Verzoek versturen"))
    assert h1(page) == "Terugbelverzoek ontvangen"
    urls.append(page.url)
    page.goto(live_site + "/onderzoek-aanvragen/")
    fill_assessment_until_review(page)
    give_consent(page)
    click_and_load(page.get_by_role("button", name="Aanvraag versturen"))
    assert h1(page) == "Aanvraag ontvangen"
    urls.append(page.url)
    return urls


def quick_exit(page):
    return page.get_by_role("link", name=re.compile("^Snel weg"))


def test_snel_weg_is_the_first_tab_stop_and_leaves_for_another_host(
    new_page, live_site, public_urls
):
    page = new_page()
    own_host = urlsplit(live_site).netloc
    for url in public_urls:
        page.goto(url)
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent")
        assert focused.startswith("Snel weg"), f"first Tab stop on {url}: {focused!r}"
        link = quick_exit(page)
        href = urlsplit(link.get_attribute("href"))
        assert href.scheme == "https" and href.netloc not in {own_host, ""}, url
        assert "noreferrer" in link.get_attribute("rel").split(), url
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.matches('.skip-link')"), url


def test_snel_weg_works_without_javascript(new_page, live_site, public_urls):
    page = new_page(java_script_enabled=False)
    asked = stub_other_sites(page.context, live_site)
    for url in public_urls:
        page.goto(url)
        click_and_load(quick_exit(page))
        assert page.title() == "Zoeken", f"Snel weg on {url} went to {page.url}"
    assert set(asked) == {"www.google.nl"}


def test_with_javascript_the_page_it_left_is_not_in_the_history(new_page, live_site, public_urls):
    page = new_page()
    asked = stub_other_sites(page.context, live_site)
    before = live_site + "/contact/"
    for url in public_urls:
        page.goto(before if url != before else live_site + "/")
        page.goto(url)
        click_and_load(quick_exit(page))
        assert page.title() == "Zoeken", f"Snel weg on {url} went to {page.url}"
        page.go_back()
        assert page.url != url, f"Back returned to {url}"
    assert set(asked) == {"www.google.nl"}


def test_snel_weg_stays_in_view_and_usable(page_in_setup, live_site):
    page = page_in_setup
    stub_other_sites(page.context, live_site)
    page.goto(live_site + "/wat-is-hechting/")
    page.keyboard.press("Tab")
    box = quick_exit(page).bounding_box()
    window = page.viewport_size
    assert box["x"] >= 0 and box["x"] + box["width"] <= window["width"]
    assert box["y"] >= 0 and box["y"] + box["height"] <= window["height"]
    assert box["width"] >= 44 and box["height"] >= 44
    # Nothing lies over it: the element at its centre is the link itself.
    centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('a')?.textContent || ''", centre
    ).startswith("Snel weg")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.title() == "Zoeken"
