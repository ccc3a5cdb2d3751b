"""The site-wide context (facts, navigation, topic guide), cached until an editor saves."""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

SITE_CONTEXT_KEY = "content:site-context:v1"


@dataclass(frozen=True)
class NavItem:
    title: str
    url: str
    slug: str


@dataclass(frozen=True)
class SiteContext:
    organisation_name: str
    phone: str
    phone_uri: str
    email: str
    opening_hours: str
    opens_at: object
    closes_at: object
    response_days: int
    locations: tuple[str, ...]
    menu: tuple[NavItem, ...] = field(default_factory=tuple)
    topic: tuple[NavItem, ...] = field(default_factory=tuple)


def _build() -> SiteContext:
    from .models import Page, SiteFacts

    facts = SiteFacts.load()
    locations = tuple(facts.locations.values_list("name", flat=True))
    pages = list(
        Page.objects.published()
        .exclude(kind=Page.Kind.HOME)
        .only("title", "menu_title", "slug", "kind", "order", "show_in_menu")
        .order_by("order", "pk")
    )
    menu = tuple(
        NavItem(p.nav_title, p.get_absolute_url(), p.slug) for p in pages if p.show_in_menu
    )
    topic = tuple(
        NavItem(p.nav_title, p.get_absolute_url(), p.slug)
        for p in pages
        if p.kind == Page.Kind.TOPIC
    )
    return SiteContext(
        organisation_name=facts.organisation_name,
        phone=facts.phone,
        phone_uri=facts.phone_uri,
        email=facts.email,
        opening_hours=facts.opening_hours,
        opens_at=facts.opens_at,
        closes_at=facts.closes_at,
        response_days=facts.response_days,
        locations=locations,
        menu=menu,
        topic=topic,
    )


def get_site_context() -> SiteContext:
    ctx = cache.get(SITE_CONTEXT_KEY)
    if ctx is None:
        ctx = _build()
        cache.set(SITE_CONTEXT_KEY, ctx, timeout=None)
    return ctx


def invalidate(**kwargs) -> None:
    cache.delete(SITE_CONTEXT_KEY)


def connect_invalidation(*models) -> None:
    for model in models:
        post_save.connect(invalidate, sender=model, dispatch_uid=f"site-ctx-save-{model.__name__}")
        post_delete.connect(
            invalidate, sender=model, dispatch_uid=f"site-ctx-delete-{model.__name__}"
        )
