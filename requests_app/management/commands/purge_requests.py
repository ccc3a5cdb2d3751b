"""Erase closed requests whose retention period has passed (run daily).

    manage.py purge_requests --dry-run   # list what would go
    manage.py purge_requests             # erase it, with a line in the purge log each

Periods per kind come from settings (RETENTION_DAYS_ASSESSMENT, RETENTION_DAYS_CALLBACK,
RETENTION_DAYS_SPAM), counted from the moment a request was closed. Output names
references only: it is safe for cron mail and logs.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from requests_app.retention import purge_expired


class Command(BaseCommand):
    help = "Wis afgesloten aanvragen waarvan de bewaartermijn voorbij is (dagelijks draaien)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Toon alleen wat gewist zou worden; wis niets.",
        )

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        purged = purge_expired(dry_run=dry_run)
        if verbosity >= 1:
            self.stdout.write(
                f"Bewaartermijnen: onderzoek {settings.RETENTION_DAYS_ASSESSMENT} dagen, "
                f"terugbellen {settings.RETENTION_DAYS_CALLBACK} dagen, "
                f"spam {settings.RETENTION_DAYS_SPAM} dagen na afsluiten."
            )
        if verbosity >= 2 or dry_run:
            for reference, kind in purged:
                self.stdout.write(f"  {reference} ({kind})")
        if dry_run:
            self.stdout.write(
                f"Proefdraai: {len(purged)} aanvra{'ag' if len(purged) == 1 else 'gen'} zou(den) worden gewist. Er is niets gewist."
            )
        elif verbosity >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{len(purged)} aanvra{'ag' if len(purged) == 1 else 'gen'} gewist "
                    "(zie de wislog in het beheer)."
                )
            )
