"""Restore a backup into the empty database that DATABASE_URL names.

    manage.py restore /backups/bjw-20260812T011500Z.backup.age --identity ~/bjw-backup.key

Checks the whole file first (the key, the checksum, the schema) and that the database is
empty; then loads it, migrates it to this code, erases again every request in the erasure
journal (BACKUP_JOURNAL_DIR or --journal) and sets the reference counters above the highest
number ever issued. Exits non-zero with the reason on any failure. See the README.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from requests_app.backup.errors import BackupError
from requests_app.backup.restore import restore


class Command(BaseCommand):
    help = (
        "Zet een back-up terug in een lege database en wist daarna opnieuw wat na de "
        "back-up is gewist (wisjournaal)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="Het back-upbestand (….backup.age).")
        parser.add_argument(
            "--identity",
            type=Path,
            required=True,
            help="Bestand met de geheime age-sleutel van de beheerder (AGE-SECRET-KEY-1…).",
        )
        parser.add_argument(
            "--journal",
            type=Path,
            action="append",
            default=[],
            help="Wisjournaal (bestand of map); mag vaker. Standaard: BACKUP_JOURNAL_DIR.",
        )
        parser.add_argument(
            "--without-journal",
            action="store_true",
            help="Herstel zonder wisjournaal. Gezinnen die na de back-up zijn gewist komen "
            "dan terug: alleen als het journaal echt verloren is.",
        )

    def handle(self, *args, file, identity, journal, without_journal, verbosity=1, **options):
        say = self.stdout.write if verbosity >= 1 else (lambda message: None)
        try:
            result = restore(
                file,
                identity,
                journal_paths=journal,
                use_journal=not without_journal,
                progress=say,
            )
        except BackupError as error:
            raise CommandError(f"Herstel gestopt: {error}") from None
        except DatabaseError as error:
            raise CommandError(f"Herstel gestopt: de database gaf een fout: {error}") from None
        if without_journal:
            self.stderr.write(
                "Zonder wisjournaal hersteld: controleer de wislog en wis gezinnen die na "
                "de back-up gewist waren opnieuw."
            )
        else:
            say(
                f"Wisjournaal: {len(result.journal_files)} bestand(en). Opnieuw gewist: "
                f"{len(result.erased_again)} aanvra{'ag' if len(result.erased_again) == 1 else 'gen'}"
                + (f" ({', '.join(result.erased_again)})" if result.erased_again else "")
                + f"; {len(result.purge_lines_added)} regel(s) aan de wislog toegevoegd."
            )
        for counter, number in result.counters.items():
            say(f"Referentieteller {counter} gaat verder na {number}.")
        if result.lost_references:
            say(
                "Na de back-up uitgegeven, niet in deze back-up (vraag die ouders de aanvraag "
                f"opnieuw te sturen): {', '.join(result.lost_references)}."
            )
        say(self.style.SUCCESS("Herstel klaar. De site kan deze database nu gebruiken."))
