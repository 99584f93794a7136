"""What this process keeps of the shared cache. An entry whose key holds a version changes only when the
version does, so each worker keeps the ones it used last and skips the round trip to the cache for them.
Every entry still dies CLUB_PAGE_CACHE_SECONDS after it was made, here as in the shared cache. What
depends on the clock (the next screening) can pass through two of them (a kept row, then the page
rendered from it), so it is at most twice that old.
"""

import hashlib
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache

from pagecache.release import release

logger = logging.getLogger(__name__)

MISSING = object()


class Recent:
    """A small, thread-safe least-recently-used map of (deadline, value) entries."""

    def __init__(self, size: int):
        self.size, self.items, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, key: str) -> Any:
        with self.lock:
            entry = self.items.get(key)
            if entry is None:
                return MISSING
            if entry[0] <= time.monotonic():
                del self.items[key]
                return MISSING
            self.items.move_to_end(key)
            return entry[1]

    def set(self, key: str, value: Any, deadline: float) -> None:
        with self.lock:
            self.items[key] = (deadline, value)
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.items.clear()


recent = Recent(settings.CLUB_RECENT_ENTRIES)


def read_many(keys: list[str]) -> dict:
    """Reads for the cache's sake: when the shared cache is out of reach, the site serves uncached."""
    try:
        if len(keys) == 1:  # a visitor's page this worker kept: the version alone, a quarter quicker by GET
            found = cache.get(keys[0])
            return {} if found is None else {keys[0]: found}
        return cache.get_many(keys)
    except Exception as error:  # no traceback: while the cache is down, every request would log one
        logger.warning("the shared cache cannot be read; serving without it (%s)", error)
        return {}


def write(key: str, value, seconds: int) -> None:
    try:
        cache.set(key, value, seconds)
    except Exception as error:
        logger.warning("the shared cache cannot be written (%s)", error)


def keep(key: str, value: Any, expires: float) -> None:
    """Keep `value` in this process until `expires` (wall-clock time, as the shared cache's entries carry it)."""
    recent.set(key, value, time.monotonic() + (expires - time.time()))


def key_of(kind: str, name: str, version: str, parts) -> str:
    digest = hashlib.sha256(repr([str(part) for part in parts]).encode()).hexdigest()
    return f"{kind}:{release()}:{name}:{version}:{digest}"


def fragment(name: str, version: str, parts, render: Callable[[], str]) -> str:
    """Rendered HTML under the content version: from this process, else the shared cache, else `render()`."""
    seconds = settings.CLUB_PAGE_CACHE_SECONDS
    if seconds <= 0 or version is None:  # off, or the shared cache is out of reach
        return render()
    key = key_of("fragment", name, version, parts)
    html = recent.get(key)
    if html is MISSING:
        # The shared entry carries its age (as wall-clock time, which every process agrees on).
        entry = read_many([key]).get(key)
        now = time.time()
        if entry is None or entry[0] <= now:
            entry = (now + seconds, render())
            write(key, entry, seconds)
        html = entry[1]
        keep(key, html, entry[0])
    return html


def value(name: str, version: str, parts, make: Callable[[], Any]) -> Any:
    """A value (rows a page needs outside its fragments) kept in this process only, under the version.
    When `make()` raises (Http404 for a slug no fact has), nothing is kept."""
    seconds = settings.CLUB_PAGE_CACHE_SECONDS
    if seconds <= 0 or version is None:
        return make()
    key = key_of("value", name, version, parts)
    found = recent.get(key)
    if found is MISSING:
        found = make()
        recent.set(key, found, time.monotonic() + seconds)
    return found
