"""Answers kept whole and given before any other middleware runs.

A content page is the same for every anonymous reader: it is kept once per content
version and release with the headers the whole stack set, its body plain, gzipped and
brotli-compressed, and an ETag (a returning reader gets a 304 while it is unchanged).

Some pages are the same for everyone but for a few values: the search results for one
question (the question as typed) and the first page of a form (the visitor's CSRF token
and form ticket). Those are kept with placeholders and filled in per visitor; they are
never sent compressed or with an ETag, and their headers say no-store as before. No
personal data is ever kept: not the question, not a token.

Each process also keeps the answers it served last (a bounded number, for the current
content version only), so a kept answer costs one small lookup in the shared cache: the
content version (content/cache.py).
"""

import gzip
import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass

import brotli
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.crypto import salted_hmac
from django.utils.http import parse_etags

from .cache import SiteContext, get_site_context

# Headers that belong to one response only; everything else is replayed as it was.
NOT_REPLAYED = {"content-length", "content-encoding", "set-cookie", "date", "etag"}
MIN_COMPRESS = 200  # bytes: below this, compression costs more than it saves
MARK_ATTR = "_keep_for_others"  # set on a response by the view: (key, placeholders)
LOCAL_ANSWERS = 256  # answers each process keeps in memory (about 25 KB each)


@dataclass(frozen=True)
class CachedPage:
    generation: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    gzip: bytes = b""
    br: bytes = b""
    etag: str = ""
    placeholders: tuple[str, ...] = ()


def placeholder(name: str) -> str:
    """The same on every process and host sharing the cache (derived from the secret key);
    letters and digits only, so every escaping leaves it as it is; never in a page by chance."""
    return f"bjw{name}" + salted_hmac("content.page_cache", name).hexdigest()[:20]


def page_key(path: str) -> str:
    return f"content:{settings.RELEASE}:page:{path}"


class _LocalAnswers:
    """The answers this process served last, for one content version, at most ``size``."""

    def __init__(self, size: int):
        self.size, self.generation = size, ""
        self.entries: OrderedDict[str, CachedPage] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str, generation: str) -> CachedPage | None:
        with self.lock:
            if generation != self.generation:
                self.entries.clear()
                self.generation = generation
                return None
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: CachedPage) -> None:
        with self.lock:
            if entry.generation != self.generation:
                return
            self.entries[key] = entry
            if len(self.entries) > self.size:
                self.entries.popitem(last=False)


_answers = _LocalAnswers(LOCAL_ANSWERS)


def kept(key: str, generation: str) -> CachedPage | None:
    """The answer kept under ``key`` for this content version: from this process's memory,
    else from the shared cache (an answer of an older version is ignored)."""
    entry = _answers.get(key, generation)
    if entry is None:
        entry = cache.get(key)
        if entry is None or entry.generation != generation:
            return None
        _answers.put(key, entry)
    return entry


def lookup(request, key: str) -> tuple[SiteContext, CachedPage | None]:
    """The site context and the answer kept under ``key`` for the current content version."""
    ctx = get_site_context(request)
    return ctx, kept(key, ctx.generation)


def keep(response, key: str, placeholders=()) -> None:
    """Called by a view: its answer may be kept for the next visitors under ``key``."""
    setattr(response, MARK_ATTR, (key, tuple(placeholders)))


def store(response, generation: str, key: str, placeholders=()) -> CachedPage:
    body = response.content
    headers = tuple(
        (name, value) for name, value in response.items() if name.lower() not in NOT_REPLAYED
    )
    whole = not placeholders and len(body) >= MIN_COMPRESS
    entry = CachedPage(
        generation=generation,
        status=response.status_code,
        headers=headers,
        body=body,
        gzip=gzip.compress(body, compresslevel=6, mtime=0) if whole else b"",
        br=brotli.compress(body, quality=5) if whole else b"",
        etag="" if placeholders else f'"{hashlib.blake2b(body, digest_size=12).hexdigest()}"',
        placeholders=tuple(placeholders),
    )
    cache.set(key, entry, timeout=settings.CONTENT_CACHE_TIMEOUT)
    _answers.put(key, entry)
    return entry


def _accepts(request, coding: str) -> bool:
    accepted = request.META.get("HTTP_ACCEPT_ENCODING", "")
    return any(part.split(";")[0].strip() == coding for part in accepted.split(","))


def _replay(response, headers) -> None:
    """The kept headers on a new response. They were checked when the page was first
    rendered, so they go straight into Django's header store ({lower name: (name,
    value)}, Django 5.2) instead of being checked again: a fifth of a kept page's CPU.
    tests/content/test_page_cache.py compares a kept answer with a fresh one."""
    store = getattr(response.headers, "_store", None)
    if isinstance(store, dict):
        store.update({name.lower(): (name, value) for name, value in headers})
        return
    for name, value in headers:  # another Django: its own way
        response[name] = value


def respond(request, entry: CachedPage, fills: dict[str, str] | None = None):
    """The answer for this visitor: 304 when they have this version, else the page in the
    best encoding their browser accepts, with this visitor's values filled in."""
    if entry.etag and entry.etag in parse_etags(request.META.get("HTTP_IF_NONE_MATCH", "")):
        response = HttpResponseNotModified()
        for name, value in entry.headers:
            if name.lower() in {"cache-control", "vary", "content-location", "expires"}:
                response[name] = value
        response["ETag"] = entry.etag
        patch_vary_headers(response, ["Accept-Encoding"])
        return response
    body, coding = entry.body, None
    if entry.placeholders:
        for name, value in (fills or {}).items():
            body = body.replace(name.encode(), value.encode())
    elif entry.br and _accepts(request, "br"):
        body, coding = entry.br, "br"
    elif entry.gzip and _accepts(request, "gzip"):
        body, coding = entry.gzip, "gzip"
    response = HttpResponse(b"" if request.method == "HEAD" else body, status=entry.status)
    _replay(response, entry.headers)
    response["Content-Length"] = str(len(body))
    if coding:
        response["Content-Encoding"] = coding
    if entry.etag:
        response["ETag"] = entry.etag
        patch_vary_headers(response, ["Accept-Encoding"])
    return response


def render_kept(request, key: str, fills: dict[str, str], render):
    """A page the same for many visitors but for the values in ``fills``: rendered once per
    content version with placeholders (``render(placeholders)`` makes it), then each
    visitor's values filled in. ``fills`` maps a name to this visitor's HTML-escaped value."""
    generation = get_site_context(request).generation
    names = {name: placeholder(name) for name in fills}
    full_key = f"{key}:{settings.RELEASE}:{generation}"
    entry = kept(full_key, generation)
    if entry is None:
        entry = store(render(names), generation, full_key, tuple(names.values()))
    return respond(request, entry, {names[name]: value for name, value in fills.items()})
