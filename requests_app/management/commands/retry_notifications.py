"""Send the e-mails about new requests that could not be sent yet.

Run it every few minutes from cron or a systemd timer on one host. It exits non-zero
when a message still fails, so the timer's monitoring notices a mail server that is down.
"""

from django.core.management.base import BaseCommand, CommandError

from requests_app.notifications import retry_candidates, send_notifications


class Command(BaseCommand):
    help = "Verstuurt e-mailmeldingen over nieuwe aanvragen die nog niet verstuurd konden worden."

    def handle(self, *args, **options):
        sent = failed = 0
        for pk in list(retry_candidates().values_list("pk", flat=True)):
            result = send_notifications(request_id=pk)
            if result is True:
                sent += 1
            elif result is False:
                failed += 1
        self.stdout.write(f"E-mailmeldingen: {sent} verstuurd, {failed} mislukt.")
        if failed:
            raise CommandError(
                f"{failed} aanvraag/aanvragen nog zonder e-mailmelding; wordt later opnieuw geprobeerd."
            )
