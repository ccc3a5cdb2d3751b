"""What search reads of a page, kept up to date when its live copy changes.

``search_text`` (plain text of the live copy, and the approved signs on the page that
lists them) serves the snippet and the SQLite fallback. On PostgreSQL ``search_document``
holds the weighted tsvector, made once per change instead of at every search: title and
menu title (A), description and signs (B), the text (C).
"""

from django.db import connection

DOCUMENT = """
    setweight(to_tsvector('dutch', coalesce(live->>'title', '') || ' ' ||
                                   coalesce(live->>'menu_title', '')), 'A') ||
    setweight(to_tsvector('dutch', coalesce(live->>'meta_description', '') || ' ' ||
                                   CASE WHEN show_signs THEN %s ELSE '' END), 'B') ||
    setweight(to_tsvector('dutch', search_text), 'C')
"""


def reindex(pages) -> None:
    """Refresh the search text and document of ``pages`` (an iterable of Page)."""
    from ..models import Page
    from ..publishing import live_signs

    pks = []
    for page in pages:
        page.search_text = page.build_search_text()
        Page.objects.filter(pk=page.pk).update(search_text=page.search_text)
        pks.append(page.pk)
    if pks and connection.vendor == "postgresql":
        signs = " ".join(text for _, text in live_signs())
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {Page._meta.db_table} SET search_document = {DOCUMENT} "  # noqa: S608
                "WHERE id = ANY(%s)",
                [signs, pks],
            )
