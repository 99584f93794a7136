"""The page cache: whole pages for visitors (pages), fragments for members (fragments), both stored under
one content version that every change to what visitors see retires (registry)."""

from core.pagecache.pages import PageCacheMiddleware, cached_for_visitors
from core.pagecache.registry import VERSION_KEY, VisibleQuerySet, current_version, invalidate, version_for, watch

__all__ = [
    "VERSION_KEY",
    "PageCacheMiddleware",
    "VisibleQuerySet",
    "cached_for_visitors",
    "current_version",
    "invalidate",
    "version_for",
    "watch",
]
