"""The site's stylesheet, inlined in every page's <head>: nothing blocks the first paint.

`make css` builds it (build/static/css/site.css, about 10 KB compressed). Inlined whole, it costs a
page less than the round trip a <link> costs on a slow phone network, and no script is needed to load
it without blocking, which the strict Content-Security-Policy would forbid. The policy allows exactly
this text by its hash (core.middleware.SiteCSPMiddleware), not 'unsafe-inline'.
"""

import base64
import hashlib
from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.safestring import SafeString, mark_safe


@cache
def css() -> SafeString:
    """The built stylesheet, read once per process."""
    try:
        text = settings.SITE_STYLESHEET.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ImproperlyConfigured(f"{settings.SITE_STYLESHEET} is missing: run `make css`") from None
    if "</" in text:  # could close the <style> element; our own CSS never needs it
        raise ImproperlyConfigured(f"{settings.SITE_STYLESHEET} contains '</'")
    # Sass marks a stylesheet with non-ASCII characters with a byte-order mark; in a page it is just a character.
    # Safe: the site's own built CSS, never a member's text, and it cannot end the element (above).
    return mark_safe(text.removeprefix("\ufeff"))  # noqa: S308  # nosec B308 B703


@cache
def csp_source() -> str:
    """The style-src source that allows the inlined stylesheet and nothing else inline."""
    digest = hashlib.sha256(css().encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"
