"""Sessions: read with the rest of a request's cache reads (SessionMiddleware), and kept in the database as well
as the cache (SessionStore, the SESSION_ENGINE), so that a cache out of reach logs nobody out."""

import logging

from django.contrib.sessions import middleware as session_middleware
from django.contrib.sessions.backends import cached_db
from django.http import HttpRequest

logger = logging.getLogger(__name__)


class SessionMiddleware(session_middleware.SessionMiddleware):
    """Django's, taking the session the page cache has already read for this request (one read, not two)."""

    def process_request(self, request: HttpRequest) -> None:
        loaded = getattr(request, "loaded_session", None)
        if loaded is None:
            super().process_request(request)
        else:
            request.session = loaded


class SessionStore(cached_db.SessionStore):
    """Django's cached_db store, which reads on without the cache: a session it cannot read there comes from the
    database (Django's does that, then fails putting it back). Deleting a session still needs the cache, so that
    one ended while it was out of reach (a log-out, "end my other sessions") cannot come back from it later:
    that request fails instead, as every write does (pagecache.registry)."""

    def load(self):
        try:
            data = self._cache.get(self.cache_key)
        except Exception:
            data = None
        if data is not None:
            return data
        stored = self._get_session_from_db()
        if stored is None:
            return {}
        data = self.decode(stored.session_data)
        try:
            self._cache.set(self.cache_key, data, self.get_expiry_age(expiry=stored.expire_date))
        except Exception:
            logger.warning("a session could not be kept in the cache; it is read from the database meanwhile")
        return data

    def exists(self, session_key):
        try:
            return super().exists(session_key)
        except Exception:  # the cache out of reach: every session is in the database too
            return super(cached_db.SessionStore, self).exists(session_key)
