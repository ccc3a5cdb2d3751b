"""Every public page and every form state, on a phone and on a desktop, checked as a whole.

For each page: axe-core (WCAG 2.0-2.2 A/AA) finds nothing; the headings form an outline (one
h1, never a level skipped on the way down); every form control has a label; every control
that is not a link inside a sentence is at least 44x44 px; nothing scrolls sideways; no
console errors or CSP violations. The public pages come from /sitemap.xml itself, so a new
page is checked without touching this file.
"""

import itertools
import re

import pytest

from .conftest import assert_accessible, sitemap_paths
from .parent_steps import (
    click_and_load,
    continue_,
    fill_assessment_until_review,
    fill_callback,
    give_consent,
    h1,
)

# Headings that are rendered (not display:none), in document order.
HEADING_LEVELS = """
() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
  .filter((h) => h.getClientRects().length > 0)
  .map((h) => Number(h.tagName[1]))
"""

# Form controls a person can reach, without a label of their own.
UNLABELLED = """
() => [...document.querySelectorAll('input, select, textarea')]
  .filter((el) => !['hidden', 'submit', 'button'].includes(el.type))
  .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-labelledby'))
  .map((el) => el.outerHTML.slice(0, 100))
"""

# Controls smaller than 44x44 px. Exempt, as in WCAG 2.5.8: links inside running text
# (display: inline), and what nobody can reach (the honeypot, the skip link until focused).
SMALL_TARGETS = """
() => [...document.querySelectorAll('a[href], button, input, select, textarea, summary')]
  .filter((el) => el.type !== 'hidden' && !el.closest('[aria-hidden="true"]'))
  .filter((el) => !el.classList.contains('skip-link'))
  .filter((el) => el.getClientRects().length > 0)
  .filter((el) => getComputedStyle(el).display !== 'inline')
  .map((el) => [el, el.getBoundingClientRect()])
  .filter(([el, r]) => r.width < 43.5 || r.height < 43.5)
  .map(([el, r]) => `${Math.round(r.width)}x${Math.round(r.height)} ${el.outerHTML.slice(0, 90)}`)
"""


@pytest.fixture(params=["phone_page", "desktop_page"])
def page(request):
    return request.getfixturevalue(request.param)


def check_page(page, state):
    """Everything this module promises, for the page as it is now; returns the problems."""
    problems = []
    try:
        assert_accessible(page)
    except AssertionError as exc:
        problems.append(str(exc))
    levels = page.evaluate(HEADING_LEVELS)
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} h1 elements: {levels}")
    # The error summary's h2 may come before the h1 (GOV.UK); going down, one level at a time.
    skipped = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
    if skipped or (levels and levels[0] > 2):
        problems.append(f"headings skip a level: {levels}")
    problems += [f"no label: {html}" for html in page.evaluate(UNLABELLED)]
    problems += [f"small target: {t}" for t in page.evaluate(SMALL_TARGETS)]
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    if overflow > 0:
        problems.append(f"scrolls sideways by {overflow}px")
    problems += page.problems
    page.problems.clear()
    return {state: problems} if problems else {}


def test_every_page_in_the_sitemap(page, live_site):
    paths = sitemap_paths(page, live_site)
    assert "/" in paths and "/kenmerken-en-symptomen/" in paths and len(paths) >= 10
    found = {}
    for path in paths:
        response = page.goto(live_site + path)
        assert response.status == 200, path
        found |= check_page(page, path)
    assert found == {}


def test_the_search_page_with_and_without_results(page, live_site):
    found = {}
    for path in ["/zoeken/", "/zoeken/?q=hechten", "/zoeken/?q=xylofoon"]:
        page.goto(live_site + path)
        found |= check_page(page, path)
    assert found == {}


def test_the_assessment_form_empty_with_errors_in_review_and_confirmed(
    page, live_site, forms_accept_quick_robots
):
    found = {}
    page.goto(live_site + "/onderzoek-aanvragen/")
    found |= check_page(page, "step 1, empty")
    continue_(page)
    assert page.title().startswith("Fout: ")
    found |= check_page(page, "step 1, not answered")

    page.get_by_label("Nee").check()
    continue_(page)
    found |= check_page(page, "step 2, empty")
    page.get_by_label("Dag").fill("31")
    page.get_by_label("Maand").fill("4")
    continue_(page)
    assert page.locator(".error-message").count() >= 2
    found |= check_page(page, "step 2, several mistakes")

    page.goto(live_site + "/onderzoek-aanvragen/")
    fill_assessment_until_review(page)
    found |= check_page(page, "review")
    click_and_load(page.get_by_role("button", name="Aanvraag versturen"))
    assert page.title().startswith("Fout: Controleer uw gegevens")
    found |= check_page(page, "review, no consent")

    give_consent(page)
    click_and_load(page.get_by_role("button", name="Aanvraag versturen"))
    assert h1(page) == "Aanvraag ontvangen"
    found |= check_page(page, "confirmation")
    assert found == {}


def test_the_callback_form_empty_with_errors_and_confirmed(
    page, live_site, forms_accept_quick_robots
):
    found = {}
    page.goto(live_site + "/bel-mij-terug/")
    found |= check_page(page, "empty")
    click_and_load(page.get_by_role("button", name="Verzoek versturen"))
    assert page.title().startswith("Fout: ")
    found |= check_page(page, "nothing filled in")

    fill_callback(page)
    page.get_by_label("Telefoonnummer").fill("12")
    click_and_load(page.get_by_role("button", name="Verzoek versturen"))
    assert re.search(r"telefoonnummer", page.locator(".error-summary").inner_text(), re.I)
    found |= check_page(page, "a wrong phone number")

    page.get_by_label("Telefoonnummer").fill("06 12345678")
    give_consent(page)
    click_and_load(page.get_by_role("button", name="Verzoek versturen"))
    assert h1(page) == "Terugbelverzoek ontvangen"
    found |= check_page(page, "confirmation")
    assert found == {}


def test_the_page_not_found(page, live_site):
    response = page.goto(live_site + "/deze-pagina-bestaat-niet/")
    assert response.status == 404
    # Chromium logs the 404 of the document itself; that is the only message allowed.
    assert len(page.problems) == 1 and "404" in page.problems[0]
    page.problems.clear()
    assert check_page(page, "404") == {}
