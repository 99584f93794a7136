"""Whole-page cache for visitors who are not logged in.

Views marked @cached_for_visitors store their page under the current content version; the
middleware serves stored pages before sessions, CSRF and authentication run, to any request
without a session cookie (which cannot be logged in). Any change to what visitors can see (a
curator's edit, a comment, an RSVP) sets a new version, so the next visitor gets a fresh page;
old entries simply expire. Members are never served from this cache. With several app servers
the cache must be shared (REDIS_URL), or each keeps its own stale copies.
"""

import hashlib
import secrets
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import quote_etag

VERSION_KEY = "pagecache:version"


def current_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, secrets.token_hex(8), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _new_version() -> None:
    cache.set(VERSION_KEY, secrets.token_hex(8), timeout=None)


def invalidate() -> None:
    """Retire every cached page now, and again when the current transaction commits.

    The second time matters: a visitor's request that ran while the change was still uncommitted
    may have cached the old content under the version set the first time.
    """
    _new_version()
    transaction.on_commit(_new_version)


def content_changed(sender, update_fields=None, **kwargs) -> None:
    """Signal receiver for saves and deletes of what visitors see (connected in CranesClubConfig.ready)."""
    if update_fields and set(update_fields) <= {"last_login", "reminder_sent_at"}:
        return
    invalidate()


def _is_visitor(request) -> bool:
    return (
        settings.CLUB_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _key(request) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page:{current_version()}:{path}"


def cached_for_visitors(view):
    """Store the view's page for visitors; PageCacheMiddleware serves it from then on."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        # A page that sets a cookie (a CSRF token, a message) belongs to one visitor only.
        if _is_visitor(request) and response.status_code == 200 and not response.cookies:
            if hasattr(response, "render"):
                response.render()
            if not response.streaming:
                etag = quote_etag(hashlib.md5(response.content, usedforsecurity=False).hexdigest())
                response["ETag"] = etag
                page = (response.content, response["Content-Type"], etag)
                cache.set(_key(request), page, settings.CLUB_PAGE_CACHE_SECONDS)
        return response

    return wrapper


class PageCacheMiddleware:
    """Answers visitors from the page cache before the session and authentication layers run."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _is_visitor(request) and (page := cache.get(_key(request))) is not None:
            content, content_type, etag = page
            response = HttpResponse(content, content_type=content_type)
            response["ETag"] = etag
            response["Vary"] = "Cookie"
            return response
        return self.get_response(request)
