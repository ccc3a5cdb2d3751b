"""List open requests past their due date: for a morning cron mail (exit status 0).

    manage.py overdue_requests           # a short list, or "nothing overdue"
    manage.py overdue_requests --quiet   # print nothing when nothing is overdue

Each line: reference, kind, due date, assignee's username. No personal data of parents.
"""

from django.utils import timezone

from requests_app.management.lists import ListCommand, assignee
from requests_app.models import Request
from requests_app.workdays import due_date


class Command(ListCommand):
    help = "Toon open aanvragen die over de reactietermijn zijn (voor een ochtendmail)."
    nothing_to_list = "over de termijn is"

    def handle(self, *args, quiet=False, **options):
        today = timezone.localdate()
        late = list(
            Request.objects.in_queue()
            .overdue(today)
            .select_related("assigned_to")
            .order_by("created_at", "pk")
        )
        if not late:
            if not quiet:
                self.stdout.write(f"Geen aanvragen over de termijn op {today:%d-%m-%Y}.")
            return
        self.stdout.write(
            f"{len(late)} aanvra{'ag' if len(late) == 1 else 'gen'} over de termijn "
            f"op {today:%d-%m-%Y}:"
        )
        for r in late:
            due = due_date(r.created_at)
            who = assignee(r)
            urgent = "  SPOED" if r.counts_as_urgent else ""
            self.stdout.write(
                f"{r.reference:<16} {r.get_kind_display():<20} uiterlijk {due:%d-%m-%Y}"
                f"  toegewezen aan: {who}{urgent}"
            )
