"""Screenshots for the README: the pages a parent sees, at phone and desktop size.

Not a test (pytest does not collect it). Run it against a running site, in two terminals:

    REQUEST_MIN_FILL_SECONDS=0 REQUEST_RATE_LIMIT=100/h PORT=8104 make run
    .venv/bin/python tests/browser/screenshots.py http://127.0.0.1:8104 docs/screenshots

REQUEST_MIN_FILL_SECONDS=0 keeps the quick robot-filled requests out of the spam check and a
higher REQUEST_RATE_LIMIT lets it send one request per size. Each run stores two test requests
(one per size) in the database the site uses: run it against a laptop database, never production.

It saves, for phone (390x844) and desktop (1280x800): the home page, a hub page, the guidance
pages (GUIDANCE below; the conversation card also as printed), the first step of the assessment
form with its errors shown, the review step, and the confirmation page; and the home page and
the hub page at 1280x800 with the browser's text size at 200 % (Chromium's font size 32 px
instead of 16, as a reader with low vision sets it: "-text200"). With --pages-only it saves the
pages and sends no request.
"""

import argparse
import sys
from pathlib import Path
from urllib.parse import urlsplit

# Run as a script, this folder is on sys.path: the same steps the browser tests take.
from chromium import CHROMIUM, CHROMIUM_ARGS, DESKTOP, PHONE
from layout import enlarge_text
from parent_steps import click_and_load, continue_, fill_assessment_until_review, give_consent
from playwright.sync_api import sync_playwright

SIZES = {"phone": PHONE, "desktop": DESKTOP}
# The guidance a worried parent reads next (issue 11), by screenshot name.
GUIDANCE = {
    "guide-normal-behaviour": "/wat-is-normaal-voor-de-leeftijd/",
    "guide-what-you-can-do": "/wat-kunt-u-zelf-doen/",
    "guide-when-to-ask-for-help": "/wanneer-hulp-vragen/",
    "guide-conversation-card": "/gesprekskaart/",
    "guide-referral-costs-waiting": "/verwijzing-kosten-en-wachttijd/",
    "guide-assessment": "/psychologisch-onderzoek/",
    "guide-nika": "/behandeling-nika-interventie/",
    "guide-young-people": "/voor-jongeren/",
}


def shoot(page, outdir, name, size, full_page=True):
    path = outdir / f"{name}-{size}.png"
    # Full page, with the caret and animations stilled, so two runs give the same picture.
    page.screenshot(path=str(path), full_page=full_page, animations="disabled", caret="hide")
    print(f"screenshot {path}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url", help="the running site, e.g. http://127.0.0.1:8104")
    parser.add_argument("outdir", nargs="?", default="docs/screenshots")
    parser.add_argument("--pages-only", action="store_true", help="no form, no request sent")
    args = parser.parse_args(argv)
    base = args.base_url.rstrip("/")
    if urlsplit(base).hostname not in {"127.0.0.1", "localhost", "::1"}:
        parser.error("only a site on this machine (127.0.0.1 or localhost)")
    outdir = Path(args.outdir)
    outdir.mkdir(parents=True, exist_ok=True)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size, viewport in SIZES.items():
            context = browser.new_context(
                viewport=viewport,
                locale="nl-NL",
                timezone_id="Europe/Amsterdam",
                is_mobile=size == "phone",
                has_touch=size == "phone",
            )
            page = context.new_page()
            page.goto(base + "/")
            shoot(page, outdir, "home", size)
            page.goto(base + "/oorzaken-onveilige-hechting/")
            shoot(page, outdir, "hub-page", size)
            for name, path in GUIDANCE.items():
                page.goto(base + path)
                shoot(page, outdir, name, size)
            if size == "desktop":  # the conversation card as printed, on an A4's width
                page.goto(base + GUIDANCE["guide-conversation-card"])
                page.emulate_media(media="print")
                page.set_viewport_size({"width": 794, "height": 1123})
                shoot(page, outdir, "guide-conversation-card", "print")
                page.emulate_media(media="screen")
                page.set_viewport_size(viewport)
            if args.pages_only:
                context.close()
                continue

            page.goto(base + "/onderzoek-aanvragen/")
            continue_(page)
            page.get_by_label("Nee").check()
            continue_(page)
            # The child's step sent half-filled: a summary at the top, a message at each field.
            page.get_by_label("Voornaam van uw kind").fill("Noor")
            page.get_by_label("Dag").fill("31")
            page.get_by_label("Maand").fill("4")
            page.get_by_label("Jaar").fill("2016")
            continue_(page)
            shoot(page, outdir, "assessment-errors", size)

            page.goto(base + "/onderzoek-aanvragen/")
            fill_assessment_until_review(page)
            shoot(page, outdir, "assessment-review", size)
            give_consent(page)
            click_and_load(page.get_by_role("button", name="Aanvraag versturen"))
            if page.get_by_role("heading", level=1).inner_text() != "Aanvraag ontvangen":
                sys.exit(f"no confirmation at {size} size: {page.title()!r} (see the docstring)")
            shoot(page, outdir, "assessment-confirmation", size)
            context.close()

        context = browser.new_context(viewport=DESKTOP, locale="nl-NL")
        page = context.new_page()
        enlarge_text(page)
        for name, path in [("home", "/"), ("hub-page", "/oorzaken-onveilige-hechting/")]:
            page.set_viewport_size(DESKTOP)
            page.goto(base + path)
            # A full-page capture makes Playwright reset Chromium's font size: make the
            # window as tall as the page instead (the layout depends on its width only).
            height = page.evaluate("document.documentElement.scrollHeight")
            page.set_viewport_size({"width": DESKTOP["width"], "height": height})
            shoot(page, outdir, name, "text200", full_page=False)
        context.close()
        browser.close()


if __name__ == "__main__":
    main()
