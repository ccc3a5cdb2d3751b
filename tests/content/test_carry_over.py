"""An existing site carries over: its facts become concepts (the phone number excepted),
its pages their first live version, and review lines nobody signed disappear."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("content", "0003_search_and_site")]


def latest():
    """Every app at its newest migration: the test leaves the database as it found it."""
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_an_existing_site_keeps_its_text_and_loses_what_nobody_confirmed():
    old = migrate(BEFORE)
    SiteFacts = old.get_model("content", "SiteFacts")
    Location = old.get_model("content", "Location")
    Page = old.get_model("content", "Page")
    Section = old.get_model("content", "Section")
    Sign = old.get_model("content", "Sign")
    facts = SiteFacts.objects.create(
        pk=1,
        organisation_name="Bijzonder Jeugdwerk",
        phone="0493 - 327506",
        email="info@bijzonderjeugdwerk.nl",
        opens_at=datetime.time(9),
        closes_at=datetime.time(17),
        response_days=3,
    )
    Location.objects.create(facts=facts, name="Helmond", order=10)
    page = Page.objects.create(
        title="Wat is hechting?",
        slug="wat-is-hechting",
        summary="Kort.",
        summary_html="<p>Kort.</p>",
        is_published=True,
        reviewed_on=datetime.date(2026, 1, 5),
        reviewed_by="de redactie",
        next_review_due=datetime.date(2027, 1, 5),
    )
    Section.objects.create(
        page=page, order=10, heading="Kop", anchor="kop", body="Tekst.", body_html="<p>Tekst.</p>"
    )
    statement = Page.objects.create(
        title="Toegankelijkheidsverklaring",
        slug="toegankelijkheidsverklaring",
        kind="info",
        seed_key="toegankelijkheidsverklaring",
        is_published=True,
    )
    promise = (
        "Wij maken de website volgens de richtlijnen voor toegankelijkheid (WCAG 2.2, niveau AA). "
        "Bijvoorbeeld:"
    )
    Section.objects.create(
        page=statement,
        heading="Wat doen wij?",
        anchor="wat-doen-wij",
        body=promise + "\n\n- een lijst",
        body_html=f"<p>{promise}</p>\n<ul>\n<li>een lijst</li>\n</ul>",
    )
    Sign.objects.create(text="het kind is bang", order=10)

    new = migrate(latest())
    Fact = new.get_model("content", "Fact")
    Page = new.get_model("content", "Page")
    Version = new.get_model("content", "Version")

    confirmed = dict(
        Fact.objects.exclude(confirmed_value=None).values_list("key", "confirmed_value")
    )
    assert confirmed == {"phone": "0493 - 327506"}
    concepts = dict(Fact.objects.values_list("key", "value"))
    assert concepts["email"] == "info@bijzonderjeugdwerk.nl"
    assert concepts["locations"] == ["Helmond"]
    assert concepts["opening_hours"]["5"] == ["09:00", "17:00"]
    assert concepts["response_days"] == 3

    page = Page.objects.get(slug="wat-is-hechting")
    assert page.next_review_due is None and page.last_review_id is None
    assert page.live["title"] == "Wat is hechting?"
    assert page.live["sections"][0]["body_html"] == "<p>Tekst.</p>"
    assert page.published_at is not None
    assert Version.objects.get(page=page).state == "approved"
    assert Version.objects.get(subject="signs").data["signs"][0]["text"] == "het kind is bang"

    statement = Page.objects.get(slug="toegankelijkheidsverklaring")
    body_html = statement.live["sections"][0]["body_html"]
    assert "WCAG" not in body_html
    assert "<p>[[feit:accessibility_standard]]</p>" in body_html
    assert statement.review_interval_months == 0
