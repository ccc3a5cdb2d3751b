"""Landmarks a screen reader lists: one banner, one main, one contentinfo, each at the top
level, and no two landmarks of one kind with the same name (axe-core's landmark rules, which
are best practice rather than WCAG tags, so the WCAG sweep does not run them).

On every page of the sitemap, both forms and search, on a phone and on a desktop (the menu
has a rendering for each).
"""

import pytest

from .conftest import axe_violations, sitemap_paths

LANDMARK_RULES = [
    "landmark-unique",
    "landmark-one-main",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "landmark-no-duplicate-main",
    "landmark-banner-is-top-level",
    "landmark-contentinfo-is-top-level",
    "landmark-main-is-top-level",
    "landmark-complementary-is-top-level",
]


@pytest.fixture(params=["phone_page", "desktop_page"])
def page(request):
    return request.getfixturevalue(request.param)


def test_no_two_landmarks_share_a_name(page, live_site):
    paths = sitemap_paths(page, live_site)
    found = {}
    for path in [*paths, "/onderzoek-aanvragen/", "/bel-mij-terug/", "/zoeken/?q=hechten"]:
        page.goto(live_site + path)
        violations = axe_violations(page, rules=LANDMARK_RULES)
        if violations:
            found[path] = violations
    assert found == {}
