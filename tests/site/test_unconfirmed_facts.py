"""On a fresh site (the seed content only) no parent meets a fact the organisation has
not confirmed: not on a page, a form step, a confirmation, an e-mail, the JSON-LD, the
sitemap or a statement. The phone number is on every page, and both forms still work."""

import re
from xml.etree import ElementTree

import pytest
from django.core import mail

from content.facts.registry import BY_KEY
from content.models import Fact
from content.seed import SLUGS
from requests_app.forms.steps import STEPS
from tests.content.html import main_text
from tests.helpers.forms import (
    ASSESSMENT_URL,
    CALLBACK_URL,
    assessment_data,
    post_step,
    send_assessment,
    send_callback,
)

pytestmark = pytest.mark.django_db

# Also the old wordings that invented a specific (beyond the facts' own values).
ALWAYS_FORBIDDEN = [
    "werkdag",
    "aanmeldteam",
    "Laatst gecontroleerd",
    "econtroleerd door",
    "tot 23 jaar",
]
# The parent's own answers in these tests name no place we might work in.
ANSWERS = {"child_residence": "Lierop", "email": "ouder@example.org"}


def concept_values():
    """Every way a concept fact's value could show: its display and its parts."""
    found = set(ALWAYS_FORBIDDEN)
    for fact in Fact.objects.filter(confirmed_value__isnull=True).exclude(value=None):
        spec = BY_KEY[fact.key]
        found.add(spec.display(fact.value))
        if isinstance(fact.value, list):
            found.update(fact.value)
        if fact.key == "opening_hours":
            found.update({"9.00", "17.00", "9:00", "17:00", "bereikbaar"})
        if fact.key == "accessibility_standard":
            found.add("WCAG")
    return sorted(value for value in found if value)


def shows(value, text) -> bool:
    """Whether ``value`` stands in ``text`` as words of its own ("9.00", not "09.001")."""
    if value in ALWAYS_FORBIDDEN or value == "bereikbaar":  # any form: werkdagen, bereikbaarheid
        return value.lower() in text.lower()
    return re.search(rf"(?<![\w.:]){re.escape(value)}(?![\w:]|\.\d)", text, re.I) is not None


def assert_truthful(text, where):
    shown = [value for value in concept_values() if shows(value, text)]
    assert shown == [], f"unconfirmed facts on {where}: {shown}"


def sitemap_urls(client):
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 (our own)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return [loc.text.split("://", 1)[1].split("/", 1)[1] for loc in root.findall(".//s:loc", ns)]


def test_no_page_shows_an_unconfirmed_fact_and_every_page_gives_the_phone(client, site_content):
    assert len(concept_values()) > 15  # the seed really has concepts to look for
    urls = ["/" + path for path in sitemap_urls(client)]
    assert len(urls) == len(SLUGS)
    for url in [*urls, "/zoeken/?q=hechting", "/zoeken/?q=xylofoon", "/bestaat-niet/"]:
        response = client.get(url)
        html = response.content.decode()
        assert_truthful(html, url)  # the whole page: header, footer, JSON-LD, meta
        assert 'href="tel:+31493327506"' in html and "0493 - 327506" in html, url
    assert_truthful(client.get("/sitemap.xml").content.decode(), "sitemap.xml")


def test_every_step_of_both_forms_and_both_confirmations_are_truthful(client, site_content):
    data = assessment_data(**ANSWERS)
    assert_truthful(client.get(ASSESSMENT_URL).content.decode(), "assessment step 1")
    done = []
    for step in STEPS:
        response = post_step(client, step.slug, data, done=",".join(done))
        done.append(step.slug)
        assert_truthful(response.content.decode(), f"after step {step.slug}")
    assert "Controleer uw gegevens" in response.content.decode()  # the review page

    reference_page = client.get(send_assessment(client, **ANSWERS)["Location"])
    html = reference_page.content.decode()
    assert re.search(r"OZ-\d{4}-\d{5}", html)
    assert_truthful(html, "assessment confirmation")

    assert_truthful(client.get(CALLBACK_URL).content.decode(), "callback form")
    html = client.get(send_callback(client, email="ouder@example.org")["Location"]).content.decode()
    assert re.search(r"TB-\d{4}-\d{5}", html)
    assert_truthful(html, "callback confirmation")


def test_the_e_mails_to_parents_are_truthful(
    client, site_content, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_assessment(client, **ANSWERS)
        send_callback(client, email="ouder@example.org")
    to_parents = [m for m in mail.outbox if m.to == ["ouder@example.org"]]
    assert len(to_parents) == 2
    for message in to_parents:
        assert_truthful(message.subject + message.body, message.subject)
        assert "0493 - 327506" in message.body
        assert message.reply_to == []


def test_the_pages_over_the_limits_and_an_expired_link_are_truthful(client, site_content, settings):
    settings.REQUEST_RATE_LIMIT = "1/h"
    settings.REQUEST_FLOOD_LIMIT = "2/h"
    send_callback(client)
    over_limit = send_callback(client)
    assert over_limit.status_code == 429
    assert_truthful(over_limit.content.decode(), "rate-limited page")
    flooded = send_callback(client)
    assert flooded.status_code == 429
    assert "0493 - 327506" in main_text(flooded.content)
    assert_truthful(flooded.content.decode(), "flooded page")
