"""Weekly: mail the coordinator the open requests nobody touched for a long time (cron).

    manage.py stale_requests                # mails when something is listed; says what it did
    manage.py stale_requests --dry-run      # prints the mail, sends nothing
    manage.py stale_requests --verbosity 0  # for cron: silent unless it fails

Listed: open requests that no staff member changed, noted or judged for
RETENTION_DAYS_STALE days (default 730). Retention only counts from closing, so these
would otherwise stay forever: the coordinator closes them (or picks them up). The same
mail names the suspected spam nobody reviewed that `purge_requests` erases within a week,
so a real parent among it can still be saved. References, dates and statuses only;
nothing when nothing is listed. Exits non-zero when the mail cannot be sent.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from requests_app.retention import spam_erased_soon, spam_period, stale_requests

SPAM_NOTICE_DAYS = 7


def _last_touched(request):
    moments = [request.updated_at, request.last_staff_event]
    return timezone.localtime(max(m for m in moments if m is not None))


class Command(BaseCommand):
    help = "Mail de coördinator welke open aanvragen al heel lang niet zijn aangeraakt."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Toon de mail, verstuur niets.")

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        now = timezone.now()
        stale = [
            {
                "reference": r.reference,
                "received": timezone.localtime(r.created_at),
                "touched": _last_touched(r),
                "status": r.get_status_display(),
            }
            for r in stale_requests(now)
        ]
        spam = [
            {
                "reference": r.reference,
                "received": timezone.localtime(r.created_at),
                "erased": timezone.localtime(r.created_at + spam_period()),
            }
            for r in spam_erased_soon(now, SPAM_NOTICE_DAYS)
        ]
        if not stale and not spam:
            if verbosity >= 1:
                self.stdout.write("Niets te melden: geen aanvragen die lang niet zijn aangeraakt.")
            return
        body = render_to_string(
            "emails/stale_requests.txt",
            {
                "stale": stale,
                "spam": spam,
                "stale_days": settings.RETENTION_DAYS_STALE,
                "spam_days": settings.RETENTION_DAYS_SPAM,
                "spam_notice_days": SPAM_NOTICE_DAYS,
                "queue_url": settings.SITE_URL + reverse("admin:requests_app_request_changelist"),
            },
        )
        subject = f"Aanvragen die lang niet zijn aangeraakt: {len(stale)}" + (
            f", spam die binnenkort wordt gewist: {len(spam)}" if spam else ""
        )
        if dry_run:
            self.stdout.write(f"{subject}\n\n{body}")
            return
        try:
            EmailMessage(subject=subject, body=body, to=[settings.TRIAGE_COORDINATOR_EMAIL]).send()
        except Exception as exc:  # any SMTP or connection error: cron must hear of it
            raise CommandError(
                f"De mail aan de coördinator is niet verstuurd ({type(exc).__name__})."
            ) from None
        if verbosity >= 1:
            self.stdout.write(
                f"{len(stale)} aanvra{'ag' if len(stale) == 1 else 'gen'} en {len(spam)} "
                f"vermoedelijke spam gemeld aan {settings.TRIAGE_COORDINATOR_EMAIL}."
            )
