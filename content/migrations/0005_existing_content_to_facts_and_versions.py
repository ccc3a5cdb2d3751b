"""Existing sites carry over to confirmed facts, four-eyes publishing and named review.

* Every fact in the old "gegevens van de organisatie" becomes a *concept* (shown to no
  parent until someone confirms it), except the phone number: it stands in the
  organisation's own published text. load_content adds the facts that did not exist yet.
* Every page's current text becomes its first, live version (the signs list likewise),
  approved by nobody: it is the starting content.
* Review lines go: none was made by a named inhoudelijk deskundige.
* The accessibility statement's promises, when still the seed's words, become fact
  paragraphs (shown only once confirmed).

Data steps are written out here (not imported from the app) so that they keep working
whatever later happens to the app's code.
"""

from django.conf import settings
from django.db import migrations
from django.utils import timezone

NOTE = "Bestaande inhoud bij invoering van vier-ogen-publicatie"
OWN_TEXT = "De gepubliceerde tekst van de organisatie (hechtingsstoornis.txt)."
STANDARD = (
    "Wij maken de website volgens de richtlijnen voor toegankelijkheid (WCAG 2.2, niveau AA). "
    "Bijvoorbeeld:"
)
RESPONSE = "Wij proberen het binnen 2 weken op te lossen."


def facts_from_site_facts(apps, schema_editor):
    SiteFacts = apps.get_model("content", "SiteFacts")
    Fact = apps.get_model("content", "Fact")
    old = SiteFacts.objects.filter(pk=1).first()
    if old is None:
        return
    weekdays = {
        str(day): [old.opens_at.strftime("%H:%M"), old.closes_at.strftime("%H:%M")]
        for day in range(1, 6)
    }
    places = list(old.locations.order_by("order", "pk").values_list("name", flat=True))
    max_age = getattr(settings, "REQUEST_MAX_CHILD_AGE", 23)
    concepts = {
        "organisation_name": old.organisation_name,
        "email": old.email,
        "opening_hours": weekdays,
        "response_days": old.response_days,
        "locations": places or None,
        "assessment_ages": {"min": 0, "max": max_age},
    }
    for key, value in concepts.items():
        Fact.objects.update_or_create(key=key, defaults={"value": value, "confirmed_value": None})
    Fact.objects.update_or_create(
        key="phone",
        defaults={
            "value": old.phone,
            "confirmed_value": old.phone,
            "confirmed_at": timezone.now(),
            "source": OWN_TEXT,
        },
    )


def _snapshot(page, sections):
    return {
        "title": page.title,
        "menu_title": page.menu_title,
        "meta_description": page.meta_description,
        "summary": page.summary,
        "summary_html": page.summary_html,
        "sections": [
            {"heading": s.heading, "anchor": s.anchor, "body": s.body, "body_html": s.body_html}
            for s in sections
        ],
    }


def _promises_to_facts(section):
    if STANDARD in section.body:
        section.body = section.body.replace(
            STANDARD, "[[feit:accessibility_standard]]\n\nBijvoorbeeld:"
        )
        section.body_html = section.body_html.replace(
            f"<p>{STANDARD}</p>", "<p>[[feit:accessibility_standard]]</p>\n<p>Bijvoorbeeld:</p>"
        )
    if RESPONSE in section.body:
        section.body = section.body.replace(f" {RESPONSE}", f"\n\n[[feit:accessibility_response]]\n\n")
        section.body_html = section.body_html.replace(
            f" {RESPONSE} ", "</p>\n<p>[[feit:accessibility_response]]</p>\n<p>"
        )
    section.save(update_fields=["body", "body_html"])


def pages_to_versions(apps, schema_editor):
    Page = apps.get_model("content", "Page")
    Section = apps.get_model("content", "Section")
    Sign = apps.get_model("content", "Sign")
    Version = apps.get_model("content", "Version")
    now = timezone.now()
    for page in Page.objects.all():
        sections = list(Section.objects.filter(page=page).order_by("order", "pk"))
        if page.seed_key == "toegankelijkheidsverklaring":
            for section in sections:
                _promises_to_facts(section)
        version = Version.objects.create(
            subject="page",
            page=page,
            number=1,
            data=_snapshot(page, sections),
            state="approved",
            decided_at=now,
            note=NOTE,
        )
        page.live = version.data
        page.live_version = version
        page.published_at = page.updated_at or now
        page.next_review_due = None  # no named reviewer made the old review lines
        page.review_interval_months = 0 if page.kind == "info" else 12
        page.save(
            update_fields=[
                "live",
                "live_version",
                "published_at",
                "next_review_due",
                "review_interval_months",
            ]
        )
    signs = Sign.objects.filter(is_active=True).order_by("order", "pk")
    if signs.exists():
        Version.objects.create(
            subject="signs",
            number=1,
            data={"signs": [{"id": s.pk, "text": s.text} for s in signs]},
            state="approved",
            decided_at=now,
            note=NOTE,
        )


class Migration(migrations.Migration):
    dependencies = [("content", "0004_facts_versions_reviews")]

    operations = [
        migrations.RunPython(facts_from_site_facts, migrations.RunPython.noop),
        migrations.RunPython(pages_to_versions, migrations.RunPython.noop),
    ]
