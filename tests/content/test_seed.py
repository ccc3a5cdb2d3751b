"""The seed: the organisation's whole text on the site, and re-running it is harmless."""

from collections import deque
from pathlib import Path

import pytest
from django.contrib.sites.models import Site
from django.core.management import call_command
from django.test import override_settings

import content
from content.facts.api import confirmed_facts
from content.models import Fact, Page, PageReview, Section, Sign, Version
from tests.factories import confirm_fact

from .html import links, main_text

pytestmark = pytest.mark.django_db

SEED = Path(content.__file__).parent / "seed" / "hechtingsstoornis.txt"
# The obvious slips the issue allows mending, applied to the original before comparing.
MENDS = [
    ("hechtingsproblematiek.Gedrag", "hechtingsproblematiek.\nGedrag"),
    ("\n. De NIKA-interventie", "\nDe NIKA-interventie"),
    ("Er zijn 5 a 6 sessies", "Er zijn 5 à 6 sessies"),
]


def seed_items():
    """Every heading, paragraph and bullet of the organisation's page, as a reader sees it."""
    text = SEED.read_text(encoding="utf-8")
    for old, new in MENDS:
        assert old in text
        text = text.replace(old, new)
    items = []
    for line in text.splitlines():
        line = line.strip().removeprefix("•").strip()
        if not line:
            continue
        # A list item ends in ";" or "." in the original; a heading may end in ":".
        if line.startswith("het kind") or line.endswith(";"):
            line = line.rstrip(";.")
        elif line.endswith(":") and len(line.split()) <= 5:
            line = line.rstrip(":")
        items.append(line)
    return items


def reachable_pages(client):
    """Text of every content page a reader can reach by following links from home."""
    seen, texts, queue = set(), {}, deque(["/"])
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        texts[url] = main_text(response.content)
        for href, _, _ in links(response.content):
            if href and href.startswith("/") and not href.startswith(("/beheer", "/static")):
                queue.append(href.split("#")[0])
    return texts


def test_every_heading_paragraph_and_bullet_of_the_seed_is_on_a_reachable_page(
    client, site_content
):
    texts = reachable_pages(client)
    everything = "\n".join(texts.values())
    missing = [item for item in seed_items() if item not in everything]
    assert missing == []
    assert len(seed_items()) > 35  # the parser really read the seed


def test_the_seed_pages_are_published_and_the_drafts_are_marked_for_review(site_content):
    assert Page.objects.published().count() == 10
    for slug in ["home", "contact", "privacyverklaring", "toegankelijkheidsverklaring"]:
        assert "concept, laten controleren" in Page.objects.get(slug=slug).editor_note.lower()
    for page in Page.objects.filter(kind=Page.Kind.TOPIC):
        assert "laten controleren" in page.editor_note


def test_the_seed_brings_the_signs_live_and_the_facts_as_concepts(site_content):
    assert Sign.objects.active().count() == 9
    assert Sign.objects.active().first().text == (
        "het kind heeft weinig vertrouwen in zichzelf en in anderen"
    )
    assert Version.objects.filter(subject="signs", state="approved").count() == 1
    facts = confirmed_facts()
    # Only what the organisation's own published text states is confirmed.
    assert set(facts.stored) == {"organisation_name", "phone", "nika_ages"}
    assert (facts.organisation_name, facts.phone) == ("Bijzonder Jeugdwerk", "0493 - 327506")
    locations = Fact.objects.get(key="locations")
    assert locations.value == ["Helmond", "Deurne", "Den Bosch", "Milheeze", "Venlo"]
    assert locations.confirmed_value is None


def test_the_seed_pages_go_live_as_starting_content_that_nobody_reviewed(site_content):
    for page in Page.objects.all():
        assert page.live_version.state == Version.State.APPROVED
        assert page.live_version.decided_by is None
        assert page.live["title"] == page.title
    assert not PageReview.objects.exists()
    assert not Page.objects.filter(last_review__isnull=False).exists()


def test_running_the_seed_again_duplicates_nothing(site_content):
    counts = (Page.objects.count(), Section.objects.count(), Sign.objects.count())
    call_command("load_content", verbosity=0)
    call_command("load_content", verbosity=0)
    assert (Page.objects.count(), Section.objects.count(), Sign.objects.count()) == counts
    assert Fact.objects.count() == 15
    assert Version.objects.count() == Page.objects.count() + 1


def test_running_the_seed_again_keeps_every_editor_change(site_content):
    page = Page.objects.get(slug="wat-is-hechting")
    page.title = "Hechting, uitgelegd"
    page.is_published = False
    page.save()
    section = page.sections.first()
    section.body = "Door de redactie herschreven."
    section.save()
    page.sections.last().delete()
    Sign.objects.filter(order=10).update(text="door de redactie aangepast")
    Sign.objects.filter(order=20).delete()
    confirm_fact("phone", "040 - 1234567")
    confirm_fact("locations", ["Helmond"])

    call_command("load_content", verbosity=0)

    page.refresh_from_db()
    assert page.title == "Hechting, uitgelegd" and not page.is_published
    assert list(page.sections.values_list("body", flat=True)) == ["Door de redactie herschreven."]
    assert Sign.objects.filter(text="door de redactie aangepast").exists()
    assert not Sign.objects.filter(text__startswith="het kind heeft weinig").exists()
    assert Sign.objects.count() == 8
    assert confirmed_facts().phone == "040 - 1234567"
    assert Fact.objects.get(key="locations").confirmed_value == ["Helmond"]


def test_a_renamed_seed_page_is_not_created_again(site_content):
    page = Page.objects.get(slug="wat-is-hechting")
    page.slug = "hechting-uitgelegd"
    page.save()

    call_command("load_content", verbosity=0)

    assert not Page.objects.filter(slug="wat-is-hechting").exists()
    assert Page.objects.filter(title="Wat is hechting?").count() == 1


def test_a_page_an_editor_made_before_seeding_is_adopted_not_overwritten(db):
    Page.objects.create(slug="contact", title="Bel ons", kind=Page.Kind.INFO, is_published=True)

    call_command("load_content", verbosity=0)

    page = Page.objects.get(slug="contact")
    assert page.title == "Bel ons"
    assert page.seed_key == "contact"
    assert not page.sections.exists()


@override_settings(SITE_URL="https://www.bijzonderjeugdwerk.nl")
def test_the_seed_keeps_the_sites_framework_in_step_with_site_url(db):
    Site.objects.filter(pk=1).update(domain="example.com", name="example.com")

    call_command("load_content", verbosity=0)

    site = Site.objects.get(pk=1)
    assert (site.domain, site.name) == ("www.bijzonderjeugdwerk.nl", "Bijzonder Jeugdwerk")


def test_the_migrations_already_replace_example_com(db):
    assert Site.objects.get(pk=1).domain != "example.com"
