"""The callback desk's day for a morning cron mail: calls due, late calls, parents not reached.

    manage.py calls_today           # the lists, or "nothing to call"
    manage.py calls_today --quiet   # print nothing when there is nothing to call

Each line: reference, moment, attempts, assignee's username. No personal data of parents:
the names and numbers stay in the admin ("Vandaag bellen").
"""

from django.utils import timezone

from requests_app.admin.calls import attempts_text
from requests_app.management.lists import ListCommand, assignee
from requests_app.models import Request
from requests_app.moments import moment_text


class Command(ListCommand):
    help = "Toon de belmomenten van vandaag, te laat gebelde en niet bereikte aanvragen."
    nothing_to_list = "te bellen is"

    def handle(self, *args, quiet=False, **options):
        now = timezone.localtime()
        rows = Request.objects.with_call_summary(now).select_related("assigned_to")
        due = list(rows.calls_due(now.date()))
        phone = list(rows.phone_requests_to_call())
        unreached = list(rows.in_queue().unreached().order_by("status_changed_at", "pk"))
        if not (due or phone or unreached):
            if not quiet:
                self.stdout.write(f"Niets te bellen op {now:%d-%m-%Y}.")
            return
        self.stdout.write(f"Vandaag bellen, {now:%d-%m-%Y}: {len(due)} belmoment(en)")
        for r in due:
            late = "  TE LAAT" if r.call_is_late else ""
            self.stdout.write(
                f"{r.reference:<16} {moment_text(r.call_date, r.call_daypart, short=True):<20}"
                f" pogingen: {attempts_text(r.attempt_count, r.last_outcome):<24}"
                f" toegewezen aan: {assignee(r)}{late}"
            )
        self.stdout.write(f"Onderzoeksaanvragen om te bellen: {len(phone)}")
        for r in phone:
            self.stdout.write(f"{r.reference:<16} toegewezen aan: {assignee(r)}")
        self.stdout.write(f"Niet bereikt: {len(unreached)}")
        for r in unreached:
            self.stdout.write(
                f"{r.reference:<16} pogingen: {attempts_text(r.attempt_count, r.last_outcome):<24}"
                f" toegewezen aan: {assignee(r)}"
            )
