"""Playwright with Debian's Chromium (/usr/bin/chromium); never a downloaded browser.

Browser tests are skipped, with the reason shown, when Chromium is missing;
REQUIRE_BROWSER=1 (as in CI) turns that into a failure.
"""

import json
import os
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from .chromium import CHROMIUM, CHROMIUM_ARGS, DESKTOP, PHONE
from .layout import SETUPS, enlarge_text, text_spacing_on_every_page

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
AXE_JS = Path(str(resources.files("axe_playwright_python") / "axe.min.js"))
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
# beside one unless told that this (test-only) use is safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    browser_items = [item for item in items if here in Path(str(item.fspath)).parents]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
    if browser_items and not Path(CHROMIUM).exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            raise pytest.UsageError(
                f"REQUIRE_BROWSER=1 but Chromium is missing at {CHROMIUM}: "
                "apt-get install -y chromium"
            )
        skip = pytest.mark.skip(
            reason=f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        )
        for item in browser_items:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class PageProblems(list):
    """Console errors and CSP violations seen on a page; tests assert it stays empty."""


def _new_page(browser, viewport, **context_kwargs):
    context = browser.new_context(
        viewport=viewport,
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
        is_mobile=viewport is PHONE,
        has_touch=viewport is PHONE,
        **context_kwargs,
    )
    # axe-core runs as an init script: outside the page's CSP, so the page keeps its real policy.
    context.add_init_script(path=str(AXE_JS))
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems = PageProblems()
    page.on(
        "console",
        lambda msg: (
            problems.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None
        ),
    )
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.problems = problems
    return context, page


@pytest.fixture
def phone_page(browser):
    context, page = _new_page(browser, PHONE)
    yield page
    context.close()


@pytest.fixture
def desktop_page(browser):
    context, page = _new_page(browser, DESKTOP)
    yield page
    context.close()


@pytest.fixture
def new_page(browser):
    """Factory for extra pages: new_page(viewport=PHONE) -> page."""
    contexts = []

    def make(viewport=DESKTOP, **kwargs):
        context, page = _new_page(browser, viewport, **kwargs)
        contexts.append(context)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(params=list(SETUPS))
def page_in_setup(request, new_page):
    """A page as a low-vision reader sets it up: each of layout.SETUPS in turn."""
    viewport, font_sizes, spacing = SETUPS[request.param]
    page = new_page(viewport=viewport, bypass_csp=spacing)
    if spacing:
        text_spacing_on_every_page(page.context)
    if font_sizes:
        enlarge_text(page, font_sizes)
    return page


@pytest.fixture
def forms_accept_quick_robots(settings):
    """A browser fills a form faster than a person and sends more than one per hour."""
    settings.REQUEST_MIN_FILL_SECONDS = 0
    settings.REQUEST_RATE_LIMIT = "100/h"


@pytest.fixture
def live_site(live_server, transactional_db):
    """The live server with the seed content loaded; returns its base URL."""
    call_command("load_content", verbosity=0)
    return live_server.url


def axe_violations(page, rules=None) -> list[dict]:
    """Run axe-core (WCAG 2.0-2.2 A/AA, or the named rules) on the page; return the
    violations, compact.

    axe measures colours by adding inline styles, which the page's CSP rightly refuses;
    those console errors are axe's, not the page's, so they are dropped from page.problems.
    """
    problems = getattr(page, "problems", None)
    seen = len(problems) if problems is not None else 0
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_TAGS}
    result = page.evaluate(
        """async (runOnly) => await axe.run(document, {runOnly, resultTypes: ['violations']})""",
        run_only,
    )
    if problems is not None:
        del problems[seen:]
    return [
        {
            "id": v["id"],
            "impact": v.get("impact"),
            "targets": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


def assert_accessible(page):
    violations = axe_violations(page)
    assert violations == [], f"axe found on {page.url}:\n{json.dumps(violations, indent=2)}"


def sitemap_paths(page, live_site) -> list[str]:
    """The paths of every public page, from the site's own /sitemap.xml."""
    response = page.request.get(live_site + "/sitemap.xml")
    assert response.ok
    # Our own server's sitemap, not untrusted input.
    locs = ET.fromstring(response.body()).findall("sm:url/sm:loc", SITEMAP_NS)  # noqa: S314
    return [urlsplit(loc.text).path for loc in locs]
