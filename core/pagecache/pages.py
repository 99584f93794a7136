"""Whole pages for visitors: stored once, answered before anything else in the middleware runs.

A page is stored under a key made of the scheme, the host, the path and the query parameters its
view declares (`@cached_for_visitors(params=(...))`); any other parameter is dropped from the key and
from what the view sees, so `/?x=1` and `/?x=2` are one page. The stored entry holds every header
the live response had, and the content version read *before* the view ran: a page rendered from data
that changed meanwhile is stored under the old version and never served. A hit is one round trip to
the cache (the version and the page together), and needs no session, unless the request carries a
session cookie: then the session is read once, and a cookie that names no logged-in session is a
visitor's. Members are never served from this cache (their pages use fragments, see `fragments`).
"""

import hashlib
import re
from functools import lru_cache, wraps
from importlib import import_module
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponseNotModified, QueryDict
from django.urls import Resolver404, resolve
from django.utils.cache import quote_etag

from core.pagecache.registry import VERSION_KEY, current_version

# Django's session keys; a cookie of another shape names no session, and costs no lookup.
SESSION_KEY_SHAPE = re.compile(r"[a-z0-9]{32}")
# Headers a stored page must not repeat to others.
PRIVATE_HEADERS = {"set-cookie"}
# In every key: a deploy that changes what an entry holds never reads one stored by the code before it.
FORMAT = 2


def cached_for_visitors(view=None, *, params: tuple[str, ...] = ()):
    """Let PageCacheMiddleware store the view's page for visitors. The view sees only `params` of the query."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if getattr(request, "page_cache_key", None):
                request.GET = _only(request.GET, params)
                response = view(request, *args, **kwargs)
                response.page_cacheable = True
                return response
            return view(request, *args, **kwargs)

        wrapper.page_cache_params = tuple(params)
        return wrapper

    return decorate(view) if view is not None else decorate


def _only(query: QueryDict, names: tuple[str, ...]) -> QueryDict:
    kept = QueryDict(mutable=True)
    for name in names:
        if name in query:
            kept.setlist(name, query.getlist(name))
    kept._mutable = False
    return kept


@lru_cache(maxsize=4096)
def _route(path_info: str) -> tuple[str, ...] | None:
    """The query parameters the page's view reads, or None when its page is never cached."""
    try:
        match = resolve(path_info)
    except Resolver404:
        return None
    return getattr(match.func, "page_cache_params", None)


def _key(request, params: tuple[str, ...]) -> str:
    query = urlencode(sorted((name, value) for name in params for value in request.GET.getlist(name)))
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return f"page:{FORMAT}:" + hashlib.sha256(address.encode()).hexdigest()


class PageCacheMiddleware:
    """The outermost layer: answers visitors from the page cache; on a miss, stores what the view made."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.sessions = import_module(settings.SESSION_ENGINE).SessionStore

    def __call__(self, request):
        params = self._cacheable(request)
        if params is None or not self._visitor(request):
            return self.get_response(request)
        key = _key(request, params)
        found = cache.get_many([VERSION_KEY, key])
        version = found.get(VERSION_KEY) or current_version()
        page = found.get(key)
        if page is not None and page["version"] == version:
            return _replay(request, page)
        request.page_cache_key = key
        response = self.get_response(request)
        if getattr(response, "page_cacheable", False) and response.status_code == 200 and not response.cookies:
            self._store(key, version, response)
        return response

    def _cacheable(self, request) -> tuple[str, ...] | None:
        if (
            settings.CLUB_PAGE_CACHE_SECONDS <= 0
            or not settings.CLUB_VISITOR_PAGES
            or request.method not in ("GET", "HEAD")
        ):
            return None
        params = _route(request.path_info)
        if params is None:
            return None
        try:
            request.get_host()
        except DisallowedHost:
            return None  # Django's own layers answer 400, as for any page
        return params

    def _visitor(self, request) -> bool:
        if "messages" in request.COOKIES:
            return False  # a message waits to be shown: this page is theirs alone
        session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        if not session_key or not SESSION_KEY_SHAPE.fullmatch(session_key):
            return True
        session = self.sessions(session_key)
        request.loaded_session = session  # SessionMiddleware takes it from here: read once
        return SESSION_KEY not in session

    def _store(self, key: str, version: str, response) -> None:
        if response.streaming:
            return
        if hasattr(response, "render"):
            response.render()
        if not response.has_header("ETag"):
            response["ETag"] = quote_etag(hashlib.md5(response.content, usedforsecurity=False).hexdigest())
        # As Django keeps them, checked and encoded once here rather than on every hit.
        headers = {name: entry for name, entry in response.headers._store.items() if name not in PRIVATE_HEADERS}
        page = {"version": version, "headers": headers, "content": response.content}
        cache.set(key, page, settings.CLUB_PAGE_CACHE_SECONDS)


def _replay(request, page: dict) -> HttpResponse:
    headers = page["headers"]
    etag = headers.get("etag", (None, None))[1]
    if etag and request.headers.get("If-None-Match") == etag:
        response = HttpResponseNotModified()
        for name in ("etag", "cache-control", "vary", "content-security-policy"):
            if name in headers:
                response.headers._store[name] = headers[name]
        return response
    response = HttpResponse(page["content"])
    response.headers._store.update(headers)
    return response
