"""The versions every cached page, fragment and kept account is stored under, each one value in the
shared cache.

The content version: any change to what visitors can see (a curator's edit, a comment, an RSVP) sets
a new one, so the next request renders afresh; old entries simply expire. The accounts version: any
write to an account sets a new one, so the accounts workers keep (see `kept_account`) are never
older than their rows. Each app names the models visitors see with `watch()` in its
AppConfig.ready(). Their saves, deletes and many-to-many changes set new versions through signals,
and their bulk writes through PageRetiringQuerySet, which `watch()` insists on: no write site has to
remember.
"""

import copy
import logging
import secrets
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from pagecache import memory

VERSION_KEY = "pagecache:version"
ACCOUNTS_KEY = "pagecache:accounts"

logger = logging.getLogger(__name__)


class Watched:
    def __init__(self, ignore: frozenset[str], accounts: bool):
        self.ignore, self.accounts = ignore, accounts


_watched: dict[type[models.Model], Watched] = {}
# The accounts version the current request read along with its session; None outside such a request
# (a POST, say), which then reads accounts from the database.
_accounts_version: ContextVar[str | None] = ContextVar("accounts_version", default=None)


def current(key: str = VERSION_KEY) -> str | None:
    """The version under `key`, made if there is none yet; None when the shared cache is out of reach."""
    try:
        version = cache.get(key)
        if version is None:
            cache.add(key, secrets.token_hex(8), timeout=None)
            version = cache.get(key)
    except Exception:
        logger.warning("the shared cache cannot be read; serving without it", exc_info=True)
        return None
    return version


def current_version() -> str | None:
    return current(VERSION_KEY)


def version_for(request) -> str | None:
    """The version a request renders under, read once: PageCacheMiddleware reads it before the view runs."""
    if request is None:
        return current_version()
    version = getattr(request, "content_version", None)
    if version is None:
        version = request.content_version = current_version()
    return version


def kept(request, name: str, parts: tuple, make: Callable[[], object]):
    """What `make()` returns (rows a page needs outside its fragments), kept in this worker under the
    version the request renders under; `parts` tell one such value from another (a slug)."""
    return memory.value(name, version_for(request), parts, make)


def fragment(request, name: str, parts: list, render: Callable[[], str]) -> str:
    """HTML that `render()` makes, kept under the version the request renders under, in the shared cache
    and in this worker. Everyone whose request has the same `parts` is given the same HTML."""
    return memory.fragment(name, version_for(request), parts, render)


def _renew(key: str) -> None:
    cache.set(key, secrets.token_hex(8), timeout=None)


def _renew_after_commit(key: str) -> None:
    """The write is saved by now: if the cache fails here, pages rendered while it ran may show the old
    content until they expire (CLUB_PAGE_CACHE_SECONDS at most), which an admin must hear about."""
    try:
        _renew(key)
    except Exception:
        logger.error(
            "a change was saved but cached pages could not be retired: they may be stale for "
            "up to CLUB_PAGE_CACHE_SECONDS",
            exc_info=True,
        )
        raise


def invalidate(key: str = VERSION_KEY) -> None:
    """Retire every cached page (or, with ACCOUNTS_KEY, every kept account) now, and again when the
    current transaction commits.

    The second time matters: a request that ran while the change was still uncommitted may have
    cached the old content under the version set the first time.
    """
    _renew(key)  # failing, it fails the write too: nothing is committed that cached pages could hide
    transaction.on_commit(lambda: _renew_after_commit(key), robust=True)


def retire_everything(**kwargs) -> None:
    """Retire every cached page, fragment and row, and every account workers keep (the database was replaced)."""
    invalidate(VERSION_KEY)
    invalidate(ACCOUNTS_KEY)


def kept_account(user_id, load: Callable[[], models.Model | None]) -> models.Model | None:
    """The account `load()` reads, kept in this worker under the accounts version while the request
    has read one. Each caller gets a copy of its own, so nothing one request caches on it (permissions)
    outlives the request."""
    version = _accounts_version.get()
    if version is None:
        return load()
    account = memory.value("account", version, (user_id,), load)
    return copy.copy(account) if account is not None else None


@contextmanager
def reading_accounts_at(version: str):
    """Within this block, kept_account() keeps accounts under `version` (read with the session)."""
    token = _accounts_version.set(version)
    try:
        yield
    finally:
        _accounts_version.reset(token)


def _changed(model, fields=None) -> None:
    watched = _watched.get(model)
    if watched is None:
        return
    if not fields or not set(fields) <= watched.ignore:
        invalidate(VERSION_KEY)
    if watched.accounts:
        invalidate(ACCOUNTS_KEY)


class PageRetiringQuerySet(models.QuerySet):
    """The QuerySet of every watched model: bulk writes set new versions as saves do."""

    def update(self, **kwargs):
        rows = super().update(**kwargs)
        if rows:
            _changed(self.model, kwargs)
        return rows

    update.alters_data = True

    def delete(self):
        deleted = super().delete()
        if deleted[0]:
            _changed(self.model)
        return deleted

    delete.alters_data = True
    delete.queryset_only = True

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            _changed(self.model)
        return created

    bulk_create.alters_data = True


def watch(model: type[models.Model], *, ignore: tuple[str, ...] = (), accounts: bool = False) -> None:
    """Retire cached pages whenever a row of `model` changes, except when only `ignore`d fields
    (or many-to-many links) do. With `accounts`, every write to a row (ignored fields too) also
    retires the accounts kept by workers (a kept account holds its row only: its groups and rights
    are read afresh by each request)."""
    for manager in model._meta.managers:
        if not issubclass(manager._queryset_class, PageRetiringQuerySet):
            raise ImproperlyConfigured(
                f"{model._meta.label} is watched by the page cache, so its managers must use "
                "pagecache.PageRetiringQuerySet (or a subclass): its bulk writes must retire cached pages too."
            )
    _watched[model] = Watched(frozenset(ignore), accounts)
    label = model._meta.label
    post_save.connect(_saved, sender=model, dispatch_uid=f"pagecache-save-{label}")
    post_delete.connect(_deleted, sender=model, dispatch_uid=f"pagecache-delete-{label}")
    for field in model._meta.local_many_to_many:
        if field.name in ignore:
            continue
        m2m_changed.connect(_linked, sender=field.remote_field.through, dispatch_uid=f"pagecache-m2m-{field}")


def _saved(sender, update_fields=None, **kwargs) -> None:
    _changed(sender, update_fields)


def _deleted(sender, **kwargs) -> None:
    _changed(sender)


def _linked(sender, action: str, **kwargs) -> None:
    if action.startswith("post_"):
        invalidate()
