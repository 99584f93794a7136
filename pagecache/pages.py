"""Whole pages for visitors: stored once, answered before anything else in the middleware runs.

A page is stored under a key made of the scheme, the host, the path and the query parameters its
view declares (`@cached_for_visitors(params=(...))`); any other parameter is dropped from the key and
from what the view sees, so `/?x=1` and `/?x=2` are one page. The stored entry holds every header
the live response had, and the content version read *before* the view ran: a page rendered from data
that changed meanwhile is stored under the old version and never served.

Everything a request needs from the shared cache comes in one round trip: the content version, and
the page (unless this worker kept it: then the version alone) or, for a session cookie, the session
and the accounts version. A cookie that names no logged-in session is a visitor's. Members are never
served from this cache: their pages are built around fragments ({% fragment %}), and their account
is the one their worker keeps (registry.kept_account).
"""

import hashlib
import re
import time
from functools import lru_cache, wraps
from importlib import import_module
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends import cache as cache_sessions
from django.contrib.sessions.backends import cached_db
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponseNotModified, QueryDict
from django.http.request import split_domain_port
from django.urls import Resolver404, resolve
from django.utils.cache import quote_etag
from django.utils.http import parse_etags

from pagecache import memory
from pagecache.internals import headers_of, preload, with_headers
from pagecache.memory import MISSING, read_many, write
from pagecache.registry import ACCOUNTS_KEY, VERSION_KEY, current, current_version, reading_accounts_at
from pagecache.release import release

# Django's session keys; a cookie of another shape names no session, and costs no lookup.
SESSION_KEY_SHAPE = re.compile(r"[a-z0-9]{32}")
# Headers a stored page must not repeat to others.
PRIVATE_HEADERS = {"set-cookie"}
# Session engines that keep each session whole in the cache, under SessionStore.cache_key.
CACHED_SESSIONS = (cache_sessions.SessionStore, cached_db.SessionStore)


def cached_for_visitors(view=None, *, params: tuple[str, ...] = ()):
    """Let PageCacheMiddleware store the view's page for visitors. The view sees only `params` of the query,
    whoever asks: its fragments are shared, so nothing else may reach them, even through a member's page."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            request.GET = _only(request.GET, params)
            response = view(request, *args, **kwargs)
            if getattr(request, "page_cache_key", None) and not hasattr(response, "page_cacheable"):
                # A parameter given twice is an address no link leads to (`?page=1&page=1&...`).
                response.page_cacheable = all(len(request.GET.getlist(name)) == 1 for name in request.GET)
            return response

        wrapper.page_cache_params = tuple(params)
        return wrapper

    return decorate(view) if view is not None else decorate


def not_cached(response: HttpResponse) -> HttpResponse:
    """Keep this one page out of the page cache (a search, or an address no link leads to): pages that
    strangers can vary at will must not fill the cache."""
    response.page_cacheable = False
    return response


def not_cached_unless_linked(response: HttpResponse, request, page, param: str = "page") -> HttpResponse:
    """Keep a paginated page only under the number the site's links write (none for the first): `?page=01`,
    `?page=x` or a number past the end shows a page too, but is not stored."""
    return response if request.GET.get(param, "1") == str(page.number) else not_cached(response)


def _only(query: QueryDict, names: tuple[str, ...]) -> QueryDict:
    return QueryDict(urlencode([(name, value) for name in names for value in query.getlist(name)]))


@lru_cache(maxsize=4096)
def route_params(path_info: str) -> tuple[str, ...] | None:
    """The query parameters the page's view reads, or None when its page is never cached."""
    try:
        match = resolve(path_info)
    except Resolver404:
        return None
    return getattr(match.func, "page_cache_params", None)


def key_for(request, params: tuple[str, ...]) -> str:
    # The declared parameters in a fixed order, each name's values in the order given (views read the last).
    # The host without its port: pages are the same whatever port a request named (links come from SITE_URL),
    # and a port must not make a page of its own.
    query = urlencode([(name, value) for name in params for value in request.GET.getlist(name)])
    host, _ = split_domain_port(request.get_host())
    address = f"{request.scheme}://{host}{request.path}?{query}"
    return f"page:{release()}:" + hashlib.sha256(address.encode()).hexdigest()


def visitor_page_key(request) -> str | None:
    """The key a visitor's page for this request is kept under, or None when it never is: the whole-page
    cache is off, no cached view answers the path, the host is not allowed (Django answers 400), or a
    message waits to be shown (the page is theirs alone). The middleware and the fast path both ask here."""
    if not settings.CLUB_VISITOR_PAGES or "messages" in request.COOKIES:
        return None
    params = route_params(request.path_info)
    if params is None:
        return None
    try:
        request.get_host()
    except DisallowedHost:
        return None
    return key_for(request, params)


class PageCacheMiddleware:
    """The outermost layer. One read from the shared cache gets what the request needs: the content version
    and, for a visitor, the page (the version alone when this worker kept the page); for a session cookie,
    the session and the accounts version too. A visitor is answered from the page cache, or the page the
    view makes is stored; a member's request goes on with their session and both versions in hand."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.sessions = import_module(settings.SESSION_ENGINE).SessionStore
        # The session can be read with the rest only when it lives, whole, in the default cache.
        self.session_in_cache = issubclass(self.sessions, CACHED_SESSIONS) and settings.SESSION_CACHE_ALIAS == "default"

    def __call__(self, request):
        if settings.CLUB_PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        key = visitor_page_key(request)
        session = self._session(request)
        if key is None and session is None:
            return self.get_response(request)  # nothing here needs the cache: the view reads what it uses
        kept = memory.recent.get(key) if key else MISSING  # this worker's copy, if it served the page lately
        keys = [VERSION_KEY]
        if session is not None and self.session_in_cache:
            keys += [ACCOUNTS_KEY, session.cache_key]
        if key and kept is MISSING:
            keys.append(key)
        found = read_many(keys)
        version = request.content_version = found.get(VERSION_KEY) or current_version()
        page = found.get(key, kept)
        if page is MISSING or page is None or page["version"] != version:
            page = None
        elif page is not kept:
            memory.keep(key, page, page["expires"])  # read once, for members on this page too
        if session is not None and self._logged_in(request, session, found):
            with reading_accounts_at(found.get(ACCOUNTS_KEY) or current(ACCOUNTS_KEY)):
                return self.get_response(request)  # a member: their pages come from fragments
        if page is not None:
            return _replay(request, page)
        if key is None or version is None:  # version None: the cache is out of reach, so nothing is cached
            return self.get_response(request)
        request.page_cache_key = key
        response = self.get_response(request)
        if getattr(response, "page_cacheable", False) and response.status_code == 200 and not response.cookies:
            self._store(key, version, response)
        return response

    def _logged_in(self, request, session, found: dict) -> bool:
        if session.cache_key in found:
            preload(session, found[session.cache_key])
        request.loaded_session = session  # SessionMiddleware takes it from here: read once
        return SESSION_KEY in session

    def _session(self, request):
        """The session the cookie names, not yet read; None for no cookie, or one no session key could be."""
        session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        if not session_key or not SESSION_KEY_SHAPE.fullmatch(session_key):
            return None
        return self.sessions(session_key)

    def _store(self, key: str, version: str, response) -> None:
        if response.streaming:
            return
        if hasattr(response, "render"):
            response.render()
        if not response.has_header("ETag"):
            response["ETag"] = quote_etag(hashlib.md5(response.content, usedforsecurity=False).hexdigest())
        headers = {name: entry for name, entry in headers_of(response).items() if name not in PRIVATE_HEADERS}
        seconds = settings.CLUB_PAGE_CACHE_SECONDS
        page = {"version": version, "expires": time.time() + seconds, "headers": headers, "content": response.content}
        write(key, page, seconds)
        memory.keep(key, page, page["expires"])


def _same(etag: str, if_none_match: str) -> bool:
    """Weak comparison, as for If-None-Match (RFC 9110): the page leaves gzipped with its ETag weakened
    (core.compression), and that W/"..." is what a browser sends back."""
    mine = etag.removeprefix("W/")
    return any(tag == "*" or tag.removeprefix("W/") == mine for tag in parse_etags(if_none_match))


def _replay(request, page: dict) -> HttpResponse:
    headers = page["headers"]
    etag = headers.get("etag", (None, None))[1]
    if etag and _same(etag, request.headers.get("If-None-Match", "")):
        kept = ("etag", "cache-control", "vary", "content-security-policy")
        return with_headers(HttpResponseNotModified(), {name: headers[name] for name in kept if name in headers})
    return with_headers(HttpResponse(page["content"]), headers)
