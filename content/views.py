"""Public pages: home, the topic guide and information pages, and search."""

from functools import wraps

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.text import Truncator
from django.views.decorators.http import require_safe

from .cache import get_site_context, load_page
from .early import DISPLAY, QUERY, search_key
from .middleware import early_key
from .models import Page
from .page_cache import keep, page_key
from .presenting import shown_live, shown_working
from .publishing import pending_version
from .search import QueryProblem, clean_query, search_pages
from .seo import page_json_ld
from .site_url import absolute_url


def can_preview(user) -> bool:
    """Staff who may see pages in admin also see unpublished ones, with a banner."""
    return user.is_active and user.is_staff and user.has_perm("content.view_page")


def _find_page(request, *, slug=None, home=False):
    """(page, is_preview). The public only ever gets published pages; staff see the working
    copy when asked (?voorbeeld=1) or when nothing is live yet."""
    lookup = {"kind": Page.Kind.HOME} if home else {"slug": slug}
    wants_preview = "voorbeeld" in request.GET and can_preview(request.user)
    page = None if wants_preview else load_page(Page.objects.published(), **lookup)
    if page is not None:
        return page, False
    if can_preview(request.user):
        page = load_page(Page.objects.all(), **lookup)
        if page is not None:
            return page, True
    raise Http404("Pagina niet gevonden")


def _set_cache_headers(request, response, *, preview=False):
    if preview:
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
    elif request.user.is_authenticated:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, max_age=settings.CONTENT_PUBLIC_MAX_AGE)
    return response


def _topic_position(ctx, page):
    """Where the page sits in the topic guide: (number, previous, next), or None."""
    slugs = [item.slug for item in ctx.topic]
    if page.kind != Page.Kind.TOPIC or page.slug not in slugs:
        return None
    i = slugs.index(page.slug)
    previous = ctx.topic[i - 1] if i > 0 else None
    following = ctx.topic[i + 1] if i + 1 < len(ctx.topic) else None
    return {"number": i + 1, "total": len(slugs), "previous": previous, "next": following}


def _render_page(request, template, page, preview):
    ctx = get_site_context(request)
    shown = shown_working(page, ctx) if preview else shown_live(page, ctx)
    canonical = absolute_url(page.get_absolute_url())
    context = {
        "page": shown,
        "sections": shown.sections,
        "preview": preview,
        "canonical": canonical,
        "description": shown.description,
        "json_ld": page_json_ld(shown, ctx, canonical),
        "position": _topic_position(ctx, page),
        "show_on_this_page": len(shown.sections) >= 3,
    }
    if preview:
        context["admin_url"] = reverse("admin:content_page_change", args=[page.pk])
        context["pending"] = pending_version(page)
    elif can_preview(request.user):
        context["staff_pending"] = pending_version(page)
    response = render(request, template, context)
    return _set_cache_headers(request, response, preview=preview)


def _same_for_every_reader(request, response) -> bool:
    """False when the page carries something of this visitor's own: a CSRF token (its
    cookie is only set later, by the middleware), a session change or any cookie."""
    session = getattr(request, "session", None)
    return (
        not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.modified)
    )


def html_cached_for_anonymous(view):
    """Keep a published page's answer for the next anonymous readers (once per content
    version; EarlyAnswerMiddleware gives it) when it is the same for every reader."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        key = page_key(request.path)
        if (
            early_key(request) == key
            and response.status_code == 200
            and not request.user.is_authenticated
            and _same_for_every_reader(request, response)
        ):
            keep(response, key)
        return response

    return wrapper


@require_safe
@html_cached_for_anonymous
def home(request):
    page, preview = _find_page(request, home=True)
    return _render_page(request, "content/home.html", page, preview)


@require_safe
@html_cached_for_anonymous
def page_detail(request, slug):
    page, preview = _find_page(request, slug=slug)
    if page.kind == Page.Kind.HOME:
        return redirect("content:home", permanent=True)
    return _render_page(request, page.template_name, page, preview)


@require_safe
def search(request):
    query = clean_query(request.GET.get("q", ""))
    results = search_pages(query.terms) if query.problem is None else []
    # Kept for the next visitors with the same words: the question as typed is filled in
    # per visitor (content/early.py), so the kept page holds placeholders, never the question.
    keeping = (
        query.problem is None
        and early_key(request) == search_key(query.terms)
        and not request.user.is_authenticated
    )
    context = {
        # Refill the search box; a very long query is cut to what the box accepts.
        "query": QUERY if keeping else query.text[: settings.CONTENT_SEARCH_MAX_LENGTH],
        "display_query": DISPLAY if keeping else Truncator(query.text).chars(80),
        "problem": query.problem,
        "problems": QueryProblem,
        "results": results,
        "searched": "q" in request.GET,
        "max_length": settings.CONTENT_SEARCH_MAX_LENGTH,
    }
    response = render(request, "content/search.html", context)
    # What parents search for can be personal: no shared cache keeps it.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    if keeping:
        keep(response, search_key(query.terms), (QUERY, DISPLAY))
    return response
