"""What the morning list commands share (overdue_requests, calls_today): --quiet, so cron
mails only when something is listed, and how a line names who has the request."""

from django.core.management.base import BaseCommand


class ListCommand(BaseCommand):
    # Completes "Schrijf niets als er niets ...": what an empty list means.
    nothing_to_list = "te melden is"

    def add_arguments(self, parser):
        parser.add_argument(
            "--quiet",
            action="store_true",
            help=f"Schrijf niets als er niets {self.nothing_to_list} (dan stuurt cron geen mail).",
        )


def assignee(request) -> str:
    return request.assigned_to.get_username() if request.assigned_to_id else "niemand"
