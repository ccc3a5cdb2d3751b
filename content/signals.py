"""Keep derived data in step with edits: the cached site context, search text, lastmod."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from .cache import connect_invalidation
from .models import Location, Page, Section, Sign, SiteFacts

connect_invalidation(Page, Section, Sign, SiteFacts, Location)


@receiver(post_save, sender=Section, dispatch_uid="section-saved-refresh-page")
@receiver(post_delete, sender=Section, dispatch_uid="section-deleted-refresh-page")
def refresh_page_for_section(sender, instance, raw=False, **kwargs):
    if raw:
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:  # None while the page itself is being deleted
        page.refresh_search_text()


@receiver(post_save, sender=Sign, dispatch_uid="sign-saved-touch-pages")
@receiver(post_delete, sender=Sign, dispatch_uid="sign-deleted-touch-pages")
def touch_pages_showing_signs(sender, raw=False, **kwargs):
    # The symptoms page changed for readers and search engines (sitemap lastmod).
    if not raw:
        Page.objects.filter(show_signs=True).update(updated_at=timezone.now())
