"""Load the seed content. Idempotent: creates what is missing, never overwrites edits.

Pages and the signs list go live as the starting content (approved by nobody, so no page
says it was checked); the organisation's facts are seeded as concepts, except what its own
published text states (content/facts/registry.py).
"""

from django.contrib.sites.models import Site
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse

from content.facts.changes import seed_facts
from content.models import Page, Section, Sign, Synonym, Version
from content.publishing import start_live
from content.seed.pages import SIGNS, pages
from content.seed.synonyms import SYNONYMS
from content.site_url import sync_site

START = "Startinhoud (load_content)"
PAGE_FIELDS = (
    "kind",
    "slug",
    "title",
    "menu_title",
    "order",
    "show_in_menu",
    "call_to_action",
    "show_urgent_help",
    "show_signs",
    "show_contact_details",
    "summary",
    "meta_description",
    "editor_note",
    "review_interval_months",
)


class Command(BaseCommand):
    help = "Zet de basisinhoud klaar (alleen wat ontbreekt; wijzigingen van de redactie blijven)."

    @transaction.atomic
    def handle(self, *args, **options):
        sync_site(Site)
        facts = seed_facts()
        # The signs list is seeded as a whole, once: an editor who removes a sign does not
        # get it back on the next run.
        if not Sign.objects.exists():
            Sign.objects.bulk_create(
                Sign(text=text, order=(i + 1) * 10) for i, text in enumerate(SIGNS)
            )
        if not Version.objects.filter(subject=Version.Subject.SIGNS).exists():
            start_live(None, note=START)
        # The synonym list, too, is seeded as a whole, once.
        if not Synonym.objects.exists():
            Synonym.objects.bulk_create(
                Synonym(word=word, alternatives=alternatives)
                for word, alternatives in SYNONYMS.items()
            )

        urls = {
            "assessment": reverse("requests_app:assessment"),
            "callback": reverse("requests_app:callback"),
            "contact": reverse("content:page", kwargs={"slug": "contact"}),
            "behandeling": reverse("content:page", kwargs={"slug": "behandeling-nika-interventie"}),
        }
        created = []
        for data in pages(urls):
            if self._existing(data) is None:
                self._create(data)
                created.append(data["slug"])
        if options["verbosity"] >= 1:
            if facts:
                self.stdout.write(
                    f"Feiten aangemaakt (concept, tenzij bevestigd): {', '.join(facts)}."
                )
            if created:
                self.stdout.write(f"Pagina's aangemaakt: {', '.join(created)}.")
            self.stdout.write("Inhoud klaar.")

    def _existing(self, data):
        """The page this seed entry made earlier, found by its key even after a slug change."""
        page = Page.objects.filter(seed_key=data["seed_key"]).first()
        if page is not None:
            return page
        candidates = Page.objects.filter(slug=data["slug"])
        if data["kind"] == Page.Kind.HOME:
            candidates = Page.objects.filter(kind=Page.Kind.HOME)
        page = candidates.filter(seed_key__isnull=True).first()
        if page is not None:
            # A page an editor made before seeding: adopt it, change nothing else.
            Page.objects.filter(pk=page.pk).update(seed_key=data["seed_key"])
        return page

    def _create(self, data):
        page = Page(
            seed_key=data["seed_key"],
            is_published=True,
            **{name: data[name] for name in PAGE_FIELDS if name in data},
        )
        page.save()
        for i, (heading, body) in enumerate(data["sections"]):
            Section(page=page, order=(i + 1) * 10, heading=heading, body=body).save()
        start_live(page, note=START)
        return page
