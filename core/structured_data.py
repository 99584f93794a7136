"""What every page's schema.org JSON-LD says of the club itself."""

from core.links import absolute_url


def club() -> dict:
    return {"@type": "Organization", "name": "Cranes Club", "url": absolute_url("/")}
