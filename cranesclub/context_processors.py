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


@cache
def _layout(script_prefix: str, static_url: str) -> dict:
    """The same on every request, so worked out once per process instead of on every page."""
    return {
        "nav": {key: reverse(name) for key, name in NAV.items()},
        "asset": {key: static(path) for key, path in ASSETS.items()},
    }


def site(request) -> dict:
    """The public address (for canonical links and social cards) and the layout's links."""
    return {"site_url": settings.SITE_URL.rstrip("/"), **_layout(get_script_prefix(), settings.STATIC_URL)}
