"""Mail the inhoudelijk deskundigen the pages whose clinical review is due (for cron).

    manage.py content_review_due           # mails when something is due; says what it did
    manage.py content_review_due --dry-run # prints the list, mails nobody

Due: a published page that is checked at an interval and whose next check has passed, or
that nobody ever checked. No mail at all when nothing is due. The mail names pages and
links to the admin; nothing else.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from content.reviews import due_for_review


def reviewers():
    """Active staff who may mark pages reviewed and have an e-mail address."""
    perm = Q(groups__permissions__codename="review_page") | Q(
        user_permissions__codename="review_page"
    )
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .exclude(email="")
        .filter(perm | Q(is_superuser=True))
        .distinct()
        .order_by("pk")
    )


class Command(BaseCommand):
    help = "Mail de inhoudelijk deskundigen welke pagina's een inhoudelijke controle nodig hebben."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Toon de lijst, mail niemand.")

    def handle(self, *args, dry_run=False, **options):
        today = timezone.localdate()
        due = list(due_for_review(today))
        if not due:
            self.stdout.write(f"Geen inhoudelijke controles nodig op {today:%d-%m-%Y}.")
            return
        lines = []
        for page in due:
            when = (
                f"controle gepland op {page.next_review_due:%d-%m-%Y}"
                if page.next_review_due
                else "nog nooit gecontroleerd"
            )
            link = settings.SITE_URL + reverse("admin:content_page_change", args=[page.pk])
            lines.append(f"- {page.live_title} ({when})\n  {link}")
        body = (
            f"Deze pagina's hebben een inhoudelijke controle nodig ({len(due)}):\n\n"
            + "\n".join(lines)
            + "\n\nOpen de pagina in het beheer, lees de gepubliceerde tekst en kies "
            "'Markeer als inhoudelijk gecontroleerd'. Pas de tekst zo nodig eerst aan: "
            "een collega keurt de wijziging goed.\n"
        )
        self.stdout.write(body)
        if dry_run:
            return
        to = [user.email for user in reviewers()]
        if not to:
            self.stderr.write(
                "Niemand om te mailen: geen inhoudelijk deskundige met een e-mailadres."
            )
            raise SystemExit(1)
        pages = "pagina" if len(due) == 1 else "pagina's"
        EmailMessage(
            subject=f"Inhoudelijke controle nodig: {len(due)} {pages}",
            body=body,
            to=to,
        ).send()
        self.stdout.write(f"Gemaild aan {len(to)} inhoudelijk deskundige(n).")
