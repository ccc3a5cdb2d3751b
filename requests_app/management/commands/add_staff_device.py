"""Give a staff account an authenticator app (TOTP) so it can log in where 2FA is required."""

import segno
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Koppel een authenticator-app (TOTP) aan een medewerkersaccount. Toont een QR-code om "
        "te scannen met bijvoorbeeld Microsoft Authenticator, Google Authenticator of FreeOTP."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="gebruikersnaam van de medewerker")
        parser.add_argument(
            "--name", default="Authenticator-app", help="naam van het apparaat (voor de lijst)"
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="verwijder eerst de bestaande apps van dit account (bij een verloren telefoon)",
        )
        parser.add_argument(
            "--no-qr", action="store_true", help="toon alleen de koppellink, geen QR-code"
        )

    def handle(self, *args, username, name, replace, no_qr, **options):
        User = get_user_model()
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(f"Geen account met gebruikersnaam {username!r}.") from None
        if not user.is_staff:
            raise CommandError(f"{username!r} is geen medewerker (is_staff staat uit).")
        if replace:
            TOTPDevice.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(user=user, name=name, confirmed=True)
        self.stdout.write(f"Authenticator-app gekoppeld aan {username}.")
        self.stdout.write("Scan deze QR-code met de app op de telefoon van de medewerker:")
        if not no_qr:
            segno.make(device.config_url, error="m").terminal(out=self.stdout, compact=True)
        self.stdout.write("Of voer deze koppellink in de app in:")
        self.stdout.write(device.config_url)
        self.stdout.write(
            "Geef dit alleen aan de medewerker zelf; de link is net zo geheim als een wachtwoord."
        )
