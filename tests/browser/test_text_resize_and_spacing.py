"""Text enlarged to 200 %, reflow at 400 % and WCAG text spacing: every public page holds.

axe cannot see these (WCAG 2.2 SC 1.4.4, 1.4.10, 1.4.12). In each set-up of layout.SETUPS
(200 % text at 1280, 1024 and 768 px; 320 x 256 px; text spacing at 320 and 1280 px) every page
in /sitemap.xml, the search page in three states, the page-not-found page and every page of
both forms (empty, with errors, the review, the confirmation) is checked by
layout.layout_problems: no sideways scrolling, no text outside its box or off screen, nothing
lying over text or a control. The phone menu is opened once per set-up and checked open.
"""

from .conftest import sitemap_paths
from .layout import layout_problems
from .parent_steps import (
    click_and_load,
    continue_,
    fill_assessment_until_review,
    fill_callback,
    give_consent,
    h1,
)


def test_every_page_holds_its_layout(page_in_setup, live_site, forms_accept_quick_robots):
    page = page_in_setup
    found = {}

    def check(state):
        problems = layout_problems(page)
        if problems:
            found[state] = problems

    paths = sitemap_paths(page, live_site)
    assert "/" in paths and len(paths) >= 10
    for path in [*paths, "/zoeken/", "/zoeken/?q=hechten", "/zoeken/?q=xylofoon"]:
        assert page.goto(live_site + path).status == 200, path
        check(path)
    page.goto(live_site + "/deze-pagina-bestaat-niet/")
    check("404")

    # The phone menu, where there is one, opened.
    page.goto(live_site + "/")
    menu = page.locator("summary.nav-disclosure__toggle")
    if menu.is_visible():
        menu.click()
        check("the menu, open")

    page.goto(live_site + "/bel-mij-terug/")
    check("callback: empty")
    click_and_load(page.get_by_role("button", name="Verzoek versturen"))
    check("callback: nothing filled in")
    fill_callback(page)
    click_and_load(page.get_by_role("button", name="Verzoek versturen"))
    assert h1(page) == "Terugbelverzoek ontvangen"
    check("callback: confirmation")

    page.goto(live_site + "/onderzoek-aanvragen/")
    continue_(page)
    check("assessment: step 1 not answered")
    page.goto(live_site + "/onderzoek-aanvragen/")
    fill_assessment_until_review(page, on_step=lambda page: check(f"assessment: {h1(page)}"))
    give_consent(page)
    click_and_load(page.get_by_role("button", name="Aanvraag versturen"))
    assert h1(page) == "Aanvraag ontvangen"
    check("assessment: confirmation")

    assert found == {}
