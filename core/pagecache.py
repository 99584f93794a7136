"""Whole-page cache for visitors who are not logged in.

Views marked @cached_for_visitors store their page under the current content version; the
middleware serves stored pages before sessions, CSRF and authentication run, to any request
without a session cookie (which cannot be logged in). Any change to what visitors can see (a
curator's edit, a comment, an RSVP) sets a new version, so the next visitor gets a fresh page;
old entries simply expire. Members are never served from this cache. With several app servers
the cache must be shared (REDIS_URL), or each keeps its own stale copies.

Each app names the models visitors see with `watch()` in its AppConfig.ready(). Their saves,
deletes and many-to-many changes retire the cached pages through signals, and their bulk
writes through VisibleQuerySet, which `watch()` insists on: no write site has to remember.
"""

import hashlib
import secrets
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost, ImproperlyConfigured
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import quote_etag

VERSION_KEY = "pagecache:version"

# Watched models, each with the fields whose changes visitors never see (a last login, a reminder stamp).
_watched: dict[type[models.Model], frozenset[str]] = {}


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


def _changes_visible(model, fields) -> bool:
    return not fields or not set(fields) <= _watched.get(model, frozenset())


class VisibleQuerySet(models.QuerySet):
    """The QuerySet of every watched model: bulk writes retire cached pages as saves do."""

    def update(self, **kwargs):
        rows = super().update(**kwargs)
        if rows and _changes_visible(self.model, kwargs):
            invalidate()
        return rows

    update.alters_data = True

    def delete(self):
        deleted = super().delete()
        if deleted[0]:
            invalidate()
        return deleted

    delete.alters_data = True
    delete.queryset_only = True

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            invalidate()
        return created

    bulk_create.alters_data = True


def watch(model: type[models.Model], *, ignore: tuple[str, ...] = ()) -> None:
    """Retire cached pages whenever a row of `model` changes, except when only `ignore`d fields
    (or many-to-many links) do."""
    for manager in model._meta.managers:
        if not issubclass(manager._queryset_class, VisibleQuerySet):
            raise ImproperlyConfigured(
                f"{model._meta.label} is watched by the page cache, so its managers must use "
                "core.pagecache.VisibleQuerySet (or a subclass): its bulk writes must retire cached pages too."
            )
    _watched[model] = frozenset(ignore)
    label = model._meta.label
    post_save.connect(_saved, sender=model, dispatch_uid=f"pagecache-save-{label}")
    post_delete.connect(_deleted, sender=model, dispatch_uid=f"pagecache-delete-{label}")
    for field in model._meta.local_many_to_many:
        if field.name in ignore:
            continue
        m2m_changed.connect(_linked, sender=field.remote_field.through, dispatch_uid=f"pagecache-m2m-{field}")


def _saved(sender, update_fields=None, **kwargs) -> None:
    if _changes_visible(sender, update_fields):
        invalidate()


def _deleted(sender, **kwargs) -> None:
    invalidate()


def _linked(sender, action: str, **kwargs) -> None:
    if action.startswith("post_"):
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
        try:
            request.get_host()
        except DisallowedHost:
            return self.get_response(request)  # Django's own layers answer 400, as for any page
        if _is_visitor(request) and (page := cache.get(_key(request))) is not None:
            content, content_type, etag = page
            response = HttpResponse(content, content_type=content_type)
            response["ETag"] = etag
            response["Vary"] = "Cookie"
            return response
        return self.get_response(request)
