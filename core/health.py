"""What /healthz checks: the database and the cache here, and whatever the apps register in their
AppConfig.ready() (the outbox registers the task queue). A check returns (well, a line to show)."""

import logging
from collections.abc import Callable

from django.core.cache import cache
from django.db import connection

log = logging.getLogger(__name__)

Check = Callable[[], tuple[bool, str]]
CHECKS: dict[str, Check] = {}


def register(name: str, check: Check) -> None:
    CHECKS[name] = check


def _database() -> tuple[bool, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return True, ""


def _cache() -> tuple[bool, str]:
    cache.set("healthz", "ok", 10)
    if cache.get("healthz") != "ok":
        return False, "the cache did not return what was stored"
    return True, ""


def report() -> tuple[list[str], list[str]]:
    """The names of the checks that failed, and the lines they had to say. Registered checks read the
    database, so they are skipped when it is down."""
    failed, lines = [], []
    for name, check in {"database": _database, "cache": _cache, **CHECKS}.items():
        if name not in ("database", "cache") and "database" in failed:
            continue
        try:
            well, line = check()
        except Exception:
            log.exception("health check: %s", name)
            well, line = False, ""
        if not well:
            failed.append(name)
        if line:
            lines.append(f"{name}: {line}")
    return failed, lines
