"""Cached content: the site-wide context (facts, navigation, topic guide) and published pages.

Every edit to content empties the site context (at once and again after the transaction
commits, so a request that read the old rows mid-save cannot keep them). Each new site
context carries a fresh ``generation``; cached pages are stored under it, so they are
dropped with it. Works with LocMem in one process and with Redis across processes.
"""

import uuid
from dataclasses import dataclass, field

import phonenumbers
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .facts.api import Facts, confirmed_facts

SITE_CONTEXT_KEY = "content:site-context:v3"
# Bump the version when the Page model changes shape: cached pickles of the old shape are ignored.
PAGE_KEY = "content:page:v4:{generation}:{name}"
# The finished HTML of a published page as anonymous readers get it (identical for all),
# stored as (generation, html) so that one round trip fetches it with the site context.
HTML_KEY = "content:html:v3:{path}"
_REQUEST_ATTR = "_content_site_context"


@dataclass(frozen=True)
class NavItem:
    title: str
    url: str
    slug: str
    description: str = ""


@dataclass(frozen=True)
class SiteContext:
    """What every page needs, cached: the organisation's confirmed facts, navigation, signs.

    ``facts`` holds confirmed facts only (content/facts/api.py); the name and phone always
    have a value (the organisation published both; settings hold them as a fallback).
    """

    facts: Facts
    organisation_name: str
    phone: str
    phone_uri: str
    signs: tuple[tuple[int, str], ...] = ()
    menu: tuple[NavItem, ...] = field(default_factory=tuple)
    topic: tuple[NavItem, ...] = field(default_factory=tuple)
    generation: str = ""


def _timeout():
    return getattr(settings, "CONTENT_CACHE_TIMEOUT", 3600)


def phone_uri(phone: str) -> str:
    """The phone number as a tel: URI in international form, e.g. tel:+31493327506."""
    try:
        number = phonenumbers.parse(phone, "NL")
    except phonenumbers.NumberParseException:
        return "tel:" + "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _build() -> SiteContext:
    from .models import Page
    from .publishing import live_signs

    facts = confirmed_facts()
    pages = list(
        Page.objects.published()
        .exclude(kind=Page.Kind.HOME)
        .only("live", "slug", "kind", "order", "show_in_menu")
        .order_by("order", "pk")
    )
    menu = tuple(
        NavItem(p.live_nav_title, p.get_absolute_url(), p.slug) for p in pages if p.show_in_menu
    )
    topic = tuple(
        NavItem(p.live_nav_title, p.get_absolute_url(), p.slug, p.live["meta_description"])
        for p in pages
        if p.kind == Page.Kind.TOPIC
    )
    return SiteContext(
        facts=facts,
        organisation_name=facts.organisation_name,
        phone=facts.phone,
        phone_uri=phone_uri(facts.phone),
        signs=live_signs(),
        menu=menu,
        topic=topic,
        generation=uuid.uuid4().hex,
    )


def get_site_context(request=None) -> SiteContext:
    """The cached site context; looked up once per request when ``request`` is given."""
    if request is not None and hasattr(request, _REQUEST_ATTR):
        return getattr(request, _REQUEST_ATTR)
    ctx = cache.get(SITE_CONTEXT_KEY)
    if ctx is None:
        ctx = _build()
        # A timeout as a safety net only: saves invalidate at once.
        cache.set(SITE_CONTEXT_KEY, ctx, timeout=_timeout())
    if request is not None:
        setattr(request, _REQUEST_ATTR, ctx)
    return ctx


def load_page(queryset, **lookup):
    """One page with its live copy and last review, in one query."""
    return queryset.select_related("last_review").filter(**lookup).first()


def get_published_page(ctx: SiteContext, *, slug=None, home=False):
    """A published page from the cache (filled from the database on a miss), or None."""
    from .models import Page

    name = "home" if home else f"slug:{slug}"
    key = PAGE_KEY.format(generation=ctx.generation, name=name)
    page = cache.get(key)
    if page is None:
        lookup = {"kind": Page.Kind.HOME} if home else {"slug": slug}
        page = load_page(Page.objects.published(), **lookup)
        # Misses are not cached: any address can be asked for, the cache must not fill up.
        if page is not None:
            cache.set(key, page, timeout=_timeout())
    return page


def get_site_context_and_html(request, path: str) -> tuple[SiteContext, bytes | None]:
    """The site context and the cached HTML of the page at ``path`` (or None), in one
    cache round trip. HTML of an older generation is ignored: an edit happened since."""
    html_key = HTML_KEY.format(path=path)
    found = cache.get_many([SITE_CONTEXT_KEY, html_key])
    ctx = found.get(SITE_CONTEXT_KEY)
    if ctx is None:
        return get_site_context(request), None
    setattr(request, _REQUEST_ATTR, ctx)
    entry = found.get(html_key)
    if entry and entry[0] == ctx.generation:
        return ctx, entry[1]
    return ctx, None


def set_page_html(ctx: SiteContext, path: str, html: bytes) -> None:
    cache.set(HTML_KEY.format(path=path), (ctx.generation, html), timeout=_timeout())


def invalidate(**kwargs) -> None:
    cache.delete(SITE_CONTEXT_KEY)
    transaction.on_commit(lambda: cache.delete(SITE_CONTEXT_KEY))


def connect_invalidation(*models) -> None:
    for model in models:
        post_save.connect(invalidate, sender=model, dispatch_uid=f"site-ctx-save-{model.__name__}")
        post_delete.connect(
            invalidate, sender=model, dispatch_uid=f"site-ctx-delete-{model.__name__}"
        )
