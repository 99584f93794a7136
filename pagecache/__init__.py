"""The page cache: whole pages for visitors (pages); fragments of members' pages ({% fragment %}), rows
and accounts kept in each worker (memory); all stored under versions that every change retires (registry),
and under the code's release (release), which every deploy changes."""

from pagecache.pages import PageCacheMiddleware, cached_for_visitors, not_cached, not_cached_unless_linked
from pagecache.registry import (
    ACCOUNTS_KEY,
    VERSION_KEY,
    PageRetiringQuerySet,
    current_version,
    fragment,
    invalidate,
    kept,
    kept_account,
    watch,
)
from pagecache.sessions import SessionMiddleware

__all__ = [
    "ACCOUNTS_KEY",
    "VERSION_KEY",
    "PageCacheMiddleware",
    "PageRetiringQuerySet",
    "SessionMiddleware",
    "cached_for_visitors",
    "current_version",
    "fragment",
    "invalidate",
    "kept",
    "kept_account",
    "not_cached",
    "not_cached_unless_linked",
    "watch",
]
