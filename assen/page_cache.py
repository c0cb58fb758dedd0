"""Public pages and GeoJSON served from the shared cache, compressed, with validators.

Only what holds no secret is cached, and only what is cached is compressed (so BREACH has nothing
to find): GET requests without a session cookie (visitors who never logged in), answered 200 with
HTML or JSON, without cookies, without a CSRF token and without `private` or `no-store`. The CMS
and documents never are. Entries are keyed by the content generation (assen.generation), so a
publish anywhere retires them all in every worker.
"""

import gzip
import hashlib
from dataclasses import dataclass

import brotli
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers

from . import generation

CACHED_TYPES = ("text/html", "application/json", "application/geo+json")
# Headers each answer sets anew, or that must never be replayed to another visitor.
OWN_HEADERS = {"content-length", "content-encoding", "etag", "cache-control", "vary", "set-cookie"}
MIN_COMPRESSED_LENGTH = 200  # below this, compressing costs more than it saves


@dataclass
class Entry:
    status: int
    headers: list[tuple[str, str]]
    etag: str
    bodies: dict[str, bytes]  # by content coding: "identity", "gzip", "br"

    @classmethod
    def of(cls, response) -> "Entry":
        body = response.content
        bodies = {"identity": body}
        if len(body) >= MIN_COMPRESSED_LENGTH:
            bodies["br"] = brotli.compress(body, quality=6)
            bodies["gzip"] = gzip.compress(body, compresslevel=6, mtime=0)
        return cls(
            status=response.status_code,
            headers=[(k, v) for k, v in response.items() if k.lower() not in OWN_HEADERS],
            # Weak: the same text, whichever coding carries it.
            etag=f'W/"{hashlib.sha256(body).hexdigest()[:32]}"',
            bodies=bodies,
        )

    def respond(self, request, outcome: str) -> HttpResponse:
        if self.etag in _etags(request.headers.get("If-None-Match", "")):
            response = HttpResponseNotModified()
        else:
            coding = _coding(request.headers.get("Accept-Encoding", ""), self.bodies)
            response = HttpResponse(self.bodies[coding], status=self.status)
            for name, value in self.headers:
                response[name] = value
            if coding != "identity":
                response["Content-Encoding"] = coding
            response["Content-Length"] = str(len(response.content))
        response["ETag"] = self.etag
        patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)
        patch_vary_headers(response, ["Accept-Encoding", "Cookie"])
        response["X-Cache"] = outcome  # for operators and the benchmark
        return response


def _etags(header: str) -> set[str]:
    tags = {tag.strip() for tag in header.split(",")}
    return tags | {f"W/{tag}" for tag in tags if not tag.startswith("W/")}


def _coding(header: str, bodies: dict[str, bytes]) -> str:
    accepted = set()
    for item in header.split(","):
        name, _, params = item.strip().partition(";")
        if params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            accepted.add(name.strip().lower())
    for coding in ("br", "gzip"):
        if coding in bodies and (coding in accepted or "*" in accepted):
            return coding
    return "identity"


def _cacheable_request(request) -> bool:
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "Authorization" not in request.headers
        and not request.path.startswith(settings.PAGE_CACHE_EXCLUDED_PATHS)
    )


def _cacheable_response(request, response) -> bool:
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and response.get("Content-Type", "").startswith(CACHED_TYPES)
        and not any(word in control for word in ("private", "no-store", "no-cache"))
        and not response.has_header("Content-Encoding")
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                # A logged-in page must not be kept by a proxy for the next visitor.
                patch_cache_control(response, private=True)
            return response
        address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
        key = generation.key(f"pagina:{address}")
        entry = cache.get(key)
        if entry is not None:
            return entry.respond(request, "HIT")
        response = self.get_response(request)
        if not _cacheable_response(request, response):
            return response
        entry = Entry.of(response)
        cache.set(key, entry, settings.PAGE_CACHE_TIMEOUT)
        return entry.respond(request, "MISS")
