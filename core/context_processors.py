from functools import cache

from django.conf import settings
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse

from core import stylesheet


@cache
def _layout(script_prefix: str, static_url: str) -> dict:
    """The same for every request with this script prefix and STATIC_URL, so worked out once per process."""
    return {
        "nav": {key: reverse(name) for key, name in settings.LAYOUT_LINKS.items()},
        "asset": {key: static(path) for key, path in settings.LAYOUT_ASSETS.items()},
    }


def _section(path: str, nav: dict) -> str | None:
    return next((key for key in settings.LAYOUT_SECTIONS if path.startswith(nav[key])), None)


def site(request) -> dict:
    """The public address (for canonical links and social cards), the layout's links and the current menu item.

    base.html names them: {{ nav.faq }}, {{ asset.icon }}; settings.LAYOUT_* list them. {{ stylesheet }} is the
    site's CSS, which base.html inlines (core.stylesheet).
    """
    layout = _layout(get_script_prefix(), settings.STATIC_URL)
    section = _section(request.path, layout["nav"])
    return {"site_url": settings.SITE_URL, "section": section, "stylesheet": stylesheet.css(), **layout}
