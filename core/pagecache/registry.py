"""The content version: one value in the shared cache that every cached page and fragment is stored under.

Any change to what visitors can see (a curator's edit, a comment, an RSVP) sets a new version, so
the next request renders afresh; old entries simply expire. Each app names the models visitors see
with `watch()` in its AppConfig.ready(). Their saves, deletes and many-to-many changes retire the
version through signals, and their bulk writes through VisibleQuerySet, which `watch()` insists on:
no write site has to remember.
"""

import secrets

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "pagecache:version"

# Watched models, each with the fields whose changes visitors never see (a last login, a reminder stamp).
_watched: dict[type[models.Model], frozenset[str]] = {}


def current_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, secrets.token_hex(8), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def version_for(request) -> str:
    """The version a request renders under, read once: PageCacheMiddleware reads it before the view runs."""
    version = getattr(request, "content_version", None)
    if version is None:
        version = request.content_version = current_version()
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
