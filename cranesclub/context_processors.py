from functools import cache

from django.conf import settings
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse

# The layout's links and assets, named for base.html: {{ nav.faq }}, {{ asset.css }}.
NAV = {
    "home": "facts:home",
    "facts": "facts:list",
    "faq": "facts:faq",
    "screenings": "screenings:list",
    "discussion": "discussion:latest",
    "login": "login",
    "signup": "signup",
    "logout": "logout",
    "fact_feed": "fact_feed",
}
ASSETS = {
    "bootstrap": "vendor/bootstrap/css/bootstrap.min.css",
    "css": "css/site.css",
    "icon": "img/favicon.svg",
    "mark": "img/crane-mark.svg",
    "og_image": "img/og-cranes.png",
}


# Pages under these addresses belong to the menu item (a fact page to Facts); the FAQ is one page.
SECTIONS = ("facts", "screenings", "discussion")


@cache
def _layout(script_prefix: str, static_url: str) -> dict:
    """The same for every request with this script prefix and STATIC_URL, so worked out once per process."""
    return {
        "nav": {key: reverse(name) for key, name in NAV.items()},
        "asset": {key: static(path) for key, path in ASSETS.items()},
    }


def _section(path: str, nav: dict) -> str | None:
    if path == nav["faq"]:
        return "faq"
    return next((key for key in SECTIONS if path.startswith(nav[key])), None)


def site(request) -> dict:
    """The public address (for canonical links and social cards), the layout's links and the current menu item."""
    layout = _layout(get_script_prefix(), settings.STATIC_URL)
    return {"site_url": settings.SITE_URL.rstrip("/"), "section": _section(request.path, layout["nav"]), **layout}
