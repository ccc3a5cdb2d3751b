"""The cached site context: the organisation's confirmed facts, navigation and signs.

Every edit that parents see at once (a page's settings, a confirmed fact) or an approval
empties it (at once and again after the transaction commits, so a request that read the old
rows mid-save cannot keep them). Each new site context carries a fresh ``generation``: the
content version. Cached pages (content/page_cache.py) and search results are stored for
one generation and one release (settings.RELEASE: the code and templates they were made
with), so an edit or a deploy retires them without any key to bump by hand.
Works with the in-memory cache in one process and with Redis across processes and hosts.

Each process keeps the context it last fetched: a request asks the shared cache only for
the current generation (a few bytes), once per request whoever asks (page, form labels,
search, e-mails), and fetches the whole context again only when that generation changed,
so an edit is still seen on the next request on every host.
"""

import threading
import uuid
from dataclasses import dataclass, field

import phonenumbers
from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .facts.api import Facts, confirmed_facts


def context_key() -> str:
    return f"content:{settings.RELEASE}:context"


def generation_key() -> str:
    return f"content:{settings.RELEASE}:generation"


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


class _Local:
    """The site context this process last fetched (shared by its threads)."""

    ctx: SiteContext | None = None


_local = _Local()
# Within one request (one thread): the context it started with, asked for only once.
_this_request = threading.local()


def _start_request(**kwargs):
    _this_request.active, _this_request.ctx = True, None


def _end_request(**kwargs):
    _this_request.active, _this_request.ctx = False, None


request_started.connect(_start_request, dispatch_uid="content-site-context-request-started")
request_finished.connect(_end_request, dispatch_uid="content-site-context-request-finished")


def _fetch() -> SiteContext:
    generation = cache.get(generation_key())
    if generation is not None:
        ctx = _local.ctx
        if ctx is not None and ctx.generation == generation:
            return ctx
        ctx = cache.get(context_key())
        if ctx is not None and ctx.generation == generation:
            _local.ctx = ctx
            return ctx
    ctx = _build()
    # Both in one transaction; a timeout as a safety net only: saves invalidate at once.
    cache.set_many({context_key(): ctx, generation_key(): ctx.generation}, timeout=_timeout())
    _local.ctx = ctx
    return ctx


def get_site_context(request=None) -> SiteContext:
    """The current site context: looked up once per request (outside a request, such as in
    a command or the mail thread, at every call). ``request`` is accepted for callers
    that have one; the lookup is the same."""
    in_request = getattr(_this_request, "active", False)
    if in_request and _this_request.ctx is not None:
        return _this_request.ctx
    ctx = _fetch()
    if in_request:
        _this_request.ctx = ctx
    return ctx


_derived: dict[str, tuple[str, object]] = {}  # name -> (generation, value), this process


def per_version(name: str, build, generation: str | None = None, *, shared: bool = True):
    """A value derived from the published content (the search vocabulary, the synonym
    table, the organisation's facts as the forms use them), built once per content
    version: from this process's memory, else from the shared cache (unless ``shared`` is
    False: cheap to build, not worth a trip to Redis), else ``build()``."""
    generation = generation or get_site_context().generation
    local = _derived.get(name)
    if local is not None and local[0] == generation:
        return local[1]
    key = f"content:{settings.RELEASE}:{name}:{generation}"
    value = cache.get(key) if shared else None
    if value is None:
        value = build()
        if shared:
            cache.set(key, value, timeout=_timeout())
    _derived[name] = (generation, value)
    return value


def load_page(queryset, **lookup):
    """One page with its live copy and last review, in one query."""
    return queryset.select_related("last_review").filter(**lookup).first()


def invalidate(**kwargs) -> None:
    keys = [generation_key(), context_key()]
    _local.ctx = _this_request.ctx = None
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def connect_invalidation(*models) -> None:
    for model in models:
        post_save.connect(invalidate, sender=model, dispatch_uid=f"site-ctx-save-{model.__name__}")
        post_delete.connect(
            invalidate, sender=model, dispatch_uid=f"site-ctx-delete-{model.__name__}"
        )
