"""Load the seed content. Idempotent: creates what is missing, never overwrites edits."""

import datetime

from django.contrib.sites.models import Site
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from content.models import Location, Page, Section, Sign, SiteFacts
from content.seed.pages import LOCATIONS, REVIEWER, SIGNS, pages
from content.site_url import sync_site

REVIEW_INTERVAL = datetime.timedelta(days=365)
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
)


class Command(BaseCommand):
    help = "Zet de basisinhoud klaar (alleen wat ontbreekt; wijzigingen van de redactie blijven)."

    @transaction.atomic
    def handle(self, *args, **options):
        sync_site(Site)
        facts = SiteFacts.load()
        # Lists are seeded as a whole, once: an editor who removes a sign or a location
        # does not get it back on the next run.
        if not facts.locations.exists():
            Location.objects.bulk_create(
                Location(facts=facts, name=name, order=(i + 1) * 10)
                for i, name in enumerate(LOCATIONS)
            )
        if not Sign.objects.exists():
            Sign.objects.bulk_create(
                Sign(text=text, order=(i + 1) * 10) for i, text in enumerate(SIGNS)
            )

        urls = {
            "assessment": reverse("requests_app:assessment"),
            "callback": reverse("requests_app:callback"),
            "contact": reverse("content:page", kwargs={"slug": "contact"}),
            "behandeling": reverse("content:page", kwargs={"slug": "behandeling-nika-interventie"}),
        }
        today = timezone.localdate()
        created = []
        for data in pages(urls):
            if self._existing(data) is None:
                self._create(data, today)
                created.append(data["slug"])
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

    def _create(self, data, today):
        page = Page(
            seed_key=data["seed_key"],
            is_published=True,
            **{name: data[name] for name in PAGE_FIELDS if name in data},
        )
        if data.get("reviewed"):
            page.reviewed_on = today
            page.reviewed_by = REVIEWER
            page.next_review_due = today + REVIEW_INTERVAL
        page.save()
        for i, (heading, body) in enumerate(data["sections"]):
            Section(page=page, order=(i + 1) * 10, heading=heading, body=body).save()
        return page
