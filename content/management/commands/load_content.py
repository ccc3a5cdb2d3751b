"""Load the seed content. Idempotent: creates what is missing, never overwrites edits."""

from django.core.management.base import BaseCommand
from django.db import transaction

from content.models import Location, SiteFacts

LOCATIONS = ["Helmond", "Deurne", "Den Bosch", "Milheeze", "Venlo"]


class Command(BaseCommand):
    help = "Zet de basisinhoud klaar (alleen wat ontbreekt; wijzigingen van de redactie blijven)."

    @transaction.atomic
    def handle(self, *args, **options):
        facts = SiteFacts.load()
        if not facts.locations.exists():
            Location.objects.bulk_create(
                Location(facts=facts, name=name, order=i) for i, name in enumerate(LOCATIONS)
            )
        self.stdout.write("Inhoud klaar.")
