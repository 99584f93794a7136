from django.contrib.sessions import middleware as session_middleware
from django.http import HttpRequest


class SessionMiddleware(session_middleware.SessionMiddleware):
    """Django's, taking the session the page cache has already read for this request (one read, not two)."""

    def process_request(self, request: HttpRequest) -> None:
        loaded = getattr(request, "loaded_session", None)
        if loaded is None:
            super().process_request(request)
        else:
            request.session = loaded
