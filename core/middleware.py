from collections.abc import Callable
from functools import cached_property

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
    """django-csp, with the site-wide policy built once instead of twice on every response.

    Responses that customise their policy (the csp decorators) or use a nonce still go through
    django-csp's own process_response. Every policy allows the inlined stylesheet by its hash (core.stylesheet).
    """

    CUSTOMISED = ("_csp_config", "_csp_update", "_csp_replace", "_csp_exempt", "_csp_config_ro", "_csp_exempt_ro")

    @cached_property
    def site_policy(self) -> str:
        return build_policy(update=self.inline_style)

    @property
    def inline_style(self) -> dict:
        return {"style-src": [stylesheet.csp_source()]}

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        parts.update = {**self.inline_style, **(parts.update or {})}
        return parts

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        customised = any(hasattr(response, name) for name in self.CUSTOMISED)
        if customised or getattr(request, "_csp_nonce", None) or settings.CONTENT_SECURITY_POLICY_REPORT_ONLY:
            return super().process_response(request, response)
        if HEADER not in response:
            response[HEADER] = self.site_policy
        return response
