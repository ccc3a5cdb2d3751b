"""The finished answer for an anonymous reader of a content page, kept once per content
version and release: headers as the whole middleware stack set them, the body plain,
gzipped and brotli-compressed, and an ETag. A cache hit is answered before any other
middleware runs; it carries exactly the headers a fresh answer carries, and a reader who
comes back with the ETag gets a 304 while the content is unchanged.

Only a page that is the same for every reader is kept: no cookie, no CSRF token, no
session change (see content.views.html_cached_for_anonymous).
"""

import gzip
import hashlib
from dataclasses import dataclass

import brotli
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags

from .cache import SiteContext, context_key, remember_context

# Headers that belong to one response only; everything else is replayed as it was.
NOT_REPLAYED = {"content-length", "content-encoding", "set-cookie", "date", "etag"}
MIN_COMPRESS = 200  # bytes: below this, compression costs more than it saves


@dataclass(frozen=True)
class CachedPage:
    generation: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    gzip: bytes
    br: bytes
    etag: str


def page_key(path: str) -> str:
    return f"content:{settings.RELEASE}:page:{path}"


def lookup(request) -> tuple[SiteContext | None, CachedPage | None]:
    """The site context and this path's cached page, in one cache round trip. A page of an
    older content version is ignored: an edit happened since."""
    found = cache.get_many([context_key(), page_key(request.path)])
    ctx = found.get(context_key())
    if ctx is None:
        return None, None
    remember_context(request, ctx)
    page = found.get(page_key(request.path))
    if page is not None and page.generation == ctx.generation:
        return ctx, page
    return ctx, None


def store(request, response, generation: str) -> CachedPage:
    body = response.content
    headers = tuple(
        (name, value) for name, value in response.items() if name.lower() not in NOT_REPLAYED
    )
    entry = CachedPage(
        generation=generation,
        status=response.status_code,
        headers=headers,
        body=body,
        gzip=gzip.compress(body, compresslevel=6, mtime=0) if len(body) >= MIN_COMPRESS else b"",
        br=brotli.compress(body, quality=5) if len(body) >= MIN_COMPRESS else b"",
        etag=f'"{hashlib.blake2b(body, digest_size=12).hexdigest()}"',
    )
    cache.set(page_key(request.path), entry, timeout=settings.CONTENT_CACHE_TIMEOUT)
    return entry


def _accepts(request, coding: str) -> bool:
    accepted = request.META.get("HTTP_ACCEPT_ENCODING", "")
    return any(part.split(";")[0].strip() == coding for part in accepted.split(","))


def respond(request, entry: CachedPage):
    """The answer for this reader: 304 when they have this version, else the page in the
    best encoding their browser accepts."""
    if entry.etag in parse_etags(request.META.get("HTTP_IF_NONE_MATCH", "")):
        response = HttpResponseNotModified()
        for name, value in entry.headers:
            if name.lower() in {"cache-control", "vary", "content-location", "expires"}:
                response[name] = value
    else:
        if entry.br and _accepts(request, "br"):
            body, coding = entry.br, "br"
        elif entry.gzip and _accepts(request, "gzip"):
            body, coding = entry.gzip, "gzip"
        else:
            body, coding = entry.body, None
        response = HttpResponse(b"" if request.method == "HEAD" else body, status=entry.status)
        for name, value in entry.headers:
            response[name] = value
        response["Content-Length"] = str(len(body))
        if coding:
            response["Content-Encoding"] = coding
    response["ETag"] = entry.etag
    patch_vary_headers(response, ["Accept-Encoding"])
    return response
