"""The page cache's fast path, in front of Django: a visitor's plain GET of a page this worker kept, and
whose content version is still current, is answered before Django builds a request or runs a middleware.

Only the plainest requests take it: no query string, no session or message cookie, no If-None-Match.
Everything else, and every miss, goes to Django, where PageCacheMiddleware answers from the shared cache
or stores the page the view makes. The key and the checks are the middleware's own.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest

from pagecache import memory
from pagecache.memory import MISSING, read_many
from pagecache.pages import SESSION_KEY_SHAPE, key_for, route_params
from pagecache.registry import VERSION_KEY


class KeptPages:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        page = self._kept(environ)
        if page is None:
            return self.application(environ, start_response)
        start_response("200 OK", list(page["headers"].values()))
        return [page["content"]]

    def _kept(self, environ) -> dict | None:
        plain = environ["REQUEST_METHOD"] == "GET" and not environ.get("QUERY_STRING")
        if not plain or "HTTP_IF_NONE_MATCH" in environ or settings.CLUB_PAGE_CACHE_SECONDS <= 0:
            return None
        request = WSGIRequest(environ)
        cookies = request.COOKIES
        if "messages" in cookies or SESSION_KEY_SHAPE.fullmatch(cookies.get(settings.SESSION_COOKIE_NAME, "")):
            return None
        if not settings.CLUB_VISITOR_PAGES or route_params(request.path_info) is None:
            return None
        try:
            page = memory.recent.get(key_for(request, ()))
        except DisallowedHost:
            return None  # Django answers 400
        if page is MISSING or page["version"] != read_many([VERSION_KEY]).get(VERSION_KEY):
            return None
        return page
