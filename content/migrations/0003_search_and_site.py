# Data steps are written out here (not imported from the app) so that they keep
# working whatever later happens to the app's code.
import html
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


def sync_site(apps, schema_editor):
    # The default Site is example.com, which would leak into the admin's links;
    # load_content keeps it in step afterwards when SITE_URL changes.
    Site = apps.get_model("sites", "Site")
    domain = urlsplit(settings.SITE_URL).netloc
    Site.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": settings.ORGANISATION_NAME}
    )


def _text(fragment):
    return " ".join(html.unescape(nh3.clean(fragment or "", tags=set())).split())


def fill_search_text(apps, schema_editor):
    # Pages saved before search_text existed: fill it from their summary and sections.
    Page = apps.get_model("content", "Page")
    for page in Page.objects.all():
        parts = [_text(page.summary_html)]
        for heading, body_html in page.sections.order_by("order", "pk").values_list(
            "heading", "body_html"
        ):
            parts += [heading, _text(body_html)]
        page.search_text = "\n".join(p for p in parts if p)
        page.save(update_fields=["search_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0002_page_search_seed_contact"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [
        # pg_trgm for fuzzy search; a no-op on SQLite. A trusted extension since
        # PostgreSQL 13, so the database owner may create it without superuser rights.
        TrigramExtension(),
        migrations.RunPython(sync_site, migrations.RunPython.noop),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
    ]
