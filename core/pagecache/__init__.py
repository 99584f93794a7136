"""The page cache: whole pages for visitors (pages); fragments of members' pages ({% fragment %}), rows
and accounts kept in each worker (memory); all stored under versions that every change retires (registry)."""

from core.pagecache.pages import PageCacheMiddleware, cached_for_visitors, not_cached, not_cached_unless_linked
from core.pagecache.registry import (
    ACCOUNTS_KEY,
    VERSION_KEY,
    VisibleQuerySet,
    current_version,
    invalidate,
    kept_account,
    version_for,
    watch,
)

__all__ = [
    "ACCOUNTS_KEY",
    "VERSION_KEY",
    "PageCacheMiddleware",
    "VisibleQuerySet",
    "cached_for_visitors",
    "current_version",
    "invalidate",
    "kept_account",
    "not_cached",
    "not_cached_unless_linked",
    "version_for",
    "watch",
]
