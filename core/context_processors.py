from functools import cache
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse

from core import stylesheet


@cache
def _layout(script_prefix: str, static_url: str) -> dict:
    """The same for every request with this script prefix and STATIC_URL, so worked out once per process."""
    return {
        "nav": {key: reverse(name) for key, name in settings.LAYOUT_LINKS.items()},
        "asset": {key: static(path) for key, path in settings.LAYOUT_ASSETS.items()},
        "icon": svg_data_address(settings.LAYOUT_ICON),
    }


def svg_data_address(path: str) -> str:
    """A small static SVG as a data: address. Sent inside the page, the tab's icon costs a phone on a slow
    network no second connection while the page paints (Content-Security-Policy allows data: images)."""
    svg = Path(finders.find(path)).read_text(encoding="utf-8").strip()
    return "data:image/svg+xml," + quote(svg, safe="/:=")


def _section(path: str, nav: dict) -> str | None:
    return next((key for key in settings.LAYOUT_SECTIONS if path.startswith(nav[key])), None)


def site(request) -> dict:
    """The public address (for canonical links and social cards), the layout's links and the current menu item.

    base.html names them: {{ nav.faq }}, {{ asset.og_image }}, {{ icon }}; settings.LAYOUT_* list them.
    {{ stylesheet }} is the site's CSS, which base.html inlines (core.stylesheet).
    """
    layout = _layout(get_script_prefix(), settings.STATIC_URL)
    section = _section(request.path, layout["nav"])
    return {"site_url": settings.SITE_URL, "section": section, "stylesheet": stylesheet.css(), **layout}
