"""The page cache's fast path, in front of Django: a visitor's plain GET of a page this worker kept, and
whose content version is still current, is answered before Django builds a request or runs a middleware.

Only the plainest requests take it: no query string, no session cookie, no If-None-Match. Everything
else, every miss and any error here goes to Django, where PageCacheMiddleware answers from the shared
cache or stores the page the view makes. Which pages and under which key is the middleware's own rule
(pages.visitor_page_key).
"""

import logging

from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest

from pagecache import memory
from pagecache.memory import MISSING, read_many
from pagecache.pages import SESSION_KEY_SHAPE, visitor_page_key
from pagecache.registry import VERSION_KEY

logger = logging.getLogger(__name__)


class KeptPages:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        try:
            page = self._kept(environ)
        except Exception:  # never worse than no fast path: Django answers, and handles what went wrong
            logger.exception("the page cache's fast path failed; Django answers")
            page = None
        if page is None:
            return self.application(environ, start_response)
        start_response("200 OK", list(page["headers"].values()))
        return [page["content"]]

    def _kept(self, environ) -> dict | None:
        plain = environ["REQUEST_METHOD"] == "GET" and not environ.get("QUERY_STRING")
        if not plain or "HTTP_IF_NONE_MATCH" in environ or settings.CLUB_PAGE_CACHE_SECONDS <= 0:
            return None
        request = WSGIRequest(environ.copy())  # a request rewrites PATH_INFO in the environ it is given
        if SESSION_KEY_SHAPE.fullmatch(request.COOKIES.get(settings.SESSION_COOKIE_NAME, "")):
            return None
        key = visitor_page_key(request)
        page = memory.recent.get(key) if key else MISSING
        if page is MISSING or page["version"] != read_many([VERSION_KEY]).get(VERSION_KEY):
            return None
        return page
