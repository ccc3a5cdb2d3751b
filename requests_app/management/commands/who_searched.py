"""Who searched the queue (or the AVG lookup) for a name, e-mail address or phone number.

    manage.py who_searched            # asks for the term; it is not shown while typed
    echo "06-12345678" | manage.py who_searched

The access log keeps a keyed hash of each search term, never the term (see
requests_app/access_log.py). This command computes the hash of the term it is given (any
spelling of a phone number gives the same one) with the installation's key, and lists the
searches that carried it and the requests they showed. The term is read from standard
input, not from the command line, so it stays out of the shell's history and the process
list; the output never repeats it.
"""

import getpass
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from requests_app.access_log import search_digests
from requests_app.models import AccessAction, AccessLogEntry


class Command(BaseCommand):
    help = "Zoek in het toegangslog wie naar een naam, e-mailadres of telefoonnummer zocht."

    def handle(self, *args, **options):
        if sys.stdin.isatty():
            term = getpass.getpass("Zoekterm (wordt niet getoond): ")
        else:
            term = sys.stdin.readline()
        if not term.strip():
            raise CommandError("Geef een zoekterm op (via standaardinvoer).")
        digests = search_digests(term)
        self.stdout.write(f"Kenmerk: {', '.join(digests)}")
        matching = AccessLogEntry.objects.none()
        for digest in digests:
            matching |= AccessLogEntry.objects.filter(detail__contains=digest)
        matching = matching.select_related("user").order_by("at", "pk")
        searches = [e for e in matching if e.action == AccessAction.SEARCH]
        self.stdout.write(f"Zoekopdrachten: {len(searches)}")
        for entry in searches:
            at = timezone.localtime(entry.at)
            self.stdout.write(f"  {at:%d-%m-%Y %H:%M}  {entry.user.get_username()}  {entry.detail}")
        shown = sorted({e.reference for e in matching if e.action != AccessAction.SEARCH})
        if shown:
            self.stdout.write(f"Daarbij getoond of geëxporteerd: {', '.join(shown)}")
