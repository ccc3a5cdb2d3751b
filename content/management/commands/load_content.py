"""Load the seed content. Idempotent: creates what is missing, never overwrites edits.

On a fresh site the pages and the signs list go live as the starting content (approved by
nobody, so no page says it was checked). On a site that already has live pages:

- a new seed page is created with its first version *pending*: parents see it once an
  inhoudelijk deskundige approves it;
- a seed page whose text is still what an earlier seed wrote (content/seed/previous.py)
  gets the new text as a pending version; its address, order and blocks, where still the
  earlier seed's, change at once (as when an editor changes them);
- a page an editor changed keeps the editor's text; the command names it, so that an
  operator can bring the new text in by hand (README, "Editors").

Renamed seed pages keep their old addresses (a 301 from each of ``old_slugs``). The
organisation's facts are seeded as concepts, except what its own published text states
(content/facts/registry.py).
"""

from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse

from content.facts.changes import seed_facts
from content.models import Page, Section, Sign, Synonym, Version
from content.publishing import pending_version, record_change, start_live
from content.redirects import record_move
from content.seed import SIGNS, SLUGS, pages
from content.seed.previous import EARLIER_PAGES, EARLIER_SIGNS, digest, text_fingerprint
from content.seed.synonyms import SYNONYMS
from content.site_url import sync_site

START = "Startinhoud (load_content)"
PROPOSED = "Nieuwe startinhoud (B1)"
TEXT_FIELDS = ("title", "menu_title", "meta_description", "summary")
# Not versioned: they change at once, as when an editor changes them in the admin.
PLACE_FIELDS = (
    "slug",
    "order",
    "show_in_menu",
    "layout",
    "call_to_action",
    "show_urgent_help",
    "show_not_your_fault",
    "show_signs",
    "show_contact_details",
    "review_interval_months",
)
PAGE_FIELDS = ("kind", *TEXT_FIELDS, *PLACE_FIELDS, "editor_note")


def page_urls() -> dict[str, str]:
    """Paths the seed text links to: the forms and every seed page, by seed key."""
    urls = {
        key: reverse("content:page", kwargs={"slug": slug})
        for key, slug in SLUGS.items()
        if key != "home"
    }
    urls["home"] = reverse("content:home")
    urls["assessment"] = reverse("requests_app:assessment")
    urls["callback"] = reverse("requests_app:callback")
    return urls


def working_fingerprint(page: Page) -> str:
    sections = page.sections.order_by("order", "pk").values_list("heading", "body")
    return text_fingerprint(
        **{name: getattr(page, name) for name in TEXT_FIELDS}, sections=sections
    )


def seed_fingerprint(data: dict) -> str:
    return text_fingerprint(
        **{name: data.get(name, "") for name in TEXT_FIELDS}, sections=data["sections"]
    )


def default(name):
    return Page._meta.get_field(name).default


class Command(BaseCommand):
    help = "Zet de basisinhoud klaar (alleen wat ontbreekt; wijzigingen van de redactie blijven)."

    @transaction.atomic
    def handle(self, *args, **options):
        sync_site(Site)
        facts = seed_facts()
        # Asked before anything is created: is there a site that parents already read?
        live_site = Page.objects.filter(published_at__isnull=False).exists()
        signs = self._seed_signs()
        # The synonym list, too, is seeded as a whole, once.
        if not Synonym.objects.exists():
            Synonym.objects.bulk_create(
                Synonym(word=word, alternatives=alternatives)
                for word, alternatives in SYNONYMS.items()
            )
        report = {"created": [], "proposed": [], "edited": [], "current": []}
        for data in pages(page_urls()):
            page = self._existing(data)
            if page is None:
                page = self._create(data, live=not live_site)
                report["created"].append(page.slug)
            else:
                report[self._upgrade(page, data)].append(page.slug)
            self._keep_old_addresses(page, data)
        if options["verbosity"] >= 1:
            self._report(facts, signs, report, live_site)

    def _report(self, facts, signs, report, live_site):
        if facts:
            self.stdout.write(f"Feiten aangemaakt (concept, tenzij bevestigd): {', '.join(facts)}.")
        if signs:
            self.stdout.write(signs)
        if report["created"]:
            state = "wachten op goedkeuring" if live_site else "live als startinhoud"
            self.stdout.write(f"Pagina's aangemaakt ({state}): {', '.join(report['created'])}.")
        if report["proposed"]:
            self.stdout.write(
                f"Nieuwe tekst voorgesteld (wacht op goedkeuring): {', '.join(report['proposed'])}."
            )
        if report["edited"]:
            self.stdout.write(
                "Door de redactie gewijzigd, daarom niet bijgewerkt: "
                f"{', '.join(report['edited'])}. Vergelijk ze met content/seed/."
            )
        self.stdout.write("Inhoud klaar.")

    # -- signs ----------------------------------------------------------------------
    def _seed_signs(self) -> str:
        """Seed the signs list once, as a whole; propose new wording for an unchanged one.

        An editor who removes or rewords a sign does not get the seed's back."""
        if not Sign.objects.exists():
            Sign.objects.bulk_create(
                Sign(text=text, order=(i + 1) * 10) for i, text in enumerate(SIGNS)
            )
        if not Version.objects.filter(subject=Version.Subject.SIGNS).exists():
            start_live(None, note=START)
            return ""
        active = list(Sign.objects.active())
        if pending_version(None) is not None or digest([s.text for s in active]) not in (
            EARLIER_SIGNS
        ):
            return ""
        for sign, text in zip(active, SIGNS, strict=True):
            sign.text = text
            sign.save(update_fields=["text"])
        record_change(None, author=None, note=PROPOSED)
        return "Signalen: nieuwe tekst voorgesteld (wacht op goedkeuring)."

    # -- pages ----------------------------------------------------------------------
    def _existing(self, data):
        """The page this seed entry made earlier, found by its key even after a slug change."""
        page = Page.objects.filter(seed_key=data["seed_key"]).first()
        if page is not None:
            return page
        candidates = Page.objects.filter(slug__in=[data["slug"], *data.get("old_slugs", ())])
        if data["kind"] == Page.Kind.HOME:
            candidates = Page.objects.filter(kind=Page.Kind.HOME)
        page = candidates.filter(seed_key__isnull=True).first()
        if page is not None:
            # A page an editor made before seeding: adopt it, change nothing else.
            Page.objects.filter(pk=page.pk).update(seed_key=data["seed_key"])
        return page

    def _create(self, data, *, live):
        page = Page(
            seed_key=data["seed_key"],
            is_published=True,
            **{name: data[name] for name in PAGE_FIELDS if name in data},
        )
        page.save()
        self._write_sections(page, data)
        if live:
            start_live(page, note=START)
        else:
            record_change(page, author=None, note=PROPOSED)
        return page

    def _write_sections(self, page, data):
        page.sections.all().delete()
        for i, (heading, body) in enumerate(data["sections"]):
            Section(page=page, order=(i + 1) * 10, heading=heading, body=body).save()

    def _upgrade(self, page, data) -> str:
        """Bring an earlier seed's page up to this seed where nobody changed it: "proposed"
        (new text pending), "edited" (an editor's text, left alone) or "current"."""
        earlier = [gen[page.seed_key] for gen in EARLIER_PAGES if page.seed_key in gen]
        before = {name: getattr(page, name) for name in (*PLACE_FIELDS, "editor_note")}
        for name in PLACE_FIELDS:
            new = data.get(name, default(name))
            was_seeded = any(before[name] == e.fields.get(name, default(name)) for e in earlier)
            if was_seeded and new != before[name] and self._free(name, new, page):
                setattr(page, name, new)
        if any(digest(page.editor_note) == e.editor_note for e in earlier):
            page.editor_note = data["editor_note"]
        current = working_fingerprint(page)
        if current != seed_fingerprint(data) and any(current == e.text for e in earlier):
            for name in TEXT_FIELDS:
                setattr(page, name, data.get(name, ""))
            page.save()  # a new slug records the move (content/redirects.py)
            self._write_sections(page, data)
            record_change(page, author=None, note=PROPOSED)
            return "proposed"
        if any(getattr(page, name) != value for name, value in before.items()):
            page.save()
        nothing_new = seed_fingerprint(data) in {current, *(e.text for e in earlier)}
        return "current" if nothing_new else "edited"

    def _free(self, name, value, page) -> bool:
        """A new slug only when no other page has it."""
        return name != "slug" or not Page.objects.filter(slug=value).exclude(pk=page.pk).exists()

    def _keep_old_addresses(self, page, data):
        """A 301 from each address the seed page had before, unless one is already there."""
        if page.kind == Page.Kind.HOME:
            return
        for old in data.get("old_slugs", ()):
            old_url = reverse("content:page", kwargs={"slug": old})
            if page.slug == old or Page.objects.filter(slug=old).exists():
                continue
            if not Redirect.objects.filter(old_path=old_url).exists():
                record_move(old_url, page.get_absolute_url())
