"""Make an encrypted backup of the database (run nightly, on one host).

    manage.py backup

pg_dump's output is encrypted as it streams (age, to BACKUP_RECIPIENT: public keys only)
into one file in BACKUP_DIR, with a manifest in clear beside it (no personal data).
Backups older than BACKUP_KEEP_DAYS are removed. Exits non-zero and says why when anything
fails, so cron mails the operator. See the README, "Backups and restore".
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from requests_app.backup.dump import make_backup
from requests_app.backup.errors import BackupError


class Command(BaseCommand):
    help = "Maakt een versleutelde back-up van de database in BACKUP_DIR (dagelijks draaien)."

    def handle(self, *args, verbosity=1, **options):
        try:
            backup = make_backup()
        except BackupError as error:
            raise CommandError(f"Back-up mislukt: {error}") from None
        except DatabaseError as error:
            raise CommandError(f"Back-up mislukt: de database gaf een fout: {error}") from None
        if verbosity >= 1:
            rows = sum(backup.manifest["tables"].values())
            self.stdout.write(
                self.style.SUCCESS(
                    f"Back-up gemaakt: {backup.path} ({backup.size / 1_000_000:.1f} MB, "
                    f"{rows} rijen in {len(backup.manifest['tables'])} tabellen)."
                )
            )
            self.stdout.write(f"sha256 {backup.sha256}; manifest: {backup.manifest_path.name}")
            highest = ", ".join(backup.manifest["highest_reference"].values())
            if highest:
                self.stdout.write(f"Hoogste referenties: {highest}.")
            if backup.removed:
                self.stdout.write(
                    f"{len(backup.removed)} back-up(s) ouder dan de bewaartermijn verwijderd."
                )
