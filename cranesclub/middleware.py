from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


def cross_origin_resource_policy(get_response: Callable[[HttpRequest], HttpResponse]):
    """Django sets COOP but not CORP; nothing of ours is meant to be embedded by other sites."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response

    return middleware
