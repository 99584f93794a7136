"""Whole-page cache for visitors who are not logged in.

Every cached page is stored under the current content version. Any change to what visitors can see
(a curator's edit, a comment, an RSVP) sets a new version, so the next visitor gets a fresh page;
old entries simply expire. Members are never served from this cache.
With several app servers the cache must be shared (REDIS_URL), or each keeps its own stale copies.
"""

import hashlib
import secrets
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse

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


def _cacheable(request) -> bool:
    return (
        settings.CLUB_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
    )


def cached_for_visitors(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"page:{current_version()}:{path}"
        if (hit := cache.get(key)) is not None:
            content, content_type = hit
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        # A page that sets a cookie (a CSRF token, a message) belongs to one visitor only.
        if response.status_code == 200 and not response.cookies and not getattr(response, "streaming", False):
            if hasattr(response, "render"):
                response.render()
            cache.set(key, (response.content, response["Content-Type"]), settings.CLUB_PAGE_CACHE_SECONDS)
        return response

    return wrapper
