from collections.abc import Callable
from functools import lru_cache

from csp.constants import HEADER
from csp.middleware import CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.http import HttpRequest, HttpResponse

from core import proxies, stylesheet


def cross_origin_resource_policy(get_response: Callable[[HttpRequest], HttpResponse]):
    """Django sets COOP but not CORP; nothing of ours is meant to be embedded by other sites."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response

    return middleware


def forwarded_for_without_proxies(get_response: Callable[[HttpRequest], HttpResponse]):
    """X-Forwarded-For while TRUSTED_PROXY_COUNT is 0: the limits see the proxy, not the visitor (core.proxies)."""

    def middleware(request: HttpRequest) -> HttpResponse:
        proxies.notice(request)
        return get_response(request)

    return middleware


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp, with the site-wide policy built once per stylesheet instead of twice on every response.

    A visitor's page has its inlined stylesheet cut to the rules it can use first (core.stylesheet.fit), and
    its policy allows that text by its hash. Responses that customise their policy (the csp decorators) or
    use a nonce still go through django-csp's own process_response, with the same hash.
    """

    CUSTOMISED = ("_csp_config", "_csp_update", "_csp_replace", "_csp_exempt", "_csp_config_ro", "_csp_exempt_ro")

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        parts.update = {"style-src": [response.inline_style_source], **(parts.update or {})}
        return parts

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        # A visitor's page is cut once and kept (pagecache); a member's is made for each request, where the
        # cut would cost a tenth to a fifth of it, so it carries the whole stylesheet (about 14 KB in all).
        member = getattr(request, "user", None) is not None and request.user.is_authenticated
        response.inline_style_source = stylesheet.whole_source() if member else stylesheet.fit(response)
        customised = any(hasattr(response, name) for name in self.CUSTOMISED)
        if customised or getattr(request, "_csp_nonce", None) or settings.CONTENT_SECURITY_POLICY_REPORT_ONLY:
            return super().process_response(request, response)
        if HEADER not in response:
            response[HEADER] = site_policy(response.inline_style_source)
        return response


@lru_cache(maxsize=512)
def site_policy(style_source: str) -> str:
    """The site's policy allowing one inlined stylesheet (as many as core.stylesheet keeps fitted)."""
    return build_policy(update={"style-src": [style_source]})
