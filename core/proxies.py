"""Behind a proxy, the visitor's address is in X-Forwarded-For. With TRUSTED_PROXY_COUNT at 0 (which settings
hand to allauth's limits as ALLAUTH_TRUSTED_PROXY_COUNT) the site reads the proxy's own address instead, so
every visitor shares one address's limits (log-ins, sign-ups, resets): when requests come with the header
while the count is 0, the site says so, in the log (once a process) and on /healthz (a line; the check stays
well, so a load balancer keeps the server)."""

import logging

from django.conf import settings
from django.core.cache import cache

log = logging.getLogger(__name__)

SEEN_KEY = "club:forwarded-for-unread"
WARNING = (
    "requests arrive with X-Forwarded-For but TRUSTED_PROXY_COUNT is 0: every visitor counts as the proxy's "
    "address, and shares its log-in and sign-up limits; set TRUSTED_PROXY_COUNT to the number of your proxies"
)
_seen = False


def notice(request) -> None:
    """Called for each request that reaches Django: cheap once the header has been seen."""
    global _seen
    if _seen or settings.ALLAUTH_TRUSTED_PROXY_COUNT or "HTTP_X_FORWARDED_FOR" not in request.META:
        return
    _seen = True
    log.warning(WARNING)
    try:
        cache.set(SEEN_KEY, True, 24 * 3600)  # so that /healthz says it whichever process answers
    except Exception:
        log.warning("the shared cache is out of reach; /healthz may not show the warning", exc_info=True)


def check() -> tuple[bool, str]:
    if settings.ALLAUTH_TRUSTED_PROXY_COUNT:
        return True, ""
    seen = _seen
    if not seen:
        try:
            seen = bool(cache.get(SEEN_KEY))
        except Exception:
            seen = False
    return True, f"warning: {WARNING}" if seen else ""
