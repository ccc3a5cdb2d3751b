"""Every public content page passes axe-core (WCAG 2.2 AA) on a phone and on a desktop."""

import itertools

import pytest

from .conftest import axe_violations

PUBLIC_PAGES = [
    "/",
    "/wat-is-hechting/",
    "/oorzaken-onveilige-hechting/",
    "/gevolgen-van-hechtingsproblemen/",
    "/kenmerken-en-symptomen/",
    "/wat-is-normaal-voor-de-leeftijd/",
    "/wat-kunt-u-zelf-doen/",
    "/wanneer-hulp-vragen/",
    "/gesprekskaart/",
    "/verwijzing-kosten-en-wachttijd/",
    "/psychologisch-onderzoek/",
    "/behandeling-nika-interventie/",
    "/voor-jongeren/",
    "/contact/",
    "/privacyverklaring/",
    "/toegankelijkheidsverklaring/",
    "/zoeken/",
    "/zoeken/?q=hechten",
    "/zoeken/?q=xylofoon",
    "/zoeken/?q=" + "a" * 300,
    "/deze-pagina-bestaat-niet/",
]


@pytest.fixture(params=["phone_page", "desktop_page"])
def page(request):
    return request.getfixturevalue(request.param)


def test_every_public_content_page_is_accessible(page, live_site):
    found = {}
    for path in PUBLIC_PAGES:
        page.problems.clear()
        response = page.goto(live_site + path)
        violations = axe_violations(page)
        if violations:
            found[path] = violations
        if "bestaat-niet" in path:
            assert response.status == 404
            # Chromium reports the 404 document itself; nothing else may fail.
            assert len(page.problems) == 1 and "status of 404" in page.problems[0]
        else:
            assert response.status == 200, path
            assert page.problems == [], path
    assert found == {}


def test_every_public_content_page_has_one_h1_and_no_skipped_levels(page, live_site):
    for path in PUBLIC_PAGES:
        page.goto(live_site + path)
        levels = page.eval_on_selector_all(
            "h1, h2, h3, h4, h5, h6",
            "els => els.filter(e => e.offsetParent !== null).map(e => Number(e.tagName[1]))",
        )
        assert levels.count(1) == 1, path
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), (path, levels)
