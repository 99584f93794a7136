"""Django's Redis cache, keeping one client per connection pool, and never waiting long for a Redis that hangs.

Django's client makes a new `redis.Redis` for every call, and building one (its table of response
callbacks) costs more than the round trip to Redis itself: about 0.15 ms a call, three or four calls a
page. The pools, and so the connections, are Django's as before.

A Redis that accepts connections and never answers must not hold the site: connecting and each answer get
a quarter of a second (CACHES' OPTIONS may say otherwise), and once a call has failed, this process asks Redis nothing
for BREAK_SECONDS (the breaker): every call fails at once, as if Redis were down. Callers then do without:
the page cache serves uncached, sessions come from the database (pagecache.sessions), and the counts that
must go on counting (rate limits, used two-factor codes) are kept in this process's memory meanwhile.
"""

import logging
import threading
import time

import redis
from django.core.cache.backends import redis as django_redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

logger = logging.getLogger(__name__)

# The longest a call waits to connect, and for an answer: a healthy Redis nearby answers in a millisecond.
CONNECT_SECONDS = 0.25
READ_SECONDS = 0.25
# How long a process leaves Redis alone after a call failed.
BREAK_SECONDS = 5
# Keys counted in this process's memory while Redis is out of reach: allauth's rate limits (and the club's,
# which are allauth's too) and the two-factor codes already used. A limit then holds per process.
COUNTED_HERE = ("allauth:rl:", "allauth.mfa.totp.used")
UNREACHABLE = (redis.ConnectionError, redis.TimeoutError)


class Unreachable(redis.ConnectionError):
    """Raised without asking Redis, while the breaker is open."""


class Breaker:
    """Per process: after a failure, calls fail at once for `seconds`; then the next call tries Redis again."""

    def __init__(self, seconds: float):
        self.seconds, self.until, self.lock = seconds, 0.0, threading.Lock()

    def check(self) -> None:
        if time.monotonic() < self.until:
            raise Unreachable("the shared cache failed a moment ago; not asking it again yet")

    def trip(self) -> None:
        with self.lock:
            opened = time.monotonic() >= self.until
            self.until = time.monotonic() + self.seconds
        if opened:
            logger.warning("the shared cache is out of reach; doing without it for %s s", self.seconds)

    def reset(self) -> None:
        self.until = 0.0


breaker = Breaker(BREAK_SECONDS)


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
        self._options = {"socket_connect_timeout": CONNECT_SECONDS, "socket_timeout": READ_SECONDS, **self._options}
        self._here = LocMemCache("pagecache-counted-here", {"OPTIONS": {"MAX_ENTRIES": 10_000}})

    def _ask(self, name: str, *args, **kwargs):
        """Call Redis through the breaker: at once Unreachable while it is open; a failure opens it."""
        breaker.check()
        try:
            return getattr(super(), name)(*args, **kwargs)
        except UNREACHABLE:
            breaker.trip()
            raise

    def _counted(self, name: str, key, *args, **kwargs):
        """As `_ask`, but a key in COUNTED_HERE goes to this process's memory while Redis is out of reach."""
        try:
            return self._ask(name, key, *args, **kwargs)
        except UNREACHABLE:
            if not str(key).startswith(COUNTED_HERE):
                raise
            return getattr(self._here, name)(key, *args, **kwargs)

    def get(self, key, default=None, version=None):
        return self._counted("get", key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._counted("set", key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._counted("add", key, value, timeout, version)

    def delete(self, key, version=None):
        return self._counted("delete", key, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._ask("touch", key, timeout, version)

    def has_key(self, key, version=None):
        return self._ask("has_key", key, version)

    def incr(self, key, delta=1, version=None):
        return self._ask("incr", key, delta, version)

    def get_many(self, keys, version=None):
        return self._ask("get_many", keys, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._ask("set_many", data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._ask("delete_many", keys, version)

    def clear(self):
        return self._ask("clear")
